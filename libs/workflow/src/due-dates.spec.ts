import { addBusinessDays, isOverdue, reviewDueAt } from './due-dates.js';

const at = (iso: string) => new Date(iso);

describe('reviewDueAt', () => {
  it('gives a fast-tracked review one business day: Friday to Monday, same time', () => {
    expect(reviewDueAt(at('2025-01-03T15:30:00Z'), true)).toEqual(at('2025-01-06T15:30:00Z'));
  });

  it('gives a standard review five business days: Wednesday to the next Wednesday', () => {
    expect(reviewDueAt(at('2025-01-08T09:00:00Z'), false)).toEqual(at('2025-01-15T09:00:00Z'));
  });

  it('skips both weekends of a long review', () => {
    expect(reviewDueAt(at('2025-01-03T12:00:00Z'), false, { standardBusinessDays: 10, fastTrackBusinessDays: 1 })).toEqual(
      at('2025-01-17T12:00:00Z'),
    );
  });

  it('counts a weekend submission from the next business day', () => {
    expect(reviewDueAt(at('2025-01-04T10:00:00Z'), true)).toEqual(at('2025-01-06T10:00:00Z'));
    expect(reviewDueAt(at('2025-01-05T23:59:00Z'), false)).toEqual(at('2025-01-10T23:59:00Z'));
  });

  it('counts business days in UTC, whatever the local time zone', () => {
    // Friday 23:30 UTC is already Saturday in Paris; the review is still due Monday 23:30 UTC.
    expect(reviewDueAt(at('2025-01-03T23:30:00Z'), true)).toEqual(at('2025-01-06T23:30:00Z'));
  });

  it('uses the configured numbers of business days', () => {
    const opts = { standardBusinessDays: 3, fastTrackBusinessDays: 2 };
    expect(reviewDueAt(at('2025-01-06T08:00:00Z'), false, opts)).toEqual(at('2025-01-09T08:00:00Z'));
    expect(reviewDueAt(at('2025-01-09T08:00:00Z'), true, opts)).toEqual(at('2025-01-13T08:00:00Z'));
  });

  it('refuses an invalid date or a negative number of days', () => {
    expect(() => reviewDueAt(new Date('nope'), true)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2025-01-06T08:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2025-01-06T08:00:00Z'), 1.5)).toThrow(RangeError);
  });

  it('does not change the submission date it was given', () => {
    const submittedAt = at('2025-01-06T08:00:00Z');
    reviewDueAt(submittedAt, false);
    expect(submittedAt).toEqual(at('2025-01-06T08:00:00Z'));
  });
});

describe('isOverdue', () => {
  const dueAt = at('2025-01-06T15:30:00Z');

  it('is not overdue up to the due instant', () => {
    expect(isOverdue(dueAt, at('2025-01-06T15:29:59Z'))).toBe(false);
    expect(isOverdue(dueAt, dueAt)).toBe(false);
  });

  it('is overdue once the due instant has passed', () => {
    expect(isOverdue(dueAt, at('2025-01-06T15:30:01Z'))).toBe(true);
  });
});
