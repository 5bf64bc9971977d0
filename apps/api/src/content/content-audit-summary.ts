import type { ContentItemEntity } from './content-item.entity.js';

/** What the audit trail keeps of an item's planning data; the review module adds the review facts. No I/O. */
export function auditSummary(item: ContentItemEntity) {
  return {
    title: item.title,
    plannedAt: item.plannedAt.toISOString(),
    format: item.format,
    ...(item.seriesId ? { seriesId: item.seriesId, episodeNumber: item.episodeNumber } : {}),
    channels: item.channels,
    segments: item.segments,
    ...(item.product || item.market || item.language ? { product: item.product, market: item.market, language: item.language } : {}),
    currentVersion: item.currentVersion,
  };
}
