// One claim (/claims/:id): its wording, references (open the reference document), its two review
// lanes and their signed decisions, and the items that make it. The author submits it; medical and
// regulatory reviewers approve or ask for changes; medical, regulatory or an admin withdraws it.
import { CLAIM_EDITABLE_STATUSES, CLAIM_LANES, LANE_ROLE, type ClaimDetail, type ClaimLane } from '@vetted/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { SignatureDialog } from '../../../components/signature-dialog';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate, formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useClaimAction } from '../api/change-claim';
import { referenceDocumentUrl, useClaim } from '../api/get-claim';
import { ClaimStatusBadge } from '../components/claim-status';

type Signing = { kind: 'approve' | 'request_changes'; lane: ClaimLane } | { kind: 'withdraw' };

export function ClaimPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const claim = useClaim(id);
  if (claim.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (claim.isError) return <ErrorMessage error={claim.error} />;
  return <ClaimView claim={claim.data} />;
}

function ClaimView({ claim }: { claim: ClaimDetail }) {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const actions = useClaimAction(claim.id);
  const [signing, setSigning] = useState<Signing | null>(null);
  const isAuthor = claim.createdBy === user.id;
  const canSubmit = user.roles.includes('editor') && CLAIM_EDITABLE_STATUSES.includes(claim.status);
  const decided = new Set(claim.decisions.filter((d) => d.contentSha256 === claim.contentSha256 && d.reviewerId === user.id).map((d) => d.lane));
  const lanesToDecide = CLAIM_LANES.filter((lane) => claim.status === 'in_review' && claim.lanes[lane] === 'pending' && user.roles.includes(LANE_ROLE[lane]) && !isAuthor && decided.size === 0);
  const canWithdraw = ['draft', 'in_review', 'changes_requested', 'approved'].includes(claim.status) && (user.roles.includes('medical_reviewer') || user.roles.includes('regulatory_reviewer') || user.roles.includes('admin'));
  const mutation = signing?.kind === 'withdraw' ? actions.withdraw : actions.decide;

  const sign = ({ password, text }: { password: string; text: string }) => {
    if (!signing) return;
    const done = { onSuccess: () => setSigning(null) };
    if (signing.kind === 'withdraw') actions.withdraw.mutate({ reason: text, password }, done);
    else actions.decide.mutate({ lane: signing.lane, decision: signing.kind, password, comment: text || undefined, contentSha256: claim.contentSha256 }, done);
  };

  return (
    <section className="page claim-page">
      <p>
        <Link to="/claims">{t('claims.back')}</Link>
      </p>
      <div className="page-title-row">
        <h1>
          {claim.code} <ClaimStatusBadge status={claim.status} />
        </h1>
        <div className="button-row">
          {canSubmit && (
            <button type="button" className="button-primary" disabled={actions.submit.isPending} onClick={() => actions.submit.mutate()}>
              {t('claims.submit')}
            </button>
          )}
          {lanesToDecide.map((lane) => (
            <span key={lane} className="button-row">
              <button type="button" className="button-primary" onClick={() => setSigning({ kind: 'approve', lane })}>
                {t('claims.approveLane', { lane: t(`lane.${lane}`) })}
              </button>
              <button type="button" className="button-secondary" onClick={() => setSigning({ kind: 'request_changes', lane })}>
                {t('claims.requestChanges')}
              </button>
            </span>
          ))}
          {canWithdraw && (
            <button type="button" className="button-danger" onClick={() => setSigning({ kind: 'withdraw' })}>
              {t('claims.withdraw')}
            </button>
          )}
        </div>
      </div>
      <ErrorMessage error={actions.submit.error} />
      <blockquote className="claim-statement" lang="fr">
        {claim.statement}
      </blockquote>
      {Object.entries(claim.translations).map(([language, statement]) => (
        <blockquote key={language} className="claim-statement claim-translation" lang={language}>
          <span className="visually-hidden">{language}: </span>
          {statement}
        </blockquote>
      ))}
      <dl className="details-grid">
        <dt>{t('item.product')}</dt>
        <dd>{claim.product}</dd>
        <dt>{t('claims.markets')}</dt>
        <dd>{claim.markets.join(', ') || t('claims.allMarkets')}</dd>
        <dt>{t('claims.expiresAt')}</dt>
        <dd>{claim.expiresAt ? formatDate(claim.expiresAt, locale) : '—'}</dd>
        <dt>{t('claims.contentSha256')}</dt>
        <dd>
          <code className="hash">{claim.contentSha256}</code>
        </dd>
        {claim.withdrawnReason && (
          <>
            <dt>{t('claims.withdrawnReason')}</dt>
            <dd>{claim.withdrawnReason}</dd>
          </>
        )}
      </dl>

      <h2>{t('claims.references')}</h2>
      {claim.references.length === 0 ? (
        <p className="empty-state">{t('claims.noReferences')}</p>
      ) : (
        <ol className="reference-list">
          {claim.references.map((reference) => (
            <li key={reference.id}>
              <span>{reference.citation}</span>
              {reference.locator && <span className="reference-locator"> — {reference.locator}</span>}
              {reference.doi && (
                <>
                  {' · '}
                  <a href={`https://doi.org/${encodeURI(reference.doi)}`} target="_blank" rel="noreferrer noopener">
                    DOI {reference.doi}
                  </a>
                </>
              )}
              {reference.pmid && <span> · PMID {reference.pmid}</span>}
              {reference.document && (
                <>
                  {' · '}
                  <a href={referenceDocumentUrl(claim.id, reference.id)} target="_blank" rel="noreferrer">
                    {t('claims.openDocument', { name: reference.document.filename })}
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}

      <h2>{t('claims.lanes')}</h2>
      <ul className="claim-lanes">
        {CLAIM_LANES.map((lane) => (
          <li key={lane}>
            <strong>{t(`lane.${lane}`)}</strong>: {t(`claimLane.${claim.lanes[lane]}`)}
          </li>
        ))}
      </ul>
      {claim.decisions.length > 0 && (
        <ul className="decision-list">
          {claim.decisions.map((d) => (
            <li key={`${d.lane}-${d.decidedAt}`}>
              {t('claims.decisionLine', { lane: t(`lane.${d.lane}`), who: d.reviewerName, when: formatDateTime(d.decidedAt, locale), decision: t(`claimDecision.${d.decision}`) })}
              {d.comment && <q> {d.comment}</q>}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('claims.usedBy')}</h2>
      {claim.usedBy.length === 0 ? (
        <p className="empty-state">{t('claims.notUsed')}</p>
      ) : (
        <ul>
          {claim.usedBy.map((item) => (
            <li key={item.id}>
              <Link to={`/items/${item.id}`}>{item.title}</Link> <StatusBadge status={item.status as never} />
            </li>
          ))}
        </ul>
      )}
      {signing && (
        <SignatureDialog
          title={signing.kind === 'withdraw' ? t('claims.withdrawTitle', { code: claim.code }) : signing.kind === 'approve' ? t('claims.approveTitle', { code: claim.code }) : t('claims.requestChangesTitle', { code: claim.code })}
          meaning={
            signing.kind === 'withdraw'
              ? t('claims.withdrawMeaning', { code: claim.code, count: claim.usedBy.length })
              : t(signing.kind === 'approve' ? 'claims.approveMeaning' : 'claims.requestChangesMeaning', { code: claim.code, lane: t(`lane.${signing.lane}`) })
          }
          text={signing.kind === 'withdraw' ? { label: t('claims.reason'), required: true } : signing.kind === 'request_changes' ? { label: t('claims.comment'), required: true } : undefined}
          submitLabel={t('claims.sign')}
          pending={mutation.isPending}
          error={mutation.error}
          onSign={sign}
          onClose={() => setSigning(null)}
        />
      )}
    </section>
  );
}
