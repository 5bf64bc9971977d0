// A rep's latest shares, each with the doctor's reaction or a button to add it afterwards (the
// reaction often comes after the visit, by e-mail or at the next meeting).
import type { LibraryShare } from '@vetted/contracts';
import { MessageSquarePlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useMyShares, useRecordFeedback } from '../api/my-shares';
import { reactionFormOf, toFeedbackRequest, type ReactionForm } from '../share-form';
import { ReactionFields } from './reaction-fields';

export function MyShares() {
  const { t, locale } = useT();
  const shares = useMyShares();
  const [editing, setEditing] = useState<LibraryShare | null>(null);
  const [saved, setSaved] = useState(false);

  return (
    <section className="my-shares" aria-labelledby="my-shares-title">
      <h2 id="my-shares-title">{t('library.myShares.title')}</h2>
      {saved && (
        <p role="status" className="notice notice-success">
          {t('library.myShares.saved')}
        </p>
      )}
      <ErrorMessage error={shares.error} />
      {shares.data && shares.data.shares.length === 0 && <p className="empty-state">{t('library.myShares.empty')}</p>}
      {shares.data && shares.data.shares.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('library.myShares.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.item')}</th>
                <th scope="col">{t('library.share.channel')}</th>
                <th scope="col">{t('library.share.segment')}</th>
                <th scope="col">{t('library.share.feedback')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shares.data.shares.map((share) => (
                <tr key={share.id}>
                  <th scope="row">
                    {share.itemTitle} <span className="field-hint">{formatDateTime(share.sharedAt, locale)}</span>
                  </th>
                  <td>{t(`library.share.channel.${share.channel}`)}</td>
                  <td>{share.audienceSegment ?? '—'}</td>
                  <td>{reactionText(share, t)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => {
                        setSaved(false);
                        setEditing(share);
                      }}
                      aria-label={`${share.feedback ? t('library.myShares.editReaction') : t('library.myShares.addReaction')}: ${share.itemTitle ?? ''}`}
                    >
                      <MessageSquarePlus aria-hidden="true" size={16} /> {share.feedback ? t('library.myShares.editReaction') : t('library.myShares.addReaction')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <ReactionDialog
          share={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
          }}
        />
      )}
    </section>
  );
}

function reactionText(share: LibraryShare, t: ReturnType<typeof useT>['t']): string {
  const f = share.feedback;
  if (!f) return t('library.myShares.noReaction');
  return [f.useful === null ? null : f.useful ? t('library.myShares.usefulYes') : t('library.myShares.usefulNo'), f.rating === null ? null : `${f.rating} / 5`, f.comment].filter(Boolean).join(' · ');
}

function ReactionDialog({ share, onClose, onSaved }: { share: LibraryShare; onClose: () => void; onSaved: () => void }) {
  const { t } = useT();
  const save = useRecordFeedback(share.id);
  const [reaction, setReaction] = useState<ReactionForm>(reactionFormOf(share.feedback));
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = toFeedbackRequest(reaction);
    setInvalid(!check.ok);
    if (check.ok) save.mutate(check.request, { onSuccess: onSaved });
  }

  return (
    <Dialog title={t('library.myShares.reactionOf', { title: share.itemTitle ?? '' })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ReactionFields idPrefix="reaction" value={reaction} onChange={setReaction} invalid={invalid && reaction.comment.length > 500} />
        {invalid && reaction.comment.length <= 500 && <p className="field-error">{t('library.share.feedbackHint')}</p>}
        <ErrorMessage error={save.error} />
        <DialogActions submitLabel={t('library.myShares.save')} onCancel={onClose} pending={save.isPending} />
      </form>
    </Dialog>
  );
}
