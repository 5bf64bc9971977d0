import type { INestApplication } from '@nestjs/common';
import type { AgendaKind, ContentFormat, ContentItem, Role, SessionUser } from '@vetted/contracts';
import { AgendaService } from '../calendar/agenda.service.js';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ContentService } from '../content/content.service.js';
import { UsersService } from '../identity/users.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { ReviewService } from '../review/review.service.js';
import { demoInfographicPng } from './demo-image.js';
import { DEMO_PRODUCT, DEMO_WITHDRAWN_CLAIM, seedDemoClaims, withdrawDemoClaim } from './demo-claims.js';

export const DEMO_USERS: Array<{ key: string; email: string; name: string; roles: Role[] }> = [
  { key: 'admin', email: 'admin@vetted.local', name: 'Alex Admin', roles: ['admin'] },
  { key: 'editor', email: 'editor@vetted.local', name: 'Émilie Durand', roles: ['editor'] },
  { key: 'marketing', email: 'marketing@vetted.local', name: 'Marc Lefèvre', roles: ['marketing_reviewer'] },
  { key: 'medical', email: 'medical@vetted.local', name: 'Dr Claire Martin', roles: ['medical_reviewer'] },
  { key: 'regulatory', email: 'regulatory@vetted.local', name: 'Sophie Bernard', roles: ['regulatory_reviewer'] },
  { key: 'rep', email: 'rep@vetted.local', name: 'Julien Moreau', roles: ['rep'] },
];

type Stage = 'draft' | 'in_review' | 'changes_requested' | 'approved';
interface DemoItem {
  title: string;
  format: ContentFormat;
  inDays: number;
  channels: string[];
  segments: string[];
  claimIds: string[];
  stage: Stage;
  description?: string;
}

/** A quarter of planned content, in the committee's own words: a 90-second series, podcasts, infographics. */
const PLAN: DemoItem[] = [
  ...[1, 2, 3, 4, 5].map((n) => ({
    title: `Insuffisance cardiaque en 90 secondes — épisode ${n}/5`,
    format: 'video' as const,
    inDays: 7 * n,
    channels: ['email', 'rep-visit'],
    segments: ['science-driven'],
    claimIds: [`HF-00${n}`],
    stage: 'draft' as const,
    description: 'Série de cinq vidéos courtes pour cardiologues, à regarder entre deux consultations.',
  })),
  { title: 'Podcast : le patient diabétique qui ne prend plus son traitement', format: 'podcast', inDays: 10, channels: ['podcast-platforms'], segments: ['patient-driven'], claimIds: [], stage: 'draft' },
  { title: 'Podcast : retour du congrès ESC', format: 'podcast', inDays: 24, channels: ['email'], segments: ['science-driven'], claimIds: ['HF-001'], stage: 'draft' },
  { title: 'Podcast : parcours de soins en ville', format: 'podcast', inDays: 52, channels: ['podcast-platforms'], segments: ['patient-driven'], claimIds: [], stage: 'draft' },
  { title: 'Infographie : les 5 signes d’alerte de l’insuffisance cardiaque', format: 'infographic', inDays: 3, channels: ['rep-visit', 'email'], segments: ['patient-driven'], claimIds: ['HF-001', 'HF-002'], stage: 'approved' },
  { title: 'Infographie : posologie en un coup d’œil', format: 'infographic', inDays: 14, channels: ['rep-visit'], segments: ['science-driven'], claimIds: ['HF-003'], stage: 'in_review' },
  { title: 'Infographie : Journée mondiale du cœur', format: 'infographic', inDays: 30, channels: ['social', 'email'], segments: ['patient-driven'], claimIds: ['HF-004'], stage: 'changes_requested' },
  { title: 'Infographie : données de l’étude pivot', format: 'infographic', inDays: 45, channels: ['email'], segments: ['science-driven'], claimIds: ['HF-005'], stage: 'in_review' },
];

/** The doctors' agenda the demo quarter is planned around. */
const AGENDA: Array<{ title: string; kind: AgendaKind; inDays: number; days: number; specialties: string[]; location?: string }> = [
  { title: 'Journées européennes de la Société française de cardiologie', kind: 'congress', inDays: 16, days: 3, specialties: ['cardiology'], location: 'Paris' },
  { title: 'Congrès annuel de la Société francophone du diabète', kind: 'congress', inDays: 38, days: 4, specialties: ['diabetology', 'general-practice'], location: 'Lyon' },
  { title: 'Journée mondiale du cœur', kind: 'awareness_day', inDays: 30, days: 1, specialties: ['cardiology', 'general-practice'] },
  { title: 'Semaine nationale de prévention du diabète', kind: 'awareness_day', inDays: 60, days: 7, specialties: ['diabetology'] },
  { title: 'Formation DPC insuffisance cardiaque (webinaire)', kind: 'training', inDays: 74, days: 1, specialties: ['cardiology'] },
];

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fills an empty database with demo users and a quarter of planned content. Returns what it did, or null. */
export async function seedDemo(app: INestApplication, config: ResolvedConfig): Promise<string | null> {
  const dataSource = app.get(DataSource);
  const [{ count }] = (await dataSource.query('select count(*)::int as count from app_user')) as Array<{ count: number }>;
  if (count > 0) return null;
  const usersService = app.get(UsersService);
  const users: Record<string, SessionUser> = {};
  for (const u of DEMO_USERS) {
    const created = await usersService.create({ email: u.email, name: u.name, roles: u.roles, password: config.demoPassword }, null);
    users[u.key] = { id: created.id, email: created.email, name: created.name, roles: created.roles };
  }
  const claims = await seedDemoClaims(app, users, config.demoPassword);
  const seeder = new ContentSeeder(app, users, config.demoPassword, claims);
  const series = await seeder.plan({
    title: 'Insuffisance cardiaque en 90 secondes',
    format: 'series',
    inDays: 7,
    channels: ['email', 'rep-visit'],
    segments: ['science-driven'],
    claimIds: [],
    stage: 'draft',
    description: 'Cinq vidéos de 90 secondes, une par semaine, pour les cardiologues.',
  });
  let approvedSource: ContentItem | undefined;
  for (const planned of PLAN) {
    const item = await seeder.plan(planned.format === 'video' ? { ...planned, seriesId: series.id } : planned);
    if (planned.stage === 'approved') approvedSource = item;
  }
  if (approvedSource) {
    // Repurposing an approved infographic with already-approved claims: the fast track.
    await seeder.plan({
      title: 'Infographie (format carré réseaux sociaux) : les 5 signes d’alerte',
      format: 'infographic',
      inDays: 21,
      channels: ['social'],
      segments: ['patient-driven'],
      claimIds: ['HF-001'],
      stage: 'in_review',
      sourceItemId: approvedSource.id,
    });
    // A reuse adding a claim the source never made: full review, whatever the source.
    await seeder.plan({
      title: 'Infographie (version congrès) : les 5 signes d’alerte et le bénéfice à 30 jours',
      format: 'infographic',
      inDays: 18,
      channels: ['email'],
      segments: ['science-driven'],
      claimIds: ['HF-001', 'HF-002', 'HF-005'],
      stage: 'in_review',
      sourceItemId: approvedSource.id,
    });
  }
  // Approved material making a claim the library then withdraws: suspended, out of the reps' library.
  await seeder.plan({
    title: 'Infographie : pourquoi traiter dès le diagnostic',
    format: 'infographic',
    inDays: 5,
    channels: ['rep-visit'],
    segments: ['science-driven'],
    claimIds: ['HF-010', DEMO_WITHDRAWN_CLAIM],
    stage: 'approved',
  });
  await withdrawDemoClaim(app, claims, users, config.demoPassword);
  const agenda = app.get(AgendaService);
  for (const date of AGENDA) {
    const startsOn = dayFromNow(date.inDays);
    await agenda.create(
      { title: date.title, kind: date.kind, startsOn, endsOn: dayFromNow(date.inDays + date.days - 1), specialties: date.specialties, location: date.location },
      users.editor,
    );
  }
  return `${DEMO_USERS.length} users, ${Object.keys(claims).length} claims, ${PLAN.length + 4} content items, ${AGENDA.length} agenda dates`;
}

class ContentSeeder {
  private readonly content: ContentService;
  private readonly review: ReviewService;

  constructor(
    app: INestApplication,
    private readonly users: Record<string, SessionUser>,
    private readonly password: string,
    private readonly claims: Record<string, string>,
  ) {
    this.content = app.get(ContentService);
    this.review = app.get(ReviewService);
  }

  async plan(p: DemoItem & { sourceItemId?: string; seriesId?: string }): Promise<ContentItem> {
    const plannedAt = new Date(Date.now() + p.inDays * 86_400_000);
    plannedAt.setUTCHours(8, 0, 0, 0);
    const editor = this.users.editor;
    let item = await this.content.create(
      { title: p.title, format: p.format, plannedAt: plannedAt.toISOString(), channels: p.channels, segments: p.segments, claimIds: p.claimIds.map((code) => this.claims[code]), product: DEMO_PRODUCT, description: p.description, sourceItemId: p.sourceItemId, seriesId: p.seriesId },
      editor,
    );
    if (p.stage === 'draft') return item;
    const versionId = await this.upload(item.id, editor);
    item = await this.review.submit(item.id, editor);
    const lanes = item.requiredLanes;
    const decide = (lane: 'marketing' | 'medical' | 'regulatory', decision: 'approve' | 'request_changes', comment?: string) =>
      this.review.decide(item.id, { lane, decision, versionId, comment, password: this.password }, this.users[lane], '127.0.0.1');
    if (p.stage === 'approved') {
      for (const lane of lanes) item = await decide(lane, 'approve');
    } else if (p.stage === 'changes_requested') {
      item = await decide('marketing', 'approve');
      item = await decide('medical', 'request_changes', 'La mention de l’étude doit citer la référence complète.');
    } else if (lanes.includes('marketing')) {
      item = await decide('marketing', 'approve');
    }
    return item;
  }

  private async upload(itemId: string, editor: SessionUser): Promise<string> {
    const bytes = await demoInfographicPng();
    const tempPath = path.join(os.tmpdir(), `vetted-demo-${itemId}.png`);
    await fs.writeFile(tempPath, bytes);
    try {
      const version = await this.content.addVersion(
        itemId,
        {
          tempPath,
          filename: 'infographie.png',
          declaredMimeType: 'image/png',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          fields: {},
          discard: () => fs.rm(tempPath, { force: true }),
        },
        'Première version',
        editor,
      );
      return version.id;
    } finally {
      await fs.rm(tempPath, { force: true });
    }
  }
}
