// Every item of one busy day, when its cell shows "+N more".
import type { ContentItemSummary } from '@vetted/contracts';
import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/use-t';
import { dateOfDayKey, type DayKey } from '../month';
import { ItemCard } from './item-card';

export interface DayItemsDialogProps {
  day: DayKey;
  items: ContentItemSummary[];
  canReschedule: boolean;
  onRequestReschedule: (item: ContentItemSummary) => void;
  onClose: () => void;
}

export function DayItemsDialog({ day, items, canReschedule, onRequestReschedule, onClose }: DayItemsDialogProps) {
  const { t, locale } = useT();
  const title = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dateOfDayKey(day));
  return (
    <Dialog title={title} description={t('calendar.dayCount', { count: items.length })} onClose={onClose}>
      <ul className="day-items day-items-full">
        {items.map((item) => (
          <ItemCard key={item.id} item={item} canReschedule={canReschedule} onRequestReschedule={onRequestReschedule} />
        ))}
      </ul>
    </Dialog>
  );
}
