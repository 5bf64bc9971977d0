import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../dist/cli/audit-verify.js', import.meta.url));

async function verify(databaseUrl: string) {
  try {
    const out = await run(process.execPath, [CLI], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl }, timeout: 30_000 });
    return { code: 0, out: out.stdout + out.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run audit:verify (built CLI)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('reports an intact chain with its length, then names the first altered event with exit code 2', async () => {
    await t.newUser(['admin']);
    await t.newUser(['editor']);
    const [{ count }] = await t.dataSource.query('select count(*)::int as count from audit_event');
    const intact = await verify(t.databaseUrl);
    expect(intact).toEqual({ code: 0, out: `Audit trail intact: ${count} events verified.\n` });

    const [victim] = await t.dataSource.query(`select seq from audit_event order by seq asc limit 1`);
    await t.dataSource.transaction(async (tx) => {
      await tx.query('alter table audit_event disable trigger audit_event_no_update_delete');
      await tx.query(`update audit_event set actor_name = 'Someone else' where seq = $1`, [victim.seq]);
      await tx.query('alter table audit_event enable trigger audit_event_no_update_delete');
    });
    const broken = await verify(t.databaseUrl);
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(new RegExp(`BROKEN at event #${victim.seq}: its content does not match its hash`));
  });
});
