import { isAtCap, isOverCap, pairCap, saturationBreaches, saturationWeekOf } from './saturation.policy.js';

const caps = [{ segment: 'science-driven', channel: 'email', weeklyCap: 3 }, { segment: 'science-driven', channel: 'social', weeklyCap: 0 }];

describe('pairCap', () => {
  it('takes the pair’s own cap over the default, and the default for any other pair', () => {
    expect(pairCap(caps, 'science-driven', 'email', 5)).toBe(3);
    expect(pairCap(caps, 'science-driven', 'social', 5)).toBe(0);
    expect(pairCap(caps, 'patient-driven', 'email', 5)).toBe(5);
    expect(pairCap(caps, 'patient-driven', 'email', null)).toBeNull();
  });
});

describe('isOverCap and isAtCap', () => {
  it('counts exactly the cap as full but not over, and never caps an uncapped pair', () => {
    expect([isOverCap(2, 3), isOverCap(3, 3), isOverCap(4, 3)]).toEqual([false, false, true]);
    expect([isAtCap(2, 3), isAtCap(3, 3), isAtCap(4, 3)]).toEqual([false, true, true]);
    expect([isOverCap(999, null), isAtCap(999, null)]).toEqual([false, false]);
  });
});

describe('saturationBreaches', () => {
  const week = [
    { segment: 'science-driven', channel: 'email', count: 3 },
    { segment: 'science-driven', channel: 'rep-visit', count: 1 },
  ];

  it('names the pairs one more piece would take over, with what the week already holds', () => {
    expect(saturationBreaches({ segments: ['science-driven'], channels: ['email', 'rep-visit'], week, caps, defaultCap: null })).toEqual([
      { segment: 'science-driven', channel: 'email', count: 3, cap: 3 },
    ]);
  });

  it('lets a piece fill a pair up to its cap', () => {
    const twoSent = [{ segment: 'science-driven', channel: 'email', count: 2 }];
    expect(saturationBreaches({ segments: ['science-driven'], channels: ['email'], week: twoSent, caps, defaultCap: null })).toEqual([]);
  });

  it('refuses any piece on a pair capped at 0, even in an empty week', () => {
    expect(saturationBreaches({ segments: ['science-driven'], channels: ['social'], week: [], caps, defaultCap: null })).toEqual([
      { segment: 'science-driven', channel: 'social', count: 0, cap: 0 },
    ]);
  });

  it('applies the default cap to pairs without their own', () => {
    expect(saturationBreaches({ segments: ['science-driven'], channels: ['rep-visit'], week, caps, defaultCap: 1 })).toEqual([
      { segment: 'science-driven', channel: 'rep-visit', count: 1, cap: 1 },
    ]);
    expect(saturationBreaches({ segments: ['science-driven'], channels: ['rep-visit'], week, caps, defaultCap: 2 })).toEqual([]);
  });

  it('has nothing to say of a piece without a segment or a channel', () => {
    expect(saturationBreaches({ segments: [], channels: ['email'], week, caps, defaultCap: 0 })).toEqual([]);
    expect(saturationBreaches({ segments: ['science-driven'], channels: [], week, caps, defaultCap: 0 })).toEqual([]);
  });
});

describe('saturationWeekOf', () => {
  it('gives the Monday in UTC, a Sunday evening belonging to the week before', () => {
    expect(saturationWeekOf('2031-03-03T08:00:00Z')).toBe('2031-03-03');
    expect(saturationWeekOf('2031-03-09T23:59:59Z')).toBe('2031-03-03');
    expect(saturationWeekOf('2031-03-10T00:00:00Z')).toBe('2031-03-10');
    // 00:30 in Paris on Monday is still Sunday in UTC.
    expect(saturationWeekOf('2031-03-09T23:30:00Z')).toBe('2031-03-03');
  });
});
