// Month (or week) navigation with what the period holds by status, and the month / week / list switch.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ItemStatus } from '@vetted/contracts';
import { StatusIcon } from '../../../components/status-badge';
import { useT } from '../../../i18n/use-t';
import type { CalendarView } from '../calendar-search';

export interface CalendarToolbarProps {
  monthLabel: string;
  /** Items shown, by status (undefined while loading). */
  statusCounts?: Array<{ status: ItemStatus; count: number }>;
  previousLabel: string;
  nextLabel: string;
  view: CalendarView;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  onViewChange: (view: CalendarView) => void;
}

export function CalendarToolbar({ monthLabel, statusCounts, previousLabel, nextLabel, view, onPrevious, onToday, onNext, onViewChange }: CalendarToolbarProps) {
  const { t } = useT();
  return (
    <div className="calendar-toolbar">
      <div className="month-nav">
        <button type="button" className="icon-button" aria-label={previousLabel} onClick={onPrevious}>
          <ChevronLeft aria-hidden="true" focusable="false" size={18} />
        </button>
        <div className="month-heading">
          <h2 className="month-label" aria-live="polite">
            {monthLabel}
          </h2>
          {statusCounts && statusCounts.length > 0 && (
            <ul className="status-counts" aria-label={t('calendar.statusCounts')}>
              {statusCounts.map(({ status, count }) => (
                <li key={status} className={`status-count status-${status}`}>
                  <StatusIcon status={status} />
                  {t('calendar.statusCount', { status: t(`status.${status}`), count })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" className="icon-button" aria-label={nextLabel} onClick={onNext}>
          <ChevronRight aria-hidden="true" focusable="false" size={18} />
        </button>
        <button type="button" className="button-secondary button-small" onClick={onToday}>
          {t('calendar.today')}
        </button>
      </div>
      <div className="view-switch" role="group" aria-label={t('calendar.view')}>
        <button type="button" aria-pressed={view === 'grid'} onClick={() => onViewChange('grid')}>
          {t('calendar.viewGrid')}
        </button>
        <button type="button" aria-pressed={view === 'week'} onClick={() => onViewChange('week')}>
          {t('calendar.viewWeek')}
        </button>
        <button type="button" aria-pressed={view === 'list'} onClick={() => onViewChange('list')}>
          {t('calendar.viewList')}
        </button>
      </div>
    </div>
  );
}
