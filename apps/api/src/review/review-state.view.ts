import type { ContentItem } from '@vetted/contracts';

/** The review half of an item as the API shows it; content adds the planning data and versions. */
export type ReviewStateView = Pick<
  ContentItem,
  | 'status'
  | 'requiredLanes'
  | 'fastTrack'
  | 'fastTrackReason'
  | 'lanes'
  | 'laneProgress'
  | 'dueAt'
  | 'reviewState'
  | 'round'
  | 'approvedVersion'
  | 'revision'
  | 'supersededVersionIds'
  | 'periodicReviewDueAt'
  | 'release'
  | 'submittedAt'
  | 'approvedAt'
  | 'expiresAt'
>;
