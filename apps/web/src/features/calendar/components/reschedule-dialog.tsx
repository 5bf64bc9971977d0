// The keyboard way to move an item to another day (the same as dragging its card).
import type { ContentItemSummary } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { useT } from '../../../i18n/use-t';
import { dayKeyOf } from '../month';

export function RescheduleDialog({ item, onMove, onClose }: { item: ContentItemSummary; onMove: (day: string) => void; onClose: () => void }) {
  const { t } = useT();
  const [day, setDay] = useState(dayKeyOf(new Date(item.plannedAt)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (day) onMove(day);
  }

  return (
    <Dialog title={t('calendar.rescheduleTitle', { title: item.title })} onClose={onClose}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="reschedule-day">{t('calendar.newDate')}</label>
          <input id="reschedule-day" type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          <p className="field-hint">{t('calendar.keepsTime')}</p>
        </div>
        <DialogActions submitLabel={t('calendar.move')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
