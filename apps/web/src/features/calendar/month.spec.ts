import type { ContentItemSummary } from '@vetted/contracts';
import { agendaLanes, countByStatus, dayKeyOf, gridDayRange, groupAgendaByDay, groupItemsByDay, monthGridDays, moveToDay, parseMonth, weekDays } from './month';

const item = (id: string, plannedAt: Date) => ({ id, plannedAt: plannedAt.toISOString() }) as ContentItemSummary;

describe('monthGridDays', () => {
  it('starts on the Monday before the 1st and ends on the Sunday after the last day', () => {
    const days = monthGridDays({ year: 2026, month: 11 }); // December 2026 starts on a Tuesday
    expect(dayKeyOf(days[0])).toBe('2026-11-30');
    expect(dayKeyOf(days[days.length - 1])).toBe('2027-01-03');
    expect(days.length % 7).toBe(0);
  });
});

describe('groupItemsByDay', () => {
  it('puts items on their local day, earliest first', () => {
    const later = item('b', new Date(2026, 11, 3, 15, 0));
    const earlier = item('a', new Date(2026, 11, 3, 9, 0));
    const other = item('c', new Date(2026, 11, 4, 9, 0));
    const byDay = groupItemsByDay([later, other, earlier]);
    expect(byDay.get('2026-12-03')?.map((i) => i.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-12-04')?.map((i) => i.id)).toEqual(['c']);
  });

  it('groups a thousand items in one pass', () => {
    const items = Array.from({ length: 1000 }, (_, i) => item(String(i), new Date(2026, 11, 1 + (i % 31), 9)));
    const byDay = groupItemsByDay(items);
    expect(byDay.size).toBe(31);
    expect([...byDay.values()].reduce((n, day) => n + day.length, 0)).toBe(1000);
  });
});

describe('moveToDay', () => {
  it('keeps the time of day', () => {
    const moved = new Date(moveToDay(new Date(2026, 11, 3, 9, 30).toISOString(), '2026-12-10'));
    expect(dayKeyOf(moved)).toBe('2026-12-10');
    expect([moved.getHours(), moved.getMinutes()]).toEqual([9, 30]);
  });
});

describe('parseMonth', () => {
  it('falls back on anything that is not YYYY-MM', () => {
    const fallback = { year: 2026, month: 0 };
    expect(parseMonth('2026-13', fallback)).toBe(fallback);
    expect(parseMonth('2027-02', fallback)).toEqual({ year: 2027, month: 1 });
  });
});

describe('groupAgendaByDay', () => {
  it('puts a multi-day congress on each of its days, across a month end', () => {
    const congress = { id: 'c', startsOn: '2026-11-29', endsOn: '2026-12-02' };
    const day = { id: 'd', startsOn: '2026-12-01', endsOn: '2026-12-01' };
    const byDay = groupAgendaByDay([congress, day]);
    expect([...byDay.keys()]).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(byDay.get('2026-12-01')?.map((e) => e.id)).toEqual(['c', 'd']);
  });
});

describe('gridDayRange', () => {
  it('covers the whole grid, including the days around the month', () => {
    expect(gridDayRange({ year: 2026, month: 11 })).toEqual({ from: '2026-11-30', to: '2027-01-03' });
  });
});

describe('agendaLanes', () => {
  const week = weekDays(new Date(2026, 11, 7)); // Monday 7 December 2026
  const event = (id: string, startsOn: string, endsOn: string) => ({ id, startsOn, endsOn });

  it('draws a multi-day event as one bar across its days, and cuts it at the week’s edges', () => {
    const [lane] = agendaLanes([event('esc', '2026-12-08', '2026-12-11')], week);
    expect(lane).toEqual([{ event: event('esc', '2026-12-08', '2026-12-11'), start: 1, span: 4, continuesBefore: false, continuesAfter: false }]);
    const [[long]] = agendaLanes([event('long', '2026-12-01', '2026-12-20')], week);
    expect(long).toMatchObject({ start: 0, span: 7, continuesBefore: true, continuesAfter: true });
  });

  it('puts overlapping events on separate lanes and lets others share one', () => {
    const lanes = agendaLanes([event('a', '2026-12-07', '2026-12-09'), event('b', '2026-12-08', '2026-12-08'), event('c', '2026-12-10', '2026-12-13'), event('gone', '2026-11-01', '2026-11-02')], week);
    expect(lanes.map((l) => l.map((s) => s.event.id))).toEqual([['a', 'c'], ['b']]);
  });
});

describe('countByStatus', () => {
  it('counts items per status in the given order, leaving out empty statuses', () => {
    const items = [{ status: 'approved' }, { status: 'draft' }, { status: 'approved' }] as const;
    expect(countByStatus(items, ['draft', 'in_review', 'approved'])).toEqual([
      { status: 'draft', count: 1 },
      { status: 'approved', count: 2 },
    ]);
  });
});
