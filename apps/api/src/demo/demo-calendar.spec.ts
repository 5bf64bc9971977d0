import { demoDate, demoDayString } from './demo-calendar.js';

describe('demo dates', () => {
  it('puts week days in the current Monday-to-Friday week, whatever today is', () => {
    const sunday = new Date('2026-11-29T23:00:00Z');
    expect(demoDayString({ week: 0 }, sunday)).toBe('2026-11-23');
    expect(demoDayString({ week: 4 }, sunday)).toBe('2026-11-27');
    const monday = new Date('2026-11-30T00:30:00Z');
    expect(demoDayString({ week: 0 }, monday)).toBe('2026-11-30');
    expect(demoDayString({ week: 3 }, monday)).toBe('2026-12-03');
  });

  it('clamps month days to the month and crosses years', () => {
    const jan31 = new Date('2027-01-31T12:00:00Z');
    expect(demoDayString({ month: 1, day: 30 }, jan31)).toBe('2027-02-28');
    expect(demoDayString({ month: -1, day: 31 }, jan31)).toBe('2026-12-31');
    expect(demoDate({ month: 2, day: 1 }, new Date('2026-12-15T00:00:00Z')).toISOString()).toBe('2027-02-01T00:00:00.000Z');
  });
});
