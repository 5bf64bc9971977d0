import type { AgendaEvent, ContentItemSummary } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aContentItemSummary } from '../../../testing/content-items';
import { agendaQueryKeys } from '../api/get-agenda';
import { calendarQueryKeys } from '../api/get-content-items';
import { saturationQueryKeys } from '../api/get-saturation';
import { gridDayRange, monthRange, weekRange } from '../month';
import { CalendarPage } from './calendar-page';

const december = { year: 2026, month: 11 };
const editor = { id: 'editor-1', email: 'editor@vetted.local', name: 'Eda Editor', roles: ['editor' as const] };

function render(items: ContentItemSummary[], agenda: AgendaEvent[] = []) {
  return renderPage(<CalendarPage />, {
    path: '/calendar',
    url: '/calendar?month=2026-12',
    user: editor,
    data: [
      [calendarQueryKeys.list({ ...monthRange(december) }), { items, total: items.length, page: 1, pageSize: 500 }],
      [agendaQueryKeys.range(gridDayRange(december)), { events: agenda }],
    ],
  });
}

describe('CalendarPage', () => {
  it('shows a thousand items as at most three cards a day with "+N more"', () => {
    const items = Array.from({ length: 1000 }, (_, i) =>
      aContentItemSummary({ id: `item-${i}`, title: `Piece ${i}`, plannedAt: new Date(2026, 11, 1 + (i % 31), 9).toISOString() }),
    );
    const html = render(items);
    expect(textOf(html)).toContain('1000 items this month');
    expect(html.match(/class="item-card /g)).toHaveLength(31 * 3);
    expect(textOf(html)).toContain('+30 more');
  });

  it('offers editors a keyboard way to reschedule each card', () => {
    const html = render([aContentItemSummary({ title: 'Dosing explained', plannedAt: new Date(2026, 11, 3, 9).toISOString() })]);
    expect(html).toContain('aria-label="Reschedule “Dosing explained”"');
    expect(html).toContain('draggable="true"');
    expect(textOf(html)).toContain('New item');
  });

  it('draws a congress as one bar across the days it lasts, named for screen readers', () => {
    const congress: AgendaEvent = { id: '00000000-0000-4000-8000-0000000000c1', title: 'Cardiology congress', kind: 'congress', startsOn: '2026-12-08', endsOn: '2026-12-10', specialties: [], location: 'Paris', url: null };
    const html = render([], [congress]);
    expect(html.match(/class="agenda-chip agenda-congress/g)).toHaveLength(1);
    expect(html).toMatch(/<td colSpan="1" class="agenda-gap"><\/td><td colSpan="3" class="agenda-cell">/);
    expect(textOf(html)).toContain('Congress: Cardiology congress (8 Dec 2026 to 10 Dec 2026)');
  });

  it('counts the month’s items by status beside its title', () => {
    const items = [
      aContentItemSummary({ id: 'a', plannedAt: new Date(2026, 11, 3, 9).toISOString() }),
      aContentItemSummary({ id: 'b', plannedAt: new Date(2026, 11, 4, 9).toISOString() }),
      aContentItemSummary({ id: 'c', plannedAt: new Date(2026, 11, 5, 9).toISOString() }, []),
    ];
    const text = textOf(render(items));
    expect(text).toMatch(/December 2026 Draft: 1 In review: 2/);
  });

  it('shows one week with room for a busy day, and moves by weeks', () => {
    const monday = new Date(2026, 11, 7);
    const items = Array.from({ length: 8 }, (_, i) => aContentItemSummary({ id: `w-${i}`, title: `Wednesday piece ${i}`, plannedAt: new Date(2026, 11, 9, 8 + i).toISOString() }));
    const html = renderPage(<CalendarPage />, {
      path: '/calendar',
      url: '/calendar?month=2026-12&view=week&week=2026-12-07',
      user: editor,
      data: [
        [calendarQueryKeys.list({ ...weekRange(monday) }), { items, total: items.length, page: 1, pageSize: 500 }],
        [agendaQueryKeys.range({ from: '2026-12-07', to: '2026-12-13' }), { events: [] }],
      ],
    });
    expect(html.match(/class="day-cell /g)).toHaveLength(7);
    expect(html.match(/class="item-card /g)).toHaveLength(8);
    expect(textOf(html)).toContain('Week of 7 December 2026');
    expect(textOf(html)).toContain('8 items this week');
    expect(html).toContain('aria-label="Next week"');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Week</);
  });

  it('warns when an audience segment would get more pieces in a week than the committee allows', () => {
    const html = renderPage(<CalendarPage />, {
      path: '/calendar',
      url: '/calendar?month=2026-12',
      user: editor,
      data: [
        [calendarQueryKeys.list({ ...monthRange(december) }), { items: [], total: 0, page: 1, pageSize: 500 }],
        [
          saturationQueryKeys.range(gridDayRange(december)),
          {
            weeklyLimit: 3,
            weeks: [
              { weekStart: '2026-12-07', segment: 'cardiologists', count: 5, over: true },
              { weekStart: '2026-12-07', segment: 'gps', count: 2, over: false },
            ],
          },
        ],
      ],
    });
    const text = textOf(html);
    expect(text).toContain('Some audiences would receive more than 3 pieces in a week:');
    expect(text).toContain('cardiologists: 5 pieces in the week of 7 Dec 2026');
    expect(text).not.toContain('gps: 2');
  });

  it('marks episodes of a series on their cards', () => {
    const episode = aContentItemSummary({ id: 'ep-2', title: 'Dosing', plannedAt: new Date(2026, 11, 3, 9).toISOString(), seriesId: '00000000-0000-4000-8000-0000000000d1', episodeNumber: 2 });
    expect(textOf(render([episode]))).toContain('Ep. 2 Dosing');
  });
});

