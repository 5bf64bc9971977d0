// What the text check read in the version's file: the library's claims it found (automatic or
// suggested, which a medical reviewer accepts or rejects) and the sentences no approved claim supports.
import type { TextAnchor, TextCheckLink } from '@vetted/contracts';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrentUser } from '../../../app/session';
import { useT } from '../../../i18n/use-t';
import { useDecideTextCheckLink, useTextCheck } from '../api/text-check';

export function TextCheckPanel({ itemId, versionNumber }: { itemId: string; versionNumber: number }) {
  const { t } = useT();
  const user = useCurrentUser();
  const check = useTextCheck(itemId, versionNumber);
  const decide = useDecideTextCheckLink(itemId, versionNumber);
  const medical = user.roles.includes('medical_reviewer');
  if (check.isPending) return <p>{t('common.loading')}</p>;
  if (check.isError) return <ErrorMessage error={check.error} />;
  const { status, reason, links, unsupported } = check.data;
  return (
    <section className="panel text-check-panel" aria-labelledby="text-check-title">
      <h2 id="text-check-title">{t('textCheck.title', { version: versionNumber })}</h2>
      <p className="field-hint" role="status">
        {t(`textCheck.status.${status}`)}
        {reason && ` — ${reason}`}
      </p>
      {links.length > 0 && (
        <>
          <h3>{t('textCheck.links')}</h3>
          <ul className="text-check-list">
            {links.map((link) => (
              <li key={link.id} className={`text-check-link text-check-${link.kind}`}>
                <strong>{link.code}</strong> <span className={`status-badge text-check-kind-${link.kind}`}>{t(`textCheck.kind.${link.kind}`)}</span>
                <blockquote>{link.text}</blockquote>
                <span className="field-hint">{whereOf(link.anchor, t)}</span>
                {medical && <LinkDecision link={link} busy={decide.isPending} onDecide={(decision) => decide.mutate({ linkId: link.id, body: { decision } })} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {decide.isError && <ErrorMessage error={decide.error} />}
      {unsupported.length > 0 && (
        <>
          <h3>{t('textCheck.unsupported', { count: unsupported.length })}</h3>
          <ul className="text-check-list">
            {unsupported.map((statement) => (
              <li key={statement.id} className="text-check-unsupported">
                <blockquote>{statement.text}</blockquote>
                <span className="field-hint">{whereOf(statement.anchor, t)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {status === 'done' && links.length === 0 && unsupported.length === 0 && <p className="empty-state">{t('textCheck.nothingFound')}</p>}
    </section>
  );
}

function LinkDecision({ link, busy, onDecide }: { link: TextCheckLink; busy: boolean; onDecide: (decision: 'accept' | 'reject') => void }) {
  const { t } = useT();
  return (
    <div className="button-row">
      {link.kind !== 'accepted' && (
        <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => onDecide('accept')} aria-label={t('textCheck.acceptLabel', { code: link.code })}>
          {t('textCheck.accept')}
        </button>
      )}
      {link.kind !== 'rejected' && (
        <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => onDecide('reject')} aria-label={t('textCheck.rejectLabel', { code: link.code })}>
          {t('textCheck.reject')}
        </button>
      )}
    </div>
  );
}

function whereOf(anchor: TextAnchor, t: ReturnType<typeof useT>['t']): string {
  const parts: string[] = [];
  if (anchor.page !== null) parts.push(t('substantiation.page', { page: anchor.page }));
  if (anchor.seconds !== null) parts.push(t('substantiation.time', { time: `${Math.floor(anchor.seconds / 60)}:${String(Math.floor(anchor.seconds % 60)).padStart(2, '0')}` }));
  if (anchor.box) parts.push(t('textCheck.box', { x: Math.round(anchor.box.x * 100), y: Math.round(anchor.box.y * 100) }));
  return parts.join(', ');
}
