// Zoom and pan of the asset viewer as plain arithmetic. The asset is laid out at its "fit" rectangle
// (as large as the stage allows, centred); the viewport scales it from there (scale 1 = fit) and moves
// it by (x, y) stage pixels. Marks are placed in fractions of the asset inside the same transformed
// box, so they stay over the same spot at any zoom; two stages sharing one viewport stay in step.

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  left: number;
  top: number;
}

export interface Viewport {
  /** Relative to the fit size: 1 = the whole asset visible, 2 = twice that. */
  scale: number;
  x: number;
  y: number;
}

export const FIT: Viewport = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 16;
/** One press of a zoom button or key; a wheel notch zooms by a fraction of it. */
export const ZOOM_STEP = 1.25;

/** The largest rectangle of the asset's proportions inside the stage, centred. */
export function fitRect(stage: Size, asset: Size): Rect {
  if (stage.width <= 0 || stage.height <= 0 || asset.width <= 0 || asset.height <= 0) return { left: 0, top: 0, width: stage.width, height: stage.height };
  const ratio = Math.min(stage.width / asset.width, stage.height / asset.height);
  const width = asset.width * ratio;
  const height = asset.height * ratio;
  return { left: (stage.width - width) / 2, top: (stage.height - height) / 2, width, height };
}

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms by `factor` keeping the asset point under `at` (stage coordinates) where it is. */
export function zoomAt(view: Viewport, factor: number, at: { x: number; y: number }, fit: Rect): Viewport {
  const scale = clampScale(view.scale * factor);
  // The asset point under `at`, in fit-box pixels, before the zoom…
  const px = (at.x - fit.left - view.x) / view.scale;
  const py = (at.y - fit.top - view.y) / view.scale;
  // …lands at the same stage point after it.
  return { scale, x: at.x - fit.left - scale * px, y: at.y - fit.top - scale * py };
}

/** Zooms around the stage's centre (buttons and keys). */
export function zoomCentre(view: Viewport, factor: number, stage: Size, fit: Rect): Viewport {
  return zoomAt(view, factor, { x: stage.width / 2, y: stage.height / 2 }, fit);
}

/** One preview pixel per screen pixel ("100%"), centred on what the stage shows now. */
export function actualSize(view: Viewport, naturalWidth: number, stage: Size, fit: Rect): Viewport {
  if (fit.width <= 0 || naturalWidth <= 0) return view;
  return zoomCentre(view, naturalWidth / fit.width / view.scale, stage, fit);
}

export function panBy(view: Viewport, dx: number, dy: number): Viewport {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Where a point of the asset, in fractions of its size, appears on the stage. */
export function stagePointOf(fraction: { x: number; y: number }, view: Viewport, fit: Rect): { x: number; y: number } {
  return { x: fit.left + view.x + view.scale * fraction.x * fit.width, y: fit.top + view.y + view.scale * fraction.y * fit.height };
}

/** The CSS transform of the asset box for a viewport (origin at its top-left corner). */
export function transformOf(view: Viewport): string {
  return `translate(${round(view.x)}px, ${round(view.y)}px) scale(${round(view.scale, 4)})`;
}

/** Reads back what transformOf wrote (tests check where a mark ends up). */
export function parseTransform(transform: string): Viewport | null {
  const m = transform.match(/translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/);
  return m ? { x: Number(m[1]), y: Number(m[2]), scale: Number(m[3]) } : null;
}

/** Wheel deltas to a zoom factor: a notch (≈100 px) is a fifth of a button step, pinch (ctrl) faster. */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp((-pixels / 100) * Math.log(ZOOM_STEP) * (ctrlKey ? 1 : 0.6));
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
