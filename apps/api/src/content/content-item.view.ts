import type { ContentItem, ContentVersion, ItemClaim, VersionRenditions, TextCheckSummary } from '@vetted/contracts';
import type { ClaimFacts } from '../claims/claims.service.js';
import type { ReviewStateView } from '../review/review-state.view.js';
import type { ContentItemEntity } from './content-item.entity.js';
import type { ContentVersionEntity } from './content-version.entity.js';

/** Versions stored before renditions existed, or of types nothing is rendered for. */
const NO_RENDITIONS: VersionRenditions = { status: 'not_applicable', error: null, thumbnail: false, preview: false, previewWatermarked: false, previewMimeType: null, poster: false, pages: 0, pageCount: null };

export function toContentVersion(v: ContentVersionEntity, renditions: VersionRenditions = NO_RENDITIONS): ContentVersion {
  return {
    id: v.id,
    number: v.number,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    asset: { filename: v.filename, mimeType: v.mimeType, size: v.size, sha256: v.sha256 },
    media: { durationSeconds: v.durationSeconds, width: v.width, height: v.height },
    renditions,
  };
}

export function toContentItem(
  item: ContentItemEntity,
  review: ReviewStateView,
  versions: ContentVersionEntity[],
  renditions: Map<string, VersionRenditions>,
  claims: ReadonlyMap<string, ClaimFacts>,
  textChecks: ReadonlyMap<string, TextCheckSummary> = new Map(),
): ContentItem {
  const latest = versions.find((v) => v.number === item.currentVersion);
  const textCheck = latest && textChecks.get(latest.id);
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    format: item.format,
    ...review,
    plannedAt: item.plannedAt.toISOString(),
    channels: item.channels,
    segments: item.segments,
    ownerId: item.ownerId,
    coOwnerIds: item.coOwnerIds,
    product: item.product,
    market: item.market,
    language: item.language,
    sourceItemId: item.sourceItemId,
    seriesId: item.seriesId,
    episodeNumber: item.episodeNumber,
    claimIds: item.claimIds,
    claims: item.claimIds.flatMap((id): ItemClaim[] => {
      const claim = claims.get(id);
      return claim ? [{ id, code: claim.code, statement: claim.statement, status: claim.status, anchor: item.claimAnchors[id] ?? null }] : [];
    }),
    currentVersion: item.currentVersion,
    versions: versions.sort((a, b) => a.number - b.number).map((v) => toContentVersion(v, renditions.get(v.id))),
    ...(textCheck ? { textCheck } : {}),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
