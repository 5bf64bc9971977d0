// The three review lanes side by side (marketing, medical, regulatory): each one's state, who
// decided, when, and what they said; decide buttons on the lane that is the user's to decide.
import { REVIEW_LANES, type ContentItem, type LaneDecision, type ReviewDecision, type ReviewLane } from '@vetted/contracts';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { machineAccepts } from '../can-decide';

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
  return (
    <section className="panel" aria-labelledby="lanes-heading">
      <h2 id="lanes-heading">{t('lanes.title')}</h2>
      <ReviewClock item={item} />
      <div className="lanes">
        {REVIEW_LANES.map((lane) => {
          const state = item.lanes[lane];
          const decision = latestDecision(item, decisions, lane);
          const required = item.requiredLanes.includes(lane);
          const headingId = `lane-${lane}-heading`;
          return (
            <article key={lane} className={`lane lane-${state}`} aria-labelledby={headingId}>
              <h3 id={headingId}>{t(`lane.${lane}`)}</h3>
              <p className={`lane-state lane-state-${state}`}>{t(`laneState.${state}`)}</p>
              {!required && <p className="field-hint">{t('lanes.notRequired')}</p>}
              {decision ? (
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
