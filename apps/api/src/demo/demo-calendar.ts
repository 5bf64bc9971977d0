/** Where a demo date falls, relative to the day the demo is seeded, so the calendar looks lived-in whenever it is started. */
export type DemoDay =
  /** A weekday of the current week: 0 Monday … 4 Friday. */
  | { week: number }
  /** Day `day` of the month `month` months from now (clamped to the month's length). */
  | { month: number; day: number };

/** The date (UTC, at midnight) of `when`, seen from `today`. */
export function demoDate(when: DemoDay, today: Date): Date {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  if ('week' in when) {
    const monday = Date.UTC(y, m, today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * 86_400_000;
    return new Date(monday + when.week * 86_400_000);
  }
  const length = new Date(Date.UTC(y, m + when.month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m + when.month, Math.min(when.day, length)));
}

/** `when` at `hour`:`minute` UTC, as an ISO instant for the API. */
export function demoInstant(when: DemoDay, today: Date, hour = 8, minute = 0): string {
  const day = demoDate(when, today);
  day.setUTCHours(hour, minute, 0, 0);
  return day.toISOString();
}

/** "YYYY-MM-DD" of `when`. */
export function demoDayString(when: DemoDay, today: Date): string {
  return demoDate(when, today).toISOString().slice(0, 10);
}
