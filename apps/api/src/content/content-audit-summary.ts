import type { ContentItemEntity } from './content-item.entity.js';
import { laneStatesFromSnapshot } from './workflow-state.js';

/** What the audit trail keeps of an item: the facts a reviewer checks, not the stored snapshot. No I/O. */
export function auditSummary(item: ContentItemEntity) {
  return {
    title: item.title,
    status: item.status,
    plannedAt: item.plannedAt.toISOString(),
    format: item.format,
    ...(item.seriesId ? { seriesId: item.seriesId, episodeNumber: item.episodeNumber } : {}),
    channels: item.channels,
    segments: item.segments,
    fastTrack: item.fastTrack,
    fastTrackReason: item.fastTrackReason,
    lanes: laneStatesFromSnapshot(item.workflowSnapshot),
    currentVersion: item.currentVersion,
  };
}
