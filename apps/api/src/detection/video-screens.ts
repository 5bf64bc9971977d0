// The text of a video, frame by frame: consecutive frames showing the same text are one screen, read
// once, at the time code where it first appeared.
import { normaliseStatement, type ExtractedLine } from './text-matching.js';

/** What OCR read in one sampled frame, and when the frame is shown. */
export interface FrameText {
  seconds: number;
  lines: readonly ExtractedLine[];
}

const screenKey = (lines: readonly ExtractedLine[]): string =>
  lines
    .map((l) => normaliseStatement(l.text))
    .filter(Boolean)
    .join('\n');

/**
 * The lines of each screen, stamped with the time code of its first frame. Text is compared as the
 * matching compares it (normalised), and only for equality: a near match could be a changed figure
 * ("21 %" then "37 %"), which must be read again. A frame with no text ends a screen, so text shown
 * again later is a new appearance. A screen is kept whole (not only its new lines) so that a claim
 * wrapped over a line that stayed and a line that changed is still read as one sentence; the findings
 * that merely stay on screen are dropped by `checkText`.
 */
export function screenLines(frames: readonly FrameText[]): ExtractedLine[] {
  const out: ExtractedLine[] = [];
  let previous: string | null = null;
  for (const frame of [...frames].sort((a, b) => a.seconds - b.seconds)) {
    const key = screenKey(frame.lines);
    if (key === previous) continue;
    previous = key;
    for (const line of frame.lines) if (normaliseStatement(line.text)) out.push({ ...line, page: null, seconds: frame.seconds });
  }
  return out;
}
