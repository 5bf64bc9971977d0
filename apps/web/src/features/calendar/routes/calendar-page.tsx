// The editorial calendar: a month of planned content by day (grid or list), filtered, coloured by
// status; editors plan new items and move them by drag and drop or with the Reschedule button.
import { ITEM_STATUSES, type AgendaEvent, type ContentItemSummary } from '@vetted/contracts';
import { X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { canWriteContent } from '../../../app/permissions';
import { ApiRequestError } from '../../../app/api-client';
import { useCurrentUser } from '../../../app/session';
import { errorText, ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useAgenda } from '../api/get-agenda';
import { useChannels, useSegments } from '../api/get-audience-lists';
import { useCalendarItems } from '../api/get-content-items';
import { useSaturation } from '../api/get-saturation';
import { useRescheduleContentItem } from '../api/reschedule-content-item';
import { readCalendarSearch, writeCalendarSearch, type CalendarFilters, type CalendarSearch, type CalendarView } from '../calendar-search';
import { AudienceLoad } from '../components/audience-load';
import { CalendarFilterBar } from '../components/calendar-filter-bar';
import { CalendarToolbar } from '../components/calendar-toolbar';
import { CreateItemDialog } from '../components/create-item-dialog';
import { DayItemsDialog } from '../components/day-items-dialog';
import { ItemList } from '../components/item-list';
import { MonthGrid } from '../components/month-grid';
import { RescheduleDialog } from '../components/reschedule-dialog';
import { SaturationWarning } from '../components/saturation-warning';
import { StatusLegend } from '../components/status-legend';
import { addDays, addMonths, dayKeyOf, countByStatus, gridDayRange, groupItemsByDay, mondayOf, monthOf, monthRange, moveToDay, weekDays, weekRange, type DayKey } from '../month';

const NO_ITEMS: ContentItemSummary[] = [];
const NO_EVENTS: AgendaEvent[] = [];
/** A week has room for a day's whole plan before "+N more". */
const WEEK_ITEMS_PER_CELL = 12;

interface Notice {
  kind: 'error' | 'success';
  text: string;
}

export function CalendarPage() {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const canReschedule = canWriteContent(user.roles);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useMemo(() => readCalendarSearch(searchParams, new Date()), [searchParams]);
  const { month, week, view, filters } = search;
  const isWeek = view === 'week';
  const days = useMemo(() => (isWeek ? weekDays(week) : undefined), [isWeek, week]);

  const query = useCalendarItems({ ...(isWeek ? weekRange(week) : monthRange(month)), ...filters });
  const items = query.data?.items ?? NO_ITEMS;
  const itemsByDay = useMemo(() => groupItemsByDay(items), [items]);
  const shownDays = useMemo(() => (days ? { from: dayKeyOf(days[0]), to: dayKeyOf(days[6]) } : gridDayRange(month)), [days, month]);
  const agenda = useAgenda(shownDays);
  const saturation = useSaturation(shownDays);
  const agendaEvents = agenda.data?.events ?? NO_EVENTS;
  const statusCounts = useMemo(() => countByStatus(items, ITEM_STATUSES), [items]);
  const sortedItems = useMemo(() => [...items].sort((a, b) => a.plannedAt.localeCompare(b.plannedAt)), [items]);
  const itemsById = useRef(new Map<string, ContentItemSummary>());
  useEffect(() => {
    itemsById.current = new Map(items.map((i) => [i.id, i]));
  }, [items]);

  const [creating, setCreating] = useState(false);
  const [shownDay, setShownDay] = useState<DayKey | null>(null);
  const [rescheduling, setRescheduling] = useState<ContentItemSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** A move the API held back because it takes a pair over its weekly cap: the editor may confirm it. */
  const [heldMove, setHeldMove] = useState<{ item: ContentItemSummary; day: DayKey; text: string } | null>(null);
  const reschedule = useRescheduleContentItem();
  const channels = useChannels();
  const segments = useSegments();

  const navigateTo = useCallback(
    (next: Partial<CalendarSearch>) => setSearchParams(writeCalendarSearch({ ...search, ...next })),
    [search, setSearchParams],
  );
  const setFilters = useCallback((next: CalendarFilters) => navigateTo({ filters: next }), [navigateTo]);

  const moveItem = useCallback(
    (item: ContentItemSummary, day: DayKey, confirmSaturation = false) => {
      if (dayKeyOf(new Date(item.plannedAt)) === day) return;
      setNotice(null);
      setHeldMove(null);
      reschedule.mutate(
        { id: item.id, plannedAt: moveToDay(item.plannedAt, day), confirmSaturation },
        {
          onError: (error) => {
            const reason = errorText(error, t);
            if (error instanceof ApiRequestError && error.code === 'saturation_unconfirmed' && !confirmSaturation) setHeldMove({ item, day, text: t('calendar.moveHeld', { title: item.title, reason }) });
            else setNotice({ kind: 'error', text: t('calendar.rescheduleRefused', { title: item.title, reason }) });
          },
        },
      );
    },
    // `reschedule.mutate` is stable; depending on the whole mutation result would re-render every cell.
    [reschedule.mutate, t],
  );
  const dropItem = useCallback(
    (itemId: string, day: DayKey) => {
      const item = itemsById.current.get(itemId);
      if (item) moveItem(item, day);
    },
    [moveItem],
  );
  const requestReschedule = useCallback((item: ContentItemSummary) => {
    setShownDay(null);
    setRescheduling(item);
  }, []);

  const monthLabel = isWeek
    ? t('calendar.weekOf', { date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(week) })
    : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(month.year, month.month, 1));
  const moveWeek = (delta: number) => {
    const next = addDays(week, 7 * delta);
    navigateTo({ week: next, month: monthOf(next) });
  };
  const today = new Date();
  const defaultDay = today.getFullYear() === month.year && today.getMonth() === month.month ? today : new Date(month.year, month.month, 1);
  const total = query.data?.total ?? 0;

  return (
    <section className="page calendar-page" aria-busy={query.isFetching}>
      <div className="page-title-row">
        <h1>{t('calendar.title')}</h1>
        {canReschedule && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            {t('calendar.newItem')}
          </button>
        )}
      </div>
      <CalendarToolbar
        monthLabel={monthLabel}
        statusCounts={query.isSuccess ? statusCounts : undefined}
        previousLabel={isWeek ? t('calendar.previousWeek') : t('calendar.previousMonth')}
        nextLabel={isWeek ? t('calendar.nextWeek') : t('calendar.nextMonth')}
        view={view}
        onPrevious={() => (isWeek ? moveWeek(-1) : navigateTo({ month: addMonths(month, -1) }))}
        onToday={() => navigateTo({ month: monthOf(new Date()), week: mondayOf(new Date()) })}
        onNext={() => (isWeek ? moveWeek(1) : navigateTo({ month: addMonths(month, 1) }))}
        onViewChange={(v: CalendarView) => navigateTo({ view: v, week: v === 'week' && view !== 'week' ? mondayOf(defaultDay) : week })}
      />
      <CalendarFilterBar filters={filters} onChange={setFilters} />
      <StatusLegend />
      <SaturationWarning saturation={saturation.data} />
      {isWeek && days && <AudienceLoad saturation={saturation.data} weekStart={dayKeyOf(days[0])} channels={channels.data ?? []} segments={segments.data ?? []} />}
      <div className="notice-region">
        {heldMove && (
          <div role="alert" className="notice notice-warning">
            <span>{heldMove.text}</span>
            <button type="button" className="button-secondary button-small" onClick={() => moveItem(heldMove.item, heldMove.day, true)}>
              {t('calendar.moveAnyway')}
            </button>
            <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => setHeldMove(null)}>
              <X aria-hidden="true" focusable="false" size={16} />
            </button>
          </div>
        )}
        {notice && (
          <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice-${notice.kind}`}>
            <span>{notice.text}</span>
            <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => setNotice(null)}>
              <X aria-hidden="true" focusable="false" size={16} />
            </button>
          </div>
        )}
      </div>
      {query.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : (
        <>
          <p className="result-count" role="status">
            {total > items.length ? t('calendar.countPartial', { shown: items.length, total }) : t(isWeek ? 'calendar.countWeek' : 'calendar.count', { count: items.length })}
          </p>
          {view !== 'list' ? (
            <MonthGrid
              month={month}
              days={days}
              limit={isWeek ? WEEK_ITEMS_PER_CELL : undefined}
              itemsByDay={itemsByDay}
              agenda={agendaEvents}
              canReschedule={canReschedule}
              onDropItem={dropItem}
              onRequestReschedule={requestReschedule}
              onShowDay={setShownDay}
              caption={t('calendar.caption', { month: monthLabel })}
            />
          ) : (
            <ItemList items={sortedItems} canReschedule={canReschedule} onRequestReschedule={requestReschedule} caption={t('calendar.caption', { month: monthLabel })} />
          )}
        </>
      )}
      {creating && (
        <CreateItemDialog
          defaultDay={defaultDay}
          onClose={() => setCreating(false)}
          onCreated={(item) => {
            setCreating(false);
            setNotice({ kind: 'success', text: t('calendar.created', { title: item.title, date: formatDateTime(item.plannedAt, locale) }) });
          }}
        />
      )}
      {shownDay && (
        <DayItemsDialog
          day={shownDay}
          items={itemsByDay.get(shownDay) ?? NO_ITEMS}
          canReschedule={canReschedule}
          onRequestReschedule={requestReschedule}
          onClose={() => setShownDay(null)}
        />
      )}
      {rescheduling && (
        <RescheduleDialog
          item={rescheduling}
          onClose={() => setRescheduling(null)}
          onMove={(day) => {
            setRescheduling(null);
            moveItem(rescheduling, day);
          }}
        />
      )}
    </section>
  );
}
