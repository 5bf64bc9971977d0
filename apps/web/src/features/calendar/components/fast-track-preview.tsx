// What review the piece would get if submitted now, decided by the server on the claims library:
// "Regulatory only, due tomorrow: all 3 claims approved on the source" or "Full review: HF-007 …".
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useReviewPolicyPreview } from '../api/pick-reuse';

export function FastTrackPreview({ sourceItemId, claimIds }: { sourceItemId: string; claimIds: readonly string[] }) {
  const { t, locale } = useT();
  const preview = useReviewPolicyPreview(sourceItemId, claimIds);
  if (!preview.data) return null;
  const { fastTrack, reason, dueAt } = preview.data;
  return (
    <p className={`notice ${fastTrack ? 'notice-success' : 'notice-info'} field-wide fast-track-preview`} role="status" aria-live="polite" data-fast-track={fastTrack}>
      <strong>{fastTrack ? t('createItem.preview.fastTrack', { due: formatDateTime(dueAt, locale) }) : t('createItem.preview.full', { due: formatDateTime(dueAt, locale) })}</strong> {reason.replace(/^(fast-track|full review): /, '')}
    </p>
  );
}
