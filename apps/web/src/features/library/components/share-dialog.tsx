// Reps record that they shared a piece: the channel, the audience segment (never a doctor's name)
// and an optional note. The editorial committee reads these back as the library's usage.
import { SHARE_CHANNELS, type LibraryItem, type LibraryShare, type ShareChannel } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useRecordShare } from '../api/record-share';
import { NO_REACTION, toShareRequest, type ShareField, type ShareForm } from '../share-form';
import { ReactionFields } from './reaction-fields';

export interface ShareDialogProps {
  item: LibraryItem;
  onRecorded: (share: LibraryShare) => void;
  onClose: () => void;
}

export function ShareDialog({ item, onRecorded, onClose }: ShareDialogProps) {
  const { t } = useT();
  const record = useRecordShare(item.id);
  const [form, setForm] = useState<ShareForm>({ channel: 'rep-visit', audienceSegment: '', note: '', reaction: NO_REACTION });
  const [invalid, setInvalid] = useState<ShareField[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = toShareRequest(form);
    if (!check.ok) {
      setInvalid(check.invalid);
      document.getElementById(check.invalid[0] === 'feedback' ? 'share-reaction-comment' : `share-${check.invalid[0]}`)?.focus();
      return;
    }
    setInvalid([]);
    record.mutate(check.request, { onSuccess: onRecorded });
  }

  const describedBy = (field: ShareField) => [`share-${field}-hint`, invalid.includes(field) ? `share-${field}-error` : ''].filter(Boolean).join(' ');
  const fieldError = (field: ShareField) =>
    invalid.includes(field) && (
      <p id={`share-${field}-error`} className="field-error">
        {t(field === 'note' ? 'library.share.invalidNote' : 'library.share.invalidSegment')}
      </p>
    );

  return (
    <Dialog title={t('library.share.title', { title: item.title })} onClose={onClose} description={<p>{t('library.share.description')}</p>}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="share-channel">{t('library.share.channel')}</label>
          <select id="share-channel" value={form.channel} onChange={(e) => setForm((f) => ({ ...f, channel: e.target.value as ShareChannel }))}>
            {SHARE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`library.share.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="share-audienceSegment">
            {t('library.share.segment')} <span className="optional">({t('common.optional')})</span>
          </label>
          <input
            id="share-audienceSegment"
            type="text"
            list="share-segments"
            maxLength={60}
            value={form.audienceSegment}
            onChange={(e) => setForm((f) => ({ ...f, audienceSegment: e.target.value }))}
            aria-invalid={invalid.includes('audienceSegment') || undefined}
            aria-describedby={describedBy('audienceSegment')}
          />
          <datalist id="share-segments">
            {item.segments.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <p id="share-audienceSegment-hint" className="field-hint">
            {t('library.share.segmentHint')}
          </p>
          {fieldError('audienceSegment')}
        </div>
        <div className="field">
          <label htmlFor="share-note">
            {t('library.share.note')} <span className="optional">({t('common.optional')})</span>
          </label>
          <textarea
            id="share-note"
            rows={3}
            maxLength={1000}
            value={form.note}
            onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))}
            aria-invalid={invalid.includes('note') || undefined}
            aria-describedby={describedBy('note')}
          />
          <p id="share-note-hint" className="field-hint">
            {t('library.share.noteHint')}
          </p>
          {fieldError('note')}
        </div>
        <fieldset className="field">
          <legend>{t('library.share.feedback')}</legend>
          <p className="field-hint">{t('library.share.feedbackHint')}</p>
          <ReactionFields idPrefix="share-reaction" value={form.reaction ?? NO_REACTION} onChange={(reaction) => setForm((f) => ({ ...f, reaction }))} invalid={invalid.includes('feedback')} />
        </fieldset>
        <ErrorMessage error={record.error} />
        <DialogActions submitLabel={t('library.share.submit')} onCancel={onClose} pending={record.isPending} />
      </form>
    </Dialog>
  );
}
