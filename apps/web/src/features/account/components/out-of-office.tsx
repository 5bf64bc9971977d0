// "Out of office" in the user menu (reviewers): the period I am away and the colleague who covers my
// review tasks meanwhile; they see my tasks in their inbox and sign on my behalf.
import type { OutOfOffice } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useDelegates, useOutOfOffice, useSaveOutOfOffice } from '../api/out-of-office';

export function OutOfOfficeButton() {
  const { t, locale } = useT();
  const current = useOutOfOffice(true);
  const [open, setOpen] = useState(false);
  const away = current.data;
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {away ? t('ooo.awayUntil', { date: formatDate(away.to, locale) }) : t('ooo.button')}
      </button>
      {open && <OutOfOfficeDialog current={away ?? null} onClose={() => setOpen(false)} />}
    </>
  );
}

/** A datetime-local value (the browser's time zone) for an instant. */
function localInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function OutOfOfficeDialog({ current, onClose }: { current: OutOfOffice | null; onClose: () => void }) {
  const { t } = useT();
  const delegates = useDelegates();
  const save = useSaveOutOfOffice();
  const [from, setFrom] = useState(localInput(current?.from ?? new Date().toISOString()));
  const [to, setTo] = useState(localInput(current?.to ?? new Date(Date.now() + 7 * 86_400_000).toISOString()));
  const [delegateId, setDelegateId] = useState(current?.delegateId ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), delegateId }, { onSuccess: onClose });
  };

  return (
    <Dialog title={t('ooo.title')} onClose={onClose} description={t('ooo.description')}>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ooo-from">{t('ooo.from')}</label>
          <input id="ooo-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="ooo-to">{t('ooo.to')}</label>
          <input id="ooo-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <div className="field field-wide">
          <label htmlFor="ooo-delegate">{t('ooo.delegate')}</label>
          <select id="ooo-delegate" value={delegateId} onChange={(e) => setDelegateId(e.target.value)} required aria-describedby="ooo-delegate-hint">
            <option value="">{t('ooo.chooseDelegate')}</option>
            {(delegates.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.email})
              </option>
            ))}
          </select>
          <p id="ooo-delegate-hint" className="field-hint">
            {t('ooo.delegateHint')}
          </p>
        </div>
        <ErrorMessage error={delegates.error ?? save.error} className="field-wide" />
        {current && (
          <div className="field-wide">
            <button type="button" className="button-danger" disabled={save.isPending} onClick={() => save.mutate(null, { onSuccess: onClose })}>
              {t('ooo.clear')}
            </button>
          </div>
        )}
        <DialogActions submitLabel={t('ooo.save')} onCancel={onClose} pending={save.isPending} wide />
      </form>
    </Dialog>
  );
}
