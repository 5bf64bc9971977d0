// The review tab: details, versions and upload, submission, the three lanes and their signed decisions.
import { decisionNeedsComment, type ContentItem, type ContentVersion, type LaneDecision, type ReviewDecision, type ReviewLane } from '@vetted/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useContentItem } from '../api/get-content-item';
import { useDecideReview } from '../api/decide-review';
import { useItemReviews } from '../api/get-item-reviews';
import { useSubmitForReview } from '../api/submit-for-review';
import { useWithdrawItem } from '../api/withdraw-item';
import { canAddVersion, canDecidePeriodicReview, canEscalate, canSubmitForReview, canWithdraw, canWithdrawRevision, decidableLanes } from '../can-decide';
import { usePeriodicReview } from '../api/periodic-review';
import { EscalationPanel } from '../components/escalation-panel';
import { ItemSummary } from '../components/item-summary';
import { SubstantiationPanel } from '../components/substantiation-panel';
import { ReviewLanes } from '../components/review-lanes';
import { SignatureDialog } from '../components/signature-dialog';
import { VersionDiscussion } from '../components/version-discussion';
import { VersionsPanel } from '../components/versions-panel';

const NO_DECISIONS: LaneDecision[] = [];

const SIGNING_TEXT = {
  approve: { title: 'signature.approveTitle', meaning: 'signature.approveMeaning' },
  approve_with_changes: { title: 'signature.approveWithChangesTitle', meaning: 'signature.approveWithChangesMeaning' },
  request_changes: { title: 'signature.requestChangesTitle', meaning: 'signature.requestChangesMeaning' },
} as const satisfies Record<ReviewDecision, { title: string; meaning: string }>;

/** What the signer is about to sign, with the version shown when the dialog opened: that exact version is what they sign. */
type SigningIntent =
  | { kind: 'decide'; lane: ReviewLane; decision: ReviewDecision }
  | { kind: 'withdraw'; scope: 'item' | 'revision' }
  | { kind: 'periodic'; decision: 'recertify' | 'retire' };
type Signing = SigningIntent & { version: ContentVersion | undefined };

export function ItemReviewTab() {
  const { id = '' } = useParams();
  const item = useContentItem(id);
  if (!item.data) return null;
  return <ItemReview item={item.data} />;
}

function ItemReview({ item }: { item: ContentItem }) {
  const { t } = useT();
  const user = useCurrentUser();
  const reviews = useItemReviews(item.id);
  const decisions = reviews.data?.decisions ?? NO_DECISIONS;
  const submit = useSubmitForReview();
  const decide = useDecideReview();
  const withdraw = useWithdrawItem();
  const periodic = usePeriodicReview();
  const [signing, setSigning] = useState<Signing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const currentVersion = item.versions.find((v) => v.number === item.currentVersion);
  const approvedVersion = item.versions.find((v) => v.id === item.approvedVersion?.id);
  const openSignature = (next: SigningIntent) => {
    decide.reset();
    withdraw.reset();
    periodic.reset();
    setNotice(null);
    setSigning({ ...next, version: next.kind === 'periodic' ? approvedVersion : currentVersion });
  };
  const signedVersion = signing?.version;
  const versionDetails = signedVersion && (
    <p className="field-hint">
      {t('versions.number', { number: signedVersion.number })} · {signedVersion.asset.filename} · SHA-256 {signedVersion.asset.sha256.slice(0, 12)}…
    </p>
  );

  return (
    <div className="workspace-review">
      <div className="notice-region">
        {notice && (
          <p role="status" className="notice notice-success">
            {notice}
          </p>
        )}
      </div>
      {item.revision && item.approvedVersion && (
        <p role="note" className="notice notice-info">
          {t('review.revisionBanner', { approved: item.approvedVersion.number, revision: item.revision.number })}
        </p>
      )}
      <div className="workspace-actions">
        {canSubmitForReview(item, user) && (
          <button
            type="button"
            className="button-primary"
            disabled={submit.isPending}
            onClick={() => submit.mutate(item.id, { onSuccess: () => setNotice(t('review.submitted')) })}
          >
            {submit.isPending ? t('common.saving') : t('review.submit')}
          </button>
        )}
        {canDecidePeriodicReview(item, user) && (
          <>
            <button type="button" className="button-primary" onClick={() => openSignature({ kind: 'periodic', decision: 'recertify' })}>
              {t('periodic.recertify')}
            </button>
            <button type="button" className="button-secondary" onClick={() => openSignature({ kind: 'periodic', decision: 'retire' })}>
              {t('periodic.retire')}
            </button>
          </>
        )}
        {canWithdrawRevision(item, user) && (
          <button type="button" className="button-secondary" onClick={() => openSignature({ kind: 'withdraw', scope: 'revision' })}>
            {t('review.withdrawRevision')}
          </button>
        )}
        {canWithdraw(item, user) && (
          <button type="button" className="button-danger" onClick={() => openSignature({ kind: 'withdraw', scope: 'item' })}>
            {t('review.withdraw')}
          </button>
        )}
        <ErrorMessage error={submit.error} />
      </div>
      <ErrorMessage error={reviews.error} />
      <ReviewLanes item={item} decisions={decisions} decidable={reviews.isSuccess ? decidableLanes(item, user, decisions) : []} onDecide={(lane, decision) => openSignature({ kind: 'decide', lane, decision })} />
      {canEscalate(item, user) && currentVersion && <EscalationPanel item={item} version={currentVersion} />}
      <SubstantiationPanel item={item} version={currentVersion} />
      <div className="workspace-columns">
        <ItemSummary item={item} />
        <VersionsPanel item={item} canUpload={canAddVersion(item, user)} />
      </div>
      <VersionDiscussion item={item} />

      {signing?.kind === 'decide' && (
        <SignatureDialog
          title={t(SIGNING_TEXT[signing.decision].title)}
          meaning={t(SIGNING_TEXT[signing.decision].meaning, { review: t(`lane.review.${signing.lane}`) })}
          details={versionDetails}
          text={{ label: t(signing.decision === 'approve_with_changes' ? 'lanes.changesToMake' : 'lanes.comment'), required: decisionNeedsComment(signing.decision) }}
          submitLabel={t('signature.sign')}
          pending={decide.isPending}
          error={decide.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            decide.mutate(
              {
                itemId: item.id,
                body: { lane: signing.lane, decision: signing.decision, versionId: signing.version?.id ?? '', password, ...(text ? { comment: text } : {}) },
              },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.decisionRecorded'));
                },
              },
            )
          }
        />
      )}
      {signing?.kind === 'periodic' && (
        <SignatureDialog
          title={t('periodic.title')}
          meaning={t(signing.decision === 'recertify' ? 'periodic.recertifyMeaning' : 'periodic.retireMeaning')}
          details={versionDetails}
          text={{ label: t('lanes.comment'), required: false }}
          submitLabel={t('signature.sign')}
          pending={periodic.isPending}
          error={periodic.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            periodic.mutate(
              { itemId: item.id, body: { decision: signing.decision, versionId: signing.version?.id ?? '', password, ...(text ? { comment: text } : {}) } },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.decisionRecorded'));
                },
              },
            )
          }
        />
      )}
      {signing?.kind === 'withdraw' && (
        <SignatureDialog
          title={t(signing.scope === 'revision' ? 'signature.withdrawRevisionTitle' : 'signature.withdrawTitle')}
          meaning={t(signing.scope === 'revision' ? 'signature.withdrawRevisionMeaning' : 'signature.withdrawMeaning')}
          details={versionDetails}
          text={{ label: t('signature.reason'), required: true }}
          submitLabel={t('signature.sign')}
          pending={withdraw.isPending}
          error={withdraw.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            withdraw.mutate(
              { itemId: item.id, body: { reason: text, password, scope: signing.scope, ...(signing.version ? { versionId: signing.version.id } : {}) } },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.withdrawn'));
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
