// The three review lanes side by side (marketing, medical, regulatory): each one's state, who
// decided, when, and what they said; for a lane staffed by a reviewer group, its members and the
// quorum's progress; decide buttons on the lane that is the user's to decide.
import { REVIEW_LANES, type ContentItem, type LaneDecision, type LaneMember, type LaneProgress, type ReviewDecision, type ReviewLane } from '@vetted/contracts';
import { useCurrentUser } from '../../../app/session';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { laneTaskFor, machineAccepts } from '../can-decide';

export interface ReviewLanesProps {
  item: ContentItem;
  decisions: readonly LaneDecision[];
  decidable: ReviewLane[];
  onDecide: (lane: ReviewLane, decision: ReviewDecision) => void;
}

/** The latest decision of a lane on the current version (earlier versions were decided on other files). */
export function latestDecision(item: ContentItem, decisions: readonly LaneDecision[], lane: ReviewLane): LaneDecision | undefined {
  return decisions
    .filter((d) => d.lane === lane && d.versionNumber === item.currentVersion)
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0];
}

export function ReviewLanes({ item, decisions, decidable, onDecide }: ReviewLanesProps) {
  const { t, locale } = useT();
  const user = useCurrentUser();
  return (
    <section className="panel" aria-labelledby="lanes-heading">
      <h2 id="lanes-heading">{t('lanes.title')}</h2>
      <ReviewClock item={item} />
      <div className="lanes">
        {REVIEW_LANES.map((lane) => {
          const state = item.lanes[lane];
          const decision = latestDecision(item, decisions, lane);
          const progress = item.laneProgress[lane];
          const task = decidable.includes(lane) ? laneTaskFor(item, user, lane) : null;
          const required = item.requiredLanes.includes(lane);
          const headingId = `lane-${lane}-heading`;
          return (
            <article key={lane} className={`lane lane-${state}`} aria-labelledby={headingId}>
              <h3 id={headingId}>{t(`lane.${lane}`)}</h3>
              <p className={`lane-state lane-state-${state}`}>{t(`laneState.${state}`)}</p>
              {!required && <p className="field-hint">{t('lanes.notRequired')}</p>}
              {progress && <LaneQuorum lane={lane} state={state} progress={progress} decisions={decisions.filter((d) => d.lane === lane && d.versionNumber === item.currentVersion)} />}
              {progress?.groupId ? null : decision ? (
                <dl className="lane-decision">
                  <div>
                    <dt>{t('lanes.reviewer')}</dt>
                    <dd>{decision.reviewerName}</dd>
                  </div>
                  <div>
                    <dt>{t('lanes.decidedAt')}</dt>
                    <dd>
                      <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, locale)}</time>
                    </dd>
                  </div>
                  {decision.comment && (
                    <div>
                      <dt>{t('lanes.comment')}</dt>
                      <dd className="lane-comment">{decision.comment}</dd>
                    </div>
                  )}
                </dl>
              ) : (
                <p className="field-hint">{t('lanes.noDecision')}</p>
              )}
              {task?.kind === 'covering' && (
                <p className="notice notice-info lane-on-behalf">{t('lanes.onBehalf', { name: task.member.name })}</p>
              )}
              {decidable.includes(lane) && (
                <div className="lane-actions">
                  <button type="button" className="button-primary" onClick={() => onDecide(lane, 'approve')}>
                    {t('lanes.approve')}
                    <span className="visually-hidden"> ({t(`lane.${lane}`)})</span>
                  </button>
                  {item.currentVersion !== null && machineAccepts(item, { type: 'APPROVE_WITH_CHANGES', lane, versionNumber: item.currentVersion }) && (
                    <button type="button" className="button-secondary" onClick={() => onDecide(lane, 'approve_with_changes')}>
                      {t('lanes.approveWithChanges')}
                      <span className="visually-hidden"> ({t(`lane.${lane}`)})</span>
                    </button>
                  )}
                  <button type="button" className="button-secondary" onClick={() => onDecide(lane, 'request_changes')}>
                    {t('lanes.requestChanges')}
                    <span className="visually-hidden"> ({t(`lane.${lane}`)})</span>
                  </button>
                </div>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/**
 * A lane's quorum this round. A group's lane lists its members with what each signed (and who signed
 * for an absent one); the default lane (everyone with the role) just says any one of them decides.
 */
function LaneQuorum({ lane, state, progress, decisions }: { lane: ReviewLane; state: string; progress: LaneProgress; decisions: readonly LaneDecision[] }) {
  const { t, locale } = useT();
  if (!progress.groupId) return <p className="field-hint lane-quorum">{t('lanes.anyReviewer', { lane: t(`lane.${lane}`).toLowerCase() })}</p>;
  const open = state === 'pending';
  return (
    <div className="lane-quorum">
      <p className="lane-progress">
        {t(`lanes.progress.${lane}`, { approvals: progress.approvals, total: progress.members.length })}
        {' · '}
        {progress.rule === 'all' ? t('lanes.requiredAll') : t('lanes.required', { count: progress.required })}
      </p>
      <p className="field-hint">{t('lanes.group', { name: progress.groupName ?? '' })}</p>
      {open && progress.members.length > 1 && <p className="field-hint lane-rule">{t('lanes.oneObjectionEnds')}</p>}
      <ul className="lane-members" aria-label={t('lanes.members', { lane: t(`lane.${lane}`) })}>
        {progress.members.map((member) => (
          <li key={member.taskId}>
            <span className="lane-member-name">{member.name}</span> <span className={`lane-member-state lane-member-${member.decision ?? member.taskStatus}`}>{memberState(member, t)}</span>
            {member.decidedAt && (
              <>
                {' '}
                <time dateTime={member.decidedAt}>{formatDateTime(member.decidedAt, locale)}</time>
              </>
            )}
            {member.decidedBy && <span className="field-hint"> {t('lanes.signedBy', { name: member.decidedBy.name })}</span>}
            {member.coveredBy && <span className="field-hint"> {t('lanes.coveredBy', { name: member.coveredBy.name })}</span>}
            {commentOf(member, decisions) && <p className="lane-comment">{commentOf(member, decisions)}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function memberState(member: LaneMember, t: ReturnType<typeof useT>['t']): string {
  if (member.decision) return t(`lanes.member.${member.decision}`);
  if (member.taskStatus === 'closed') return t('lanes.member.closed');
  return t('lanes.member.waiting');
}

/** What the member (or their delegate) wrote with their signed decision. */
function commentOf(member: LaneMember, decisions: readonly LaneDecision[]): string | null {
  if (!member.decision) return null;
  const signer = member.decidedBy?.id ?? member.id;
  return decisions.find((d) => d.reviewerId === signer)?.comment ?? null;
}

/** When the reviews are due, and why the item takes the fast track (fewer lanes, shorter delay) or not. */
function ReviewClock({ item }: { item: ContentItem }) {
  const { t, locale } = useT();
  if (!item.dueAt && !item.fastTrackReason) return null;
  const overdue = item.status === 'in_review' && item.dueAt !== null && new Date(item.dueAt) < new Date();
  return (
    <dl className="review-clock">
      {item.dueAt && (
        <div>
          <dt>{t('item.dueAt')}</dt>
          <dd className={overdue ? 'overdue' : undefined}>
            <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, locale)}</time>
            {overdue && <span className="tag tag-overdue">{t('review.overdue')}</span>}
          </dd>
        </div>
      )}
      {item.fastTrackReason && (
        <div>
          <dt>{item.fastTrack ? t('item.fastTrack') : t('item.reviewRoute')}</dt>
          <dd>{item.fastTrackReason}</dd>
        </div>
      )}
    </dl>
  );
}
