import type { INestApplication } from '@nestjs/common';
import type { ContentItem, Role, SessionUser } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { AgendaService } from '../calendar/agenda.service.js';
import { UsersService } from '../identity/users.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { demoDate, demoDayString } from './demo-calendar.js';
import { DemoMediaLibrary } from './demo-media-library.js';
import { seedDemoClaims, withdrawDemoClaim } from './demo-claims.js';
import { DEMO_CHANNELS, DEMO_SEGMENTS, seedDemoCaps, seedDemoLists } from './demo-lists.js';
import { DEMO_AGENDA, DEMO_PLAN } from './demo-plan.js';
import { DemoSeeder } from './demo-seeder.js';
import { seedDemoTeam } from './demo-teams.js';

export const DEMO_USERS: Array<{ key: string; email: string; name: string; roles: Role[] }> = [
  { key: 'admin', email: 'admin@vetted.local', name: 'Alex Admin', roles: ['admin'] },
  { key: 'editor', email: 'editor@vetted.local', name: 'Émilie Durand', roles: ['editor'] },
  { key: 'marketing', email: 'marketing@vetted.local', name: 'Marc Lefèvre', roles: ['marketing_reviewer'] },
  { key: 'medical', email: 'medical@vetted.local', name: 'Dr Claire Martin', roles: ['medical_reviewer'] },
  { key: 'medical2', email: 'medical2@vetted.local', name: 'Dr Karim Haddad', roles: ['medical_reviewer'] },
  { key: 'medical3', email: 'medical3@vetted.local', name: 'Dr Anne Petit', roles: ['medical_reviewer'] },
  { key: 'regulatory', email: 'regulatory@vetted.local', name: 'Sophie Bernard', roles: ['regulatory_reviewer'] },
  { key: 'pharmacist', email: 'pharmacist@vetted.local', name: 'Paul Rousseau', roles: ['responsible_pharmacist'] },
  { key: 'rep', email: 'rep@vetted.local', name: 'Julien Moreau', roles: ['rep'] },
];

/**
 * Fills an empty database with demo users and four months of content (the past month to two months
 * ahead, around `today`), with generated media, taken through the real workflow. Returns what it did, or null.
 */
export async function seedDemo(app: INestApplication, config: ResolvedConfig, today = new Date()): Promise<string | null> {
  const dataSource = app.get(DataSource);
  const [{ count }] = (await dataSource.query('select count(*)::int as count from app_user')) as Array<{ count: number }>;
  if (count > 0) return null;
  const media = new DemoMediaLibrary();
  media.prefetch(DEMO_PLAN);
  try {
    const usersService = app.get(UsersService);
    const users: Record<string, SessionUser> = {};
    for (const u of DEMO_USERS) {
      const created = await usersService.create({ email: u.email, name: u.name, roles: u.roles, password: config.demoPassword }, null);
      users[u.key] = { id: created.id, email: created.email, name: created.name, roles: created.roles };
    }
    await seedDemoLists(app, users.admin);
    const claims = await seedDemoClaims(app, users, config.demoPassword);
    const seeder = new DemoSeeder(app, users, config.demoPassword, media, today, claims);
    const series = await seeder.plan({
      key: 'series',
      title: 'Insuffisance cardiaque en 90 secondes',
      format: 'series',
      when: { week: 0 },
      stage: 'planned',
      theme: 'signs',
      channels: ['email', 'rep-visit'],
      segments: ['science-driven'],
      claimIds: [],
      description: 'Cinq vidéos de 90 secondes, une toutes les deux semaines, pour les cardiologues : à regarder entre deux consultations.',
    });
    const byKey = new Map<string, ContentItem>();
    for (const planned of DEMO_PLAN) {
      const source = planned.reuses ? byKey.get(planned.reuses) : undefined;
      byKey.set(planned.key, await seeder.plan(planned, { seriesId: planned.episode ? series.id : undefined, sourceItemId: source?.id }));
    }
    await seedDemoTeam(app, users, config.demoPassword, seeder, byKey.get('esc')!);
    // The library withdraws a claim approved material makes: that item is suspended, out of the reps' library.
    await withdrawDemoClaim(app, claims, users, config.demoPassword);
    const agenda = app.get(AgendaService);
    for (const date of DEMO_AGENDA) {
      const end = new Date(demoDate(date.when, today).getTime() + (date.days - 1) * 86_400_000).toISOString().slice(0, 10);
      await agenda.create({ title: date.title, kind: date.kind, startsOn: demoDayString(date.when, today), endsOn: end, specialties: date.specialties, location: date.location }, users.editor);
    }
    await seedDemoCaps(app, users.admin);
    const [{ items }] = (await dataSource.query('select count(*)::int as items from content_item')) as Array<{ items: number }>;
    return `${DEMO_USERS.length} users, ${Object.keys(claims).length} claims, ${items} content items, ${DEMO_AGENDA.length} agenda dates, ${DEMO_CHANNELS.length} channels, ${DEMO_SEGMENTS.length} segments`;
  } finally {
    await media.settled();
  }
}
