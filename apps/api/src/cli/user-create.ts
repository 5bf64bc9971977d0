import 'reflect-metadata';
import { createUserRequestSchema, ROLES } from '@vetted/contracts';
import { parseArgs } from 'node:util';
import { AuditService } from '../audit/audit.service.js';
import { loadConfig } from '../config/config.js';
import { SessionService } from '../identity/session.service.js';
import { OutOfOfficeService } from '../identity/out-of-office.service.js';
import { UsersService } from '../identity/users.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { openCliDatabase } from './cli-database.js';

const USAGE = `Usage: npm run user:create -- --email you@example.com --name "Your Name" [--admin] [--role editor ...]
The password is read from the VETTED_NEW_PASSWORD environment variable (never from the command line,
where it would land in the shell history). Roles: ${ROLES.join(', ')}.`;

/** Creates a user from the command line: how the first admin exists outside demo mode. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, role: { type: 'string', multiple: true }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const roles = [...(values.admin ? ['admin'] : []), ...(values.role ?? [])];
  const parsed = createUserRequestSchema.safeParse({ email: values.email, name: values.name, password: process.env.VETTED_NEW_PASSWORD, roles });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
    console.error(USAGE);
    process.exit(1);
  }
  const config = loadConfig(process.env);
  const { dataSource, close } = await openCliDatabase(config);
  try {
    const audit = new AuditService(dataSource);
    const users = new UsersService(dataSource, audit, new SessionService(dataSource, config as ResolvedConfig), new OutOfOfficeService(dataSource, audit));
    const user = await users.create(parsed.data, null);
    console.log(`Created ${user.email} with roles ${user.roles.join(', ')}.`);
  } finally {
    await close();
  }
}

main().catch((error: Error) => {
  console.error(`user:create failed: ${error.message}`);
  process.exit(1);
});
