// Agency guests of one item, for its owners: who is invited until when, a one-time link to hand over
// when inviting (shown once: only its hash is stored), and revocation, which ends the guest's access at once.
import type { ContentItem, GuestInvitationCreated } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useInviteGuest, useItemGuests, useRevokeGuest } from '../api/guests';

export function GuestInvitations({ item }: { item: ContentItem }) {
  const { t, locale } = useT();
  const guests = useItemGuests(item.id);
  const revoke = useRevokeGuest(item.id);
  const [inviting, setInviting] = useState(false);
  const listed = guests.data?.guests.filter((g) => g.status !== 'revoked') ?? [];
  return (
    <section className="guest-invitations" aria-labelledby="guests-heading">
      <h3 id="guests-heading">{t('guests.title')}</h3>
      <p className="field-hint">{t('guests.hint')}</p>
      <ErrorMessage error={guests.error ?? revoke.error} />
      {listed.length > 0 && (
        <ul className="guest-list">
          {listed.map((g) => (
            <li key={g.guestId}>
              <span>
                {g.name} · {g.email} · {t(`guests.status.${g.status}`)} · {t('guests.until', { date: formatDate(g.expiresAt, locale) })}
              </span>
              <button type="button" className="button-secondary button-small" disabled={revoke.isPending} onClick={() => revoke.mutate(g.guestId)} aria-label={t('guests.revokeLabel', { name: g.name })}>
                {t('guests.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button-secondary" onClick={() => setInviting(true)}>
        {t('guests.invite')}
      </button>
      {inviting && <InviteGuestDialog item={item} onClose={() => setInviting(false)} />}
    </section>
  );
}

function InviteGuestDialog({ item, onClose }: { item: ContentItem; onClose: () => void }) {
  const { t, locale } = useT();
  const invite = useInviteGuest(item.id);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [until, setUntil] = useState(() => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const [created, setCreated] = useState<GuestInvitationCreated | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The access ends at the end of the chosen day, in the editor's time zone.
    const expiresAt = new Date(`${until}T23:59:59`).toISOString();
    invite.mutate({ email, name, expiresAt }, { onSuccess: setCreated });
  };
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.inviteUrl);
    setCopied(true);
  };

  return (
    <Dialog title={t('guests.inviteTitle', { title: item.title })} onClose={onClose}>
      {created ? (
        <div className="form-grid">
          <div className="field field-wide">
            <label htmlFor="guest-link">{t('guests.link')}</label>
            <input id="guest-link" readOnly value={created.inviteUrl} onFocus={(e) => e.target.select()} aria-describedby="guest-link-hint" />
            <p id="guest-link-hint" className="field-hint">
              {t('guests.linkHint', { date: formatDate(created.inviteExpiresAt, locale) })}
            </p>
          </div>
          <p role="status" className="field-wide">
            {copied ? t('guests.copied') : ''}
          </p>
          <div className="dialog-actions field-wide">
            <button type="button" className="button-secondary" onClick={() => void copy()}>
              {t('guests.copy')}
            </button>
            <button type="button" className="button-primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form-grid" onSubmit={submit}>
          <div className="field">
            <label htmlFor="guest-name">{t('guests.name')}</label>
            <input id="guest-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="guest-email">{t('guests.email')}</label>
            <input id="guest-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="guest-until">{t('guests.expiresAt')}</label>
            <input id="guest-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
          </div>
          <p className="field-hint field-wide">{t('guests.mayDo')}</p>
          <ErrorMessage error={invite.error} className="field-wide" />
          <DialogActions submitLabel={t('guests.send')} onCancel={onClose} pending={invite.isPending} wide />
        </form>
      )}
    </Dialog>
  );
}
