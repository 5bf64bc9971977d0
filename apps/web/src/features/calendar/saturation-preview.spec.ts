import type { Saturation } from '@vetted/contracts';
import { planBreaches, saturationWeekRange } from './saturation-preview';

const saturation: Saturation = {
  weeklyLimit: 3,
  weeks: [],
  pairs: [
    { weekStart: '2026-12-07', segment: 'science-driven', channel: 'email', count: 3, cap: 3, over: false },
    { weekStart: '2026-11-30', segment: 'science-driven', channel: 'rep-visit', count: 5, cap: null, over: false },
  ],
  caps: [{ segment: 'science-driven', channel: 'email', weeklyCap: 3 }],
  defaultPairCap: null,
};

describe('saturationWeekRange', () => {
  it('gives the Monday-to-Sunday week of the planned day, and nothing while the date is empty', () => {
    expect(saturationWeekRange('2026-12-09T09:00')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(saturationWeekRange('')).toBeNull();
  });
});

describe('planBreaches', () => {
  it('names a full pair of the planned week, not of another week, nor an uncapped pair', () => {
    expect(planBreaches(saturation, '2026-12-07', { segments: ['science-driven'], channels: ['email', 'rep-visit'] })).toEqual([{ segment: 'science-driven', channel: 'email', count: 3, cap: 3 }]);
    expect(planBreaches(saturation, '2026-11-30', { segments: ['science-driven'], channels: ['email', 'rep-visit'] })).toEqual([]);
  });
});
