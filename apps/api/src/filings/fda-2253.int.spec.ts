import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { bucketClient } from '../testing/bucket.js';
import { zipEntries } from '../testing/zip-entries.js';
import { approveAllLanes, newItem, newReviewTeam, submittedItem, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const entriesOf = zipEntries;

describe('Form FDA 2253 package (GET /api/content-items/:id/fda-2253)', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let artwork: Buffer;

  beforeAll(async () => {
    artwork = await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 180, g: 40, b: 60 } } }).png().toBuffer();
    t = await createTestApp({ FDA_APPLICANT_NAME: 'Cardiva Pharmaceuticals Inc.' });
    team = await newReviewTeam(t);
  });
  afterAll(() => t?.close());

  async function download(user: TestUser, itemId: string) {
    const res = await fetch(`${t.baseUrl}/api/content-items/${itemId}/fda-2253`, { headers: { authorization: `Bearer ${user.token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), body };
  }

  async function approvedUsItem(extra: Record<string, unknown> = {}) {
    const item = await newItem(t, team.editor, { market: 'US', product: 'Cardivex', segments: ['cardiologists'], channels: ['email'], ...extra });
    await uploadVersion(t, team.editor, item.id, artwork);
    expect((await t.http(team.editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(200);
    await approveAllLanes(t, team, item.id);
    return item;
  }

  it('packs the exact approved bytes with their SHA-256, and the form as JSON and as a PDF', async () => {
    const item = await approvedUsItem();
    const pkg = await download(team.regulatory, item.id);
    expect(pkg.status).toBe(200);
    expect(pkg.type).toBe('application/zip');
    const entries = await entriesOf(pkg.body);
    expect([...entries.keys()].sort()).toEqual(['asset.sha256', 'asset/infographie.png', 'form-fda-2253.json', 'form-fda-2253.pdf']);
    const sha = createHash('sha256').update(artwork).digest('hex');
    expect(entries.get('asset/infographie.png')!.equals(artwork)).toBe(true);
    expect(entries.get('asset.sha256')!.toString()).toBe(`${sha}  asset/infographie.png\n`);
    const form = JSON.parse(entries.get('form-fda-2253.json')!.toString());
    expect(form).toMatchObject({
      applicant: { name: 'Cardiva Pharmaceuticals Inc.' },
      applicationNumber: null,
      product: { proprietaryName: 'Cardivex' },
      material: { id: `${item.id}/v1`, audience: 'professional', type: 'promotional_labeling', dateOfInitialDissemination: item.plannedAt.slice(0, 10) },
      version: { number: 1, sha256: sha },
    });
    expect(form.approvals.map((a: { lane: string; reviewer: string }) => a.lane).sort()).toEqual(['marketing', 'medical', 'regulatory']);
    const pdf = entries.get('form-fda-2253.pdf')!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from audit_event where entity_id = $1 and action = 'content_item.fda_2253_exported'`, [item.id]);
    expect(n).toBe(1);
  });

  it('calls consumer social material an advertisement for consumers', async () => {
    const item = await approvedUsItem({ segments: ['patient-driven'], channels: ['social'] });
    const form = JSON.parse((await entriesOf((await download(team.regulatory, item.id)).body)).get('form-fda-2253.json')!.toString());
    expect(form.material).toMatchObject({ audience: 'consumer', type: 'advertisement' });
  });

  it('refuses material that is not approved or not for the US, and people who do not file', async () => {
    const draft = await submittedItem(t, team.editor, { market: 'US' });
    expect(JSON.parse((await download(team.regulatory, draft.id)).body.toString())).toMatchObject({ statusCode: 409, code: 'filing_not_applicable', details: { status: 'in_review' } });
    const french = await approvedUsItem({ market: 'DE' });
    expect(JSON.parse((await download(team.regulatory, french.id)).body.toString())).toMatchObject({ statusCode: 409, code: 'filing_not_applicable', details: { market: 'DE', needed: 'US' } });
    const approved = await approvedUsItem();
    for (const who of [team.editor, team.medical, team.rep]) expect((await download(who, approved.id)).status).toBe(403);
  });

  it('makes no package when the stored file no longer matches what was signed', async () => {
    const item = await approvedUsItem();
    const [{ storage_key: key }] = await t.dataSource.query(`select storage_key from content_version where item_id = $1`, [item.id]);
    await bucketClient(t).putObject(t.config.s3.bucket, key, Buffer.from('altered in storage'));
    const pkg = await download(team.regulatory, item.id);
    expect(JSON.parse(pkg.body.toString())).toMatchObject({ statusCode: 409, details: { reason: 'hash_mismatch' } });
  });
});
