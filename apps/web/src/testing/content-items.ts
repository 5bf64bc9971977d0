// Small factories for specs: a content item whose review state comes from replaying real events
// through the shared machine, and a signed-in user; both overridable field by field.
import { contentItemSummarySchema, REVIEW_LANES, type ContentItem, type ContentItemSummary, type ContentVersion, type SessionUser } from '@vetted/contracts';
import { describeReview, REVIEW_MACHINE_VERSION, startReview, type ReviewEvent } from '@vetted/workflow';

export const SUBMITTED_V1: ReviewEvent[] = [{ type: 'SUBMIT', versionNumber: 1 }];

export function aContentItem(overrides: Partial<ContentItem> = {}, history: ReviewEvent[] = SUBMITTED_V1): ContentItem {
  const requiredLanes = overrides.requiredLanes ?? [...REVIEW_LANES];
  const actor = startReview({ requiredLanes });
  for (const event of history) {
    if (!actor.getSnapshot().can(event)) throw new Error(`test history refused by the machine: ${JSON.stringify(event)}`);
    actor.send(event);
  }
  const { status, lanes } = describeReview(actor.getSnapshot());
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Episode 1',
    description: null,
    format: 'video',
    status,
    plannedAt: '2026-12-03T09:00:00.000Z',
    channels: [],
    segments: [],
    ownerId: 'editor-1',
    coOwnerIds: [],
    product: null,
    market: null,
    language: null,
    sourceItemId: null,
    seriesId: null,
    episodeNumber: null,
    claimIds: [],
    claims: [],
    fastTrack: requiredLanes.length < REVIEW_LANES.length,
    fastTrackReason: '',
    requiredLanes,
    lanes,
    laneProgress: {},
    dueAt: '2026-12-01T17:00:00.000Z',
    currentVersion: 1,
    reviewState: { machineVersion: REVIEW_MACHINE_VERSION, snapshot },
    versions: [aVersion()],
    submittedAt: '2026-11-24T09:00:00.000Z',
    round: 1,
    approvedVersion: null,
    revision: null,
    supersededVersionIds: [],
    periodicReviewDueAt: null,
    release: null,
    approvedAt: null,
    expiresAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    ...overrides,
  };
}

/** A list row: what GET /api/content-items returns for the item (the summary fields only). */
export function aContentItemSummary(overrides: Partial<ContentItemSummary> = {}, history: ReviewEvent[] = SUBMITTED_V1): ContentItemSummary {
  const item = aContentItem(overrides as Partial<ContentItem>, history) as unknown as Record<string, unknown>;
  const summary = Object.fromEntries(Object.keys(contentItemSummarySchema.shape).map((key) => [key, item[key]])) as ContentItemSummary;
  return { ...summary, unsupportedStatements: overrides.unsupportedStatements ?? 0 };
}

export function aVersion(overrides: Partial<ContentVersion> = {}): ContentVersion {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    number: 1,
    note: null,
    createdAt: '2026-11-24T09:00:00.000Z',
    createdBy: 'editor-1',
    asset: { filename: 'episode-1.mp4', mimeType: 'video/mp4', size: 42_000_000, sha256: 'ab'.repeat(32) },
    media: { durationSeconds: 88, width: 1920, height: 1080 },
    renditions: { status: 'not_applicable', error: null, thumbnail: false, preview: false, previewWatermarked: false },
    ...overrides,
  };
}

export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return { id: 'medical-1', email: 'medical@vetted.local', name: 'Dr Medical', roles: ['medical_reviewer'], ...overrides };
}
