import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yazl from 'yazl';
import { RenditionsService } from '../assets/renditions.service.js';
import sharp from 'sharp';
import { approveAllLanes, newItem, newReviewTeam, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { zipEntries } from '../testing/zip-entries.js';
import { checkAuditPackage } from './audit-package.check.js';
import { readAuditPackage } from './audit-package.reader.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../dist/cli/audit-verify.js', import.meta.url));

/** The built `npm run audit:verify -- --package`, with no database to reach: it must not need one. */
async function verifyOffline(zipPath: string) {
  try {
    const out = await run(process.execPath, [CLI, '--package', zipPath], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, timeout: 30_000 });
    return { code: 0, out: out.stdout + out.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const entriesOf = zipEntries;

async function writeZip(zipPath: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  await fs.writeFile(zipPath, zip.outputStream as unknown as NodeJS.ReadableStream & AsyncIterable<Buffer>);
}

describe('auditor’s package (GET /api/content-items/:id/audit-package)', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let dir: string;
  let photo: Buffer;
  beforeAll(async () => {
    photo = await sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();
    t = await createTestApp();
    team = await newReviewTeam(t);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-package-'));
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function download(user: TestUser, itemId: string): Promise<{ status: number; type: string | null; file: string }> {
    const res = await fetch(`${t.baseUrl}/api/content-items/${itemId}/audit-package`, { headers: { authorization: `Bearer ${user.token}` } });
    const file = path.join(dir, `${itemId}-${Date.now()}.zip`);
    await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
    return { status: res.status, type: res.headers.get('content-type'), file };
  }

  async function approvedItem() {
    const item = await newItem(t, team.editor);
    await uploadVersion(t, team.editor, item.id, photo);
    expect((await t.http(team.editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(200);
    await approveAllLanes(t, team, item.id);
    await t.app.get(RenditionsService).processPending();
    return item;
  }

  it('holds the version, its renditions, the signed decisions and the item’s events, and verifies offline', async () => {
    const item = await approvedItem();
    const pkg = await download(team.regulatory, item.id);
    expect(pkg.status).toBe(200);
    expect(pkg.type).toBe('application/zip');
    const entries = await entriesOf(pkg.file);
    expect([...entries.keys()].sort()).toEqual(
      ['audit-events.json', 'decisions.json', 'item.json', 'manifest.json', 'signatures.json', 'versions.json', 'versions/1/original.png', 'versions/1/renditions/preview.webp', 'versions/1/renditions/thumbnail.webp'].sort(),
    );
    expect(Buffer.compare(entries.get('versions/1/original.png')!, photo)).toBe(0);
    const decisions = JSON.parse(entries.get('decisions.json')!.toString());
    expect(decisions.decisions.map((d: { lane: string; decision: string }) => `${d.lane}:${d.decision}`)).toEqual(['marketing:approve', 'medical:approve', 'regulatory:approve']);
    const signatures = JSON.parse(entries.get('signatures.json')!.toString());
    expect(signatures.map((s: { id: string }) => s.id).sort()).toEqual(decisions.decisions.map((d: { signatureId: string }) => d.signatureId).sort());
    const events = JSON.parse(entries.get('audit-events.json')!.toString());
    expect(events[0]).toMatchObject({ action: 'content_item.created', entityId: item.id, prevHash: expect.stringMatching(/^[0-9a-f]{64}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(events.at(-1)).toMatchObject({ action: 'content_item.audit_package_exported', actorId: team.regulatory.id });
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([...entries.keys()].filter((k) => k !== 'manifest.json').sort());

    const verdict = await verifyOffline(pkg.file);
    expect(verdict).toEqual({ code: 0, out: `Audit package intact: ${manifest.files.length} files and ${events.length} events verified.\n` });
  });

  it('names the file when one byte of a version is changed', async () => {
    const item = await approvedItem();
    const pkg = await download(team.regulatory, item.id);
    const zip = await fs.readFile(pkg.file);
    // Versions are stored uncompressed: the signed bytes sit in the ZIP as they are.
    const at = zip.indexOf(photo);
    expect(at).toBeGreaterThan(0);
    zip[at + 20] ^= 0x01;
    await fs.writeFile(pkg.file, zip);
    const verdict = await verifyOffline(pkg.file);
    expect(verdict.code).toBe(2);
    expect(verdict.out).toMatch(/file versions\/1\/original\.png was altered/);
    expect(verdict.out).toMatch(/versions\/1\/original\.png \(version 1\) hashes to [0-9a-f]{64}, but version 1 was recorded and signed as/);
  });

  it('names an altered event even when the forger rewrites the manifest to match', async () => {
    const item = await approvedItem();
    const pkg = await download(await t.newUser(['admin']), item.id);
    const entries = await entriesOf(pkg.file);
    const events = JSON.parse(entries.get('audit-events.json')!.toString());
    const victim = events.find((e: { action: string }) => e.action === 'content_item.created');
    victim.actorName = 'Someone else';
    const forged = Buffer.from(JSON.stringify(events, null, 2));
    entries.set('audit-events.json', forged);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    const { createHash } = await import('node:crypto');
    for (const f of manifest.files) if (f.path === 'audit-events.json') Object.assign(f, { sha256: createHash('sha256').update(forged).digest('hex'), size: forged.length });
    entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const forgedFile = path.join(dir, 'forged.zip');
    await writeZip(forgedFile, entries);

    const verdict = checkAuditPackage(await readAuditPackage(forgedFile));
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toEqual([`event #${victim.seq} (content_item.created) was altered: its content does not match its hash`]);
    const cli = await verifyOffline(forgedFile);
    expect(cli.code).toBe(2);
    expect(cli.out).toContain(`event #${victim.seq} (content_item.created) was altered`);
  });

  it('is for admins and regulatory reviewers only, and a 404 for an unknown item', async () => {
    const item = await approvedItem();
    for (const user of [team.editor, team.marketing, team.medical, team.rep]) expect((await download(user, item.id)).status).toBe(403);
    expect((await download(team.regulatory, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
