// Comment anchors in words and in pixels: a region drawn on an image, or a time code in audio/video.
import type { CommentAnchor } from '@vetted/contracts';

export type RegionAnchor = Extract<CommentAnchor, { kind: 'region' }>;

/** "1:05" for 65.4 s: reviewers read time codes the way players show them. */
export function formatTimeCode(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The rectangle between two pointer positions, as fractions of the image, clamped inside it. */
export function regionBetween(start: { x: number; y: number }, end: { x: number; y: number }, box: { width: number; height: number }): RegionAnchor {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x1 = clamp(Math.min(start.x, end.x) / box.width);
  const y1 = clamp(Math.min(start.y, end.y) / box.height);
  const x2 = clamp(Math.max(start.x, end.x) / box.width);
  const y2 = clamp(Math.max(start.y, end.y) / box.height);
  return { kind: 'region', x: round(x1), y: round(y1), width: round(x2 - x1), height: round(y2 - y1) };
}

/** A drag shorter than this (as a share of the image) is a click, not a region. */
export const MIN_REGION = 0.01;

export function isMeaningfulRegion(r: RegionAnchor): boolean {
  return r.width >= MIN_REGION && r.height >= MIN_REGION;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
