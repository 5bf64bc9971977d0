import { readCalendarSearch, writeCalendarSearch } from './calendar-search';
import { dayKeyOf } from './month';

describe('calendar address', () => {
  const today = new Date(2026, 11, 10); // a Thursday

  it('keeps the week view and its Monday in the address', () => {
    const search = readCalendarSearch(new URLSearchParams('month=2026-12&view=week&week=2026-12-16'), today);
    expect(search.view).toBe('week');
    expect(dayKeyOf(search.week)).toBe('2026-12-14');
    expect(writeCalendarSearch(search).toString()).toBe('month=2026-12&view=week&week=2026-12-14');
  });

  it('keeps product and market filters in the address, a market only once it is a complete code', () => {
    const search = readCalendarSearch(new URLSearchParams('month=2026-12&product=Cardiovex&market=fr'), today);
    expect(search.filters).toMatchObject({ product: 'Cardiovex', market: 'FR' });
    expect(writeCalendarSearch(search).toString()).toBe('month=2026-12&product=Cardiovex&market=FR');
    expect(readCalendarSearch(new URLSearchParams('market=F'), today).filters.market).toBeUndefined();
    expect(readCalendarSearch(new URLSearchParams('market=FRA'), today).filters.market).toBeUndefined();
  });

  it('falls back to the month grid and this week for anything unknown', () => {
    const search = readCalendarSearch(new URLSearchParams('view=year&week=someday'), today);
    expect(search.view).toBe('grid');
    expect(dayKeyOf(search.week)).toBe('2026-12-07');
    expect(writeCalendarSearch(search).toString()).toBe('month=2026-12');
  });
});
