// When a review is due: a number of business days (Monday to Friday, UTC) after submission.
// Public holidays are not counted out: no holiday calendar has been agreed yet.
export interface ReviewDueOptions {
  standardBusinessDays: number;
  fastTrackBusinessDays: number;
}

export const DEFAULT_REVIEW_DUE_OPTIONS: Readonly<ReviewDueOptions> = { standardBusinessDays: 5, fastTrackBusinessDays: 1 };

const DAY_MS = 24 * 60 * 60 * 1000;

function isBusinessDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * Adds business days keeping the time of day: Friday 15:00 + 1 is Monday 15:00. A submission made
 * on a weekend counts from that moment too, so Saturday 10:00 + 1 is Monday 10:00.
 */
export function addBusinessDays(from: Date, businessDays: number): Date {
  if (Number.isNaN(from.getTime())) throw new RangeError('invalid date');
  if (!Number.isSafeInteger(businessDays) || businessDays < 0) {
    throw new RangeError(`business days must be a whole number >= 0, got ${businessDays}`);
  }
  // Whole UTC days: UTC has no daylight-saving jumps, so the time of day is kept exactly.
  let due = new Date(from.getTime());
  for (let left = businessDays; left > 0; ) {
    due = new Date(due.getTime() + DAY_MS);
    if (isBusinessDay(due)) left -= 1;
  }
  return due;
}

export function reviewDueAt(
  submittedAt: Date,
  fastTrack: boolean,
  opts: ReviewDueOptions = DEFAULT_REVIEW_DUE_OPTIONS,
): Date {
  return addBusinessDays(submittedAt, fastTrack ? opts.fastTrackBusinessDays : opts.standardBusinessDays);
}

/** Due means due at that instant: a review decided exactly at dueAt is on time. */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
