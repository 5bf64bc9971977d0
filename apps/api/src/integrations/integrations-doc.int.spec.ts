// docs/integrations.md promises runnable examples: this runs its two Node scripts as a CRM would,
// against a real API, so the page cannot drift from what the API does.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../testing/bucket.js';
import { approveAllLanes, currentVersionId, newReviewTeam, submittedItem } from '../testing/content-factory.js';
import { freePort } from '../testing/global-setup.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/integrations.md');

async function docScript(marker: string): Promise<string> {
  const blocks = [...(await fs.readFile(DOC, 'utf8')).matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  const script = blocks.find((b) => b.includes(marker));
  if (!script) throw new Error(`no js block mentioning ${marker} in docs/integrations.md`);
  return script;
}

function run(file: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  let output = '';
  const child = spawn(process.execPath, [file], { cwd: path.dirname(file), env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1))) };
}

describe('docs/integrations.md examples', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_ENABLED: 'true', WEBHOOK_ALLOW_PRIVATE: 'true' });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-doc-'));
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sync-library.mjs mirrors the approved library with a library:read token, and receiver.mjs accepts a signed item.withdrawn', async () => {
    const team = await newReviewTeam(t);
    const admin = await t.newUser(['admin']);
    const item = await submittedItem(t, team.editor, { title: 'Brochure hypertension' });
    await approveAllLanes(t, team, item.id);
    const token = (await t.http(admin.token).post('/api/tokens', { name: 'Doc CRM', scopes: ['library:read'] })).body.token;

    const sync = path.join(dir, 'sync-library.mjs');
    await fs.writeFile(sync, await docScript('sync-library.mjs'));
    const synced = run(sync, { VETTED: t.baseUrl, VETTED_TOKEN: token });
    expect(await synced.exited).toBe(0);
    expect(synced.output()).toContain('Brochure hypertension (v1, expires');
    expect((await fs.readdir(dir)).filter((f) => f.startsWith(item.id))).toEqual([`${item.id}-v1-infographie.png`]);

    const receiverFile = path.join(dir, 'receiver.mjs');
    await fs.writeFile(receiverFile, await docScript('receiver.mjs'));
    const secret = randomBytes(24).toString('hex');
    const port = await freePort();
    const receiver = run(receiverFile, { VETTED_WEBHOOK_SECRET: secret, PORT: String(port) });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).catch(() => null))?.status === 401);
      const hook = (await t.http(admin.token).post('/api/webhooks', { url: `http://127.0.0.1:${port}/hooks/vetted`, events: ['item.withdrawn'], secret })).body;
      const withdrawn = await t.http(team.regulatory.token).post(`/api/content-items/${item.id}/withdraw`, {
        reason: 'Superseded by new guidelines',
        versionId: await currentVersionId(t, team.regulatory, item.id),
        password: team.regulatory.password,
      });
      expect(withdrawn.status).toBe(200);
      await waitFor(async () => receiver.output().includes(`item.withdrawn ${item.id}`), 20_000);
      await waitFor(async () => (await t.http(admin.token).get(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries[0]?.lastResponseCode === 204);
    } finally {
      receiver.child.kill();
      await receiver.exited;
    }
  });
});
