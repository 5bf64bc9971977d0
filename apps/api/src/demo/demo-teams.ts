import type { INestApplication } from '@nestjs/common';
import type { ContentItem, SessionUser } from '@vetted/contracts';
import { ContentService } from '../content/content.service.js';
import { OutOfOfficeService } from '../identity/out-of-office.service.js';
import { GuestsService } from '../identity/guests.service.js';
import { ReviewGroupsService } from '../review/review-groups.service.js';
import { ReviewService } from '../review/review.service.js';
import { DEMO_PRODUCT } from './demo-claims.js';
import type { DemoSeeder } from './demo-seeder.js';
import type { DemoItem } from './demo-plan.js';

const DAY_MS = 86_400_000;
const IP = '127.0.0.1';

/** The agency guest's sign-in, once their invitation is accepted with the demo password. */
export const DEMO_GUEST = { email: 'agency@vetted.local', name: 'Studio Lumière (agence)' };

/** Reviewed once the 2-of-3 group staffs the medical lane: one medical approval of two so far. */
const QUORUM_ITEM: DemoItem = {
  key: 'quorum',
  title: 'Infographie : les nouveaux repères de titration',
  format: 'infographic',
  when: { week: 2 },
  hour: 15,
  stage: 'submitted',
  media: 'png',
  theme: 'dosage',
  channels: ['rep-visit'],
  segments: ['science-driven'],
  claimIds: ['HF-003'],
};

/**
 * The review team around the demo's product, set up after the plan is seeded (groups staff the rounds
 * opened after them): a 2-of-3 medical group, one of its members away with a colleague covering, an
 * item reviewed under the quorum, and an agency guest invited to answer the comments on one video.
 */
export async function seedDemoTeam(app: INestApplication, users: Record<string, SessionUser>, password: string, seeder: DemoSeeder, guestItem: ContentItem): Promise<ContentItem> {
  await app.get(ReviewGroupsService).create(
    {
      name: `Relecture médicale ${DEMO_PRODUCT} (2 sur 3)`,
      lane: 'medical',
      memberIds: [users.medical.id, users.medical2.id, users.medical3.id],
      quorum: { rule: 'n_of_m', n: 2 },
      products: [DEMO_PRODUCT],
    },
    users.admin,
  );
  const now = Date.now();
  await app.get(OutOfOfficeService).set(users.medical3, { from: new Date(now - DAY_MS).toISOString(), to: new Date(now + 7 * DAY_MS).toISOString(), delegateId: users.medical.id });

  const item = await seeder.plan(QUORUM_ITEM);
  const version = item.versions.find((v) => v.number === item.currentVersion);
  if (version) await app.get(ReviewService).decide(item.id, { lane: 'medical', decision: 'approve', versionId: version.id, password }, users.medical2, IP);

  const invited = await app.get(ContentService).inviteGuest(guestItem.id, { ...DEMO_GUEST, expiresAt: new Date(now + 30 * DAY_MS).toISOString() }, users.editor, '');
  await app.get(GuestsService).accept({ token: new URLSearchParams(invited.inviteUrl.split('#')[1]).get('token') ?? '', password }, IP);
  return item;
}
