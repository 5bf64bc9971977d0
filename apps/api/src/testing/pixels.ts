import sharp from 'sharp';

export interface Pixel {
  r: number;
  g: number;
  b: number;
  width: number;
  height: number;
}

/** The mean colour of a 5×5 patch at (fx, fy), as fractions of the image's size: one pixel of a lossy video frame is too noisy to compare. */
export async function pixelAt(image: Buffer, fx: number, fy: number): Promise<Pixel> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const cx = Math.floor(info.width * fx);
  const cy = Math.floor(info.height * fy);
  const sum = { r: 0, g: 0, b: 0 };
  let n = 0;
  for (let y = Math.max(0, cy - 2); y <= Math.min(info.height - 1, cy + 2); y++) {
    for (let x = Math.max(0, cx - 2); x <= Math.min(info.width - 1, cx + 2); x++) {
      const at = (y * info.width + x) * 3;
      sum.r += data[at];
      sum.g += data[at + 1];
      sum.b += data[at + 2];
      n++;
    }
  }
  return { r: sum.r / n, g: sum.g / n, b: sum.b / n, width: info.width, height: info.height };
}

/** On the watermark band (the diagonal from bottom-left to top-right, near its start), off its text. */
export const BAND = [0.08, 0.92] as const;

export function distance(a: Pick<Pixel, 'r' | 'g' | 'b'>, b: Pick<Pixel, 'r' | 'g' | 'b'>): number {
  return Math.abs(a.r - b.r) + Math.abs(a.g - b.g) + Math.abs(a.b - b.b);
}
