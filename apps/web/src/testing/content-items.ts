// Small factories for specs: a content item and a signed-in user, overridable field by field.
import type { ContentItem, SessionUser } from '@vetted/contracts';

export function aContentItem(overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Episode 1',
    description: null,
    format: 'video',
    status: 'in_review',
    plannedAt: '2026-12-03T09:00:00.000Z',
    channels: [],
    segments: [],
    ownerId: 'editor-1',
    sourceItemId: null,
    claimIds: [],
    fastTrack: false,
    fastTrackReason: '',
    requiredLanes: ['marketing', 'medical', 'regulatory'],
    lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' },
    dueAt: '2026-12-01T17:00:00.000Z',
    currentVersion: 1,
    versions: [],
    submittedAt: '2026-11-24T09:00:00.000Z',
    approvedAt: null,
    expiresAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    ...overrides,
  };
}

export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return { id: 'medical-1', email: 'medical@vetted.local', name: 'Dr Medical', roles: ['medical_reviewer'], ...overrides };
}
