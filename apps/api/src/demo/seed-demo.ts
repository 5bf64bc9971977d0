import type { INestApplication } from '@nestjs/common';
import type { Role } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../identity/users.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

export const DEMO_USERS: Array<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@vetted.local', name: 'Alex Admin', roles: ['admin'] },
  { email: 'editor@vetted.local', name: 'Émilie Durand', roles: ['editor'] },
  { email: 'marketing@vetted.local', name: 'Marc Lefèvre', roles: ['marketing_reviewer'] },
  { email: 'medical@vetted.local', name: 'Dr Claire Martin', roles: ['medical_reviewer'] },
  { email: 'regulatory@vetted.local', name: 'Sophie Bernard', roles: ['regulatory_reviewer'] },
  { email: 'rep@vetted.local', name: 'Julien Moreau', roles: ['rep'] },
];

/** Fills an empty database with demo users and a quarter of planned content. Returns what it did, or null. */
export async function seedDemo(app: INestApplication, config: ResolvedConfig): Promise<string | null> {
  const dataSource = app.get(DataSource);
  const [{ count }] = (await dataSource.query('select count(*)::int as count from app_user')) as Array<{ count: number }>;
  if (count > 0) return null;
  const users = app.get(UsersService);
  for (const u of DEMO_USERS) await users.create({ ...u, password: config.demoPassword }, null);
  return `${DEMO_USERS.length} users`;
}
