import type { ContentItem, ReviewGroup } from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD, type TestApp, type TestUser } from './test-app.js';

/** A tiny valid PNG (one white pixel): enough for version uploads whose bytes do not matter to the test, and readable by the text check. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003e801b57b526b' +
      '0000000d49444154089963f8ffffff7f0009fb03fd08d1e81e0000000049454e44ae426082',
    'hex',
  ),
);

/**
 * Puts these channels and segments in the admins' lists (if missing), as an admin would before anyone
 * plans with them: items may only name listed entries. Straight into the tables, so a test's own
 * list entries stay the only ones its requests create.
 */
export async function listed(t: TestApp, lists: { channels?: unknown; segments?: unknown }): Promise<void> {
  for (const [table, values] of [['content_channel', lists.channels], ['audience_segment', lists.segments]] as const) {
    const names = Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
    if (names.length) await t.dataSource.query(`insert into ${table} (name, colour) select unnest($1::text[]), '#64748b' on conflict (name) do nothing`, [names]);
  }
}

export async function newItem(t: TestApp, editor: TestUser, overrides: Record<string, unknown> = {}): Promise<ContentItem> {
  const body = {
    title: 'Insuffisance cardiaque : 90 secondes pour comprendre',
    format: 'infographic',
    plannedAt: '2026-12-03T09:00:00Z',
    channels: ['email'],
    segments: ['science-driven'],
    ...overrides,
  };
  await listed(t, body);
  const res = await t.http(editor.token).post('/api/content-items', body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function uploadVersion(t: TestApp, editor: TestUser, itemId: string, data: Uint8Array = PNG_BYTES) {
  const res = await t.http(editor.token).upload(`/api/content-items/${itemId}/versions`, { name: 'infographie.png', type: 'image/png', data });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: number; asset: { sha256: string } };
}

export async function submittedItem(t: TestApp, editor: TestUser, overrides: Record<string, unknown> = {}): Promise<ContentItem> {
  const item = await newItem(t, editor, overrides);
  await uploadVersion(t, editor, item.id);
  const res = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The id of the item's current version, as a reviewer's page would show it. */
export async function currentVersionId(t: TestApp, user: TestUser, itemId: string): Promise<string> {
  const item = (await t.http(user.token).get(`/api/content-items/${itemId}`)).body as ContentItem;
  const version = item.versions.find((v) => v.number === item.currentVersion);
  if (!version) throw new Error(`item ${itemId} has no current version`);
  return version.id;
}

/** A signed lane decision on the version the reviewer sees now (or on `versionId`, to act from a stale page). */
export async function decide(t: TestApp, reviewer: TestUser, itemId: string, lane: string, decision = 'approve', password = reviewer.password, versionId?: string) {
  const seen = versionId ?? (await currentVersionId(t, reviewer, itemId));
  return t.http(reviewer.token).post(`/api/content-items/${itemId}/reviews`, { lane, decision, versionId: seen, password, comment: `${decision} (${lane})` });
}

export interface ReviewTeam {
  editor: TestUser;
  marketing: TestUser;
  medical: TestUser;
  regulatory: TestUser;
  rep: TestUser;
}

/** An editor, one reviewer per lane and a rep, signed in. */
export async function newReviewTeam(t: TestApp): Promise<ReviewTeam> {
  return {
    editor: await t.newUser(['editor']),
    marketing: await t.newUser(['marketing_reviewer'], 'Marc Lefèvre'),
    medical: await t.newUser(['medical_reviewer'], 'Dr Claire Martin'),
    regulatory: await t.newUser(['regulatory_reviewer'], 'Sophie Bernard'),
    rep: await t.newUser(['rep']),
  };
}

/** Each lane of the team approves the item's current version (the first approval of a new item). */
export async function approveAllLanes(t: TestApp, team: ReviewTeam, itemId: string): Promise<void> {
  for (const lane of ['marketing', 'medical', 'regulatory'] as const) {
    const res = await decide(t, team[lane], itemId, lane);
    if (res.status !== 200) throw new Error(`${lane} approval failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A reviewer group saved by an admin (201 or the test fails). */
export async function newReviewGroup(t: TestApp, admin: TestUser, body: Record<string, unknown>): Promise<ReviewGroup> {
  const res = await t.http(admin.token).post('/api/review-groups', { name: `Group ${randomUUID().slice(0, 8)}`, ...body });
  if (res.status !== 201) throw new Error(`group creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A product name no other test of the file uses, so its groups match only this test's items. */
export function aProduct(what = 'Cardiva'): string {
  return `${what} ${randomUUID().slice(0, 8)}`;
}

/** The token of an invitation link (it travels in the URL's #fragment). */
export function inviteToken(inviteUrl: string): string {
  return new URL(inviteUrl).hash.replace(/^#token=/, '');
}

/** An agency guest invited to `itemId` by its owner, who accepted the link and signed in. */
export async function invitedGuest(t: TestApp, owner: TestUser, itemId: string, overrides: { expiresAt?: string; email?: string } = {}): Promise<TestUser & { guestId: string }> {
  const email = overrides.email ?? `guest-${randomUUID().slice(0, 8)}@agency.test`;
  const invited = await t.http(owner.token).post(`/api/content-items/${itemId}/guests`, {
    email,
    name: 'Agence Lumière',
    expiresAt: overrides.expiresAt ?? new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await t.http().post('/api/auth/accept-invite', { token: inviteToken(invited.body.inviteUrl), password: TEST_PASSWORD });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const login = await t.http().post('/api/auth/login', { email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`guest login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: invited.body.guestId, guestId: invited.body.guestId, email, name: 'Agence Lumière', roles: ['agency'], token: login.body.accessToken, password: TEST_PASSWORD };
}
