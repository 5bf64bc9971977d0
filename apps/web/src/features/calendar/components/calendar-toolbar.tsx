// Month (or week) navigation and the month / week / list switch.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useT } from '../../../i18n/use-t';
import type { CalendarView } from '../calendar-search';

export interface CalendarToolbarProps {
  monthLabel: string;
  previousLabel: string;
  nextLabel: string;
  view: CalendarView;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  onViewChange: (view: CalendarView) => void;
}

export function CalendarToolbar({ monthLabel, previousLabel, nextLabel, view, onPrevious, onToday, onNext, onViewChange }: CalendarToolbarProps) {
  const { t } = useT();
  return (
    <div className="calendar-toolbar">
      <div className="month-nav">
        <button type="button" className="icon-button" aria-label={previousLabel} onClick={onPrevious}>
          <ChevronLeft aria-hidden="true" focusable="false" size={18} />
        </button>
        <h2 className="month-label" aria-live="polite">
          {monthLabel}
        </h2>
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
