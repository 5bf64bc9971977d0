// What the text check read in the version's file: the library's claims it found (automatic or
// suggested, which a medical reviewer accepts or rejects) and the sentences no approved claim supports.
// A video finding's time code seeks the workspace's player, when the workspace gives a way to.
import type { TextAnchor, TextCheckLink } from '@vetted/contracts';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrentUser } from '../../../app/session';
import { useT } from '../../../i18n/use-t';
import { useDecideTextCheckLink, useTextCheck } from '../api/text-check';
import { formatTimeCode } from '../comment-anchor';

export interface TextCheckPanelProps {
  itemId: string;
  versionNumber: number;
  /** Moves the version's player to a time code; absent when no player shows this version. */
  onSeek?: (seconds: number) => void;
}

export function TextCheckPanel({ itemId, versionNumber, onSeek }: TextCheckPanelProps) {
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
      {status === 'done' && reason && (
        <p role="note" className="notice notice-info">
          {t('textCheck.partial')}
        </p>
      )}
      {links.length > 0 && (
        <>
          <h3>{t('textCheck.links')}</h3>
          <ul className="text-check-list">
            {links.map((link) => (
              <li key={link.id} className={`text-check-link text-check-${link.kind}`}>
                <strong>{link.code}</strong> <span className={`status-badge text-check-kind-${link.kind}`}>{t(`textCheck.kind.${link.kind}`)}</span>
                <blockquote>{link.text}</blockquote>
                <Where anchor={link.anchor} text={link.text} onSeek={onSeek} />
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
                <Where anchor={statement.anchor} text={statement.text} onSeek={onSeek} />
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

/** Where a finding is: its page, its box, and for a video its time code, a button to the moment when a player shows the version. */
function Where({ anchor, text, onSeek }: { anchor: TextAnchor; text: string; onSeek?: (seconds: number) => void }) {
  const { t } = useT();
  const parts: string[] = [];
  if (anchor.page !== null) parts.push(t('substantiation.page', { page: anchor.page }));
  if (anchor.box) parts.push(t('textCheck.box', { x: Math.round(anchor.box.x * 100), y: Math.round(anchor.box.y * 100) }));
  const { seconds } = anchor;
  if (seconds === null) return <span className="field-hint">{parts.join(', ')}</span>;
  const time = formatTimeCode(seconds);
  return (
    <span className="field-hint">
      {onSeek ? (
        <button type="button" className="link-button" onClick={() => onSeek(seconds)} aria-label={t('textCheck.seekTo', { time, text })}>
          {t('substantiation.time', { time })}
        </button>
      ) : (
        t('substantiation.time', { time })
      )}
      {parts.length > 0 && `, ${parts.join(', ')}`}
    </span>
  );
}
