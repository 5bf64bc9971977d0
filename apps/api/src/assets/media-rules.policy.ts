import type { ContentFormat } from '@vetted/contracts';
import { UnprocessableError } from '../common/domain-errors.js';

export interface DurationLimits {
  episodeMaxSeconds: number;
  podcastMaxSeconds: number;
}

/** Video and series items are episodes of the 90-second format; podcasts have their own ceiling. */
export function maxDurationFor(format: ContentFormat, limits: DurationLimits): number | null {
  if (format === 'video' || format === 'series') return limits.episodeMaxSeconds;
  if (format === 'podcast') return limits.podcastMaxSeconds;
  return null;
}

export function assertDurationAllowed(format: ContentFormat, durationSeconds: number | null, limits: DurationLimits): void {
  const max = maxDurationFor(format, limits);
  if (max === null) return;
  const what = format === 'podcast' ? 'A podcast' : 'An episode';
  if (durationSeconds === null || !Number.isFinite(durationSeconds)) {
    throw new UnprocessableError(`The duration of this file could not be read; ${what.toLowerCase()} must last at most ${max} s`, { maxSeconds: max });
  }
  const measured = Math.round(durationSeconds * 10) / 10;
  if (durationSeconds > max) {
    throw new UnprocessableError(`${what} may last at most ${max} s; this file lasts ${measured} s`, { measuredSeconds: measured, maxSeconds: max });
  }
}
