import type { Claim, ClaimDetail, ContentItem } from '@vetted/contracts';
import { createHash } from 'node:crypto';
import { approvedClaim, decideClaim, newClaim } from '../testing/claims-factory.js';
import { newReviewTeam, PNG_BYTES, type ReviewTeam } from '../testing/content-factory.js';
import { PDF_HEADER } from '../testing/media-files.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('the claims library over HTTP', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let doubleHat: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    doubleHat = await t.newUser(['medical_reviewer', 'regulatory_reviewer'], 'Dr Paul Roux');
  });
  afterAll(() => t?.close());

  const count = async (table: string, where = 'true', params: unknown[] = []) => Number((await t.dataSource.query(`select count(*) from ${table} where ${where}`, params))[0].count);

  it('creates a draft claim with its references, and refuses a code already used for the product', async () => {
    const claim = await newClaim(t, team.editor, { code: 'hf-100', markets: ['FR', 'FR'], translations: { en: 'Reduces heart-failure hospitalisations by 20%' } });
    expect(claim).toMatchObject({ code: 'HF-100', status: 'draft', product: 'Cardiovex', markets: ['FR'], lanes: { medical: 'not_started', regulatory: 'not_started' } });
    expect(claim.references).toEqual([expect.objectContaining({ citation: expect.stringContaining('McMurray'), doi: '10.1056/NEJMoa1409077', locator: 'Table 2', document: null })]);
    expect(claim.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await t.http(team.editor.token).post('/api/claims', { code: 'HF-100', statement: 'Autre', product: 'Cardiovex' });
    expect(again).toMatchObject({ status: 409, body: { code: 'claim_state' } });
    expect((await t.http(team.editor.token).post('/api/claims', { code: 'HF-100', statement: 'Autre produit', product: 'Diabetix' })).status).toBe(201);
    expect((await t.http(team.editor.token).post('/api/claims', { code: 'HF 100!', statement: 'x', product: 'Cardiovex' })).status).toBe(400);
  });

  it('answers two editors creating the same code at once with one claim and one 409', async () => {
    const body = { code: 'RACE-1', statement: 'Réduit les hospitalisations', product: 'Concurrent' };
    const answers = await Promise.all([t.http(team.editor.token).post('/api/claims', body), t.http(team.editor.token).post('/api/claims', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('claim_state');
    expect(await count('claim', `product = 'Concurrent'`)).toBe(1);
  });

  it('refuses control characters in a reference with a 400, storing nothing', async () => {
    const claim = await newClaim(t, team.editor, { references: [] });
    for (const reference of [{ citation: 'x', doi: '10.1056/NEJM\u0000oa' }, { citation: 'x\u0000y' }, { citation: 'x', locator: 'p.\u00004' }]) {
      expect((await t.http(team.editor.token).post(`/api/claims/${claim.id}/references`, reference)).status).toBe(400);
    }
    expect(await count('claim_reference', 'claim_id = $1', [claim.id])).toBe(0);
  });

  it('keeps claims from reps and lets only editors write them', async () => {
    const claim = await newClaim(t, team.editor);
    expect((await t.http(team.rep.token).get('/api/claims')).status).toBe(403);
    expect((await t.http(team.rep.token).get(`/api/claims/${claim.id}`)).status).toBe(403);
    expect((await t.http(team.medical.token).post('/api/claims', { code: 'X-1', statement: 'x', product: 'Cardiovex' })).status).toBe(403);
    expect((await t.http(team.medical.token).get(`/api/claims/${claim.id}`)).status).toBe(200);
  });

  it('stores a reference document and serves its exact bytes; refuses a file that is not a PDF or an image', async () => {
    const claim = await newClaim(t, team.editor, { references: [] });
    const pdf = Buffer.concat([PDF_HEADER, Buffer.from('2 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
    const added = await t.http(team.editor.token).upload(`/api/claims/${claim.id}/references`, { name: 'mcmurray-2014.pdf', type: 'application/pdf', data: pdf }, { citation: 'McMurray 2014', pmid: '25176015', locator: 'Figure 1' });
    expect(added.status).toBe(201);
    expect(added.body.document).toEqual({ filename: 'mcmurray-2014.pdf', mimeType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    const file = await fetch(`${t.baseUrl}/api/claims/${claim.id}/references/${added.body.id}/file`, { headers: { authorization: `Bearer ${team.medical.token}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const text = await t.http(team.editor.token).upload(`/api/claims/${claim.id}/references`, { name: 'notes.pdf', type: 'application/pdf', data: Buffer.from('not a pdf at all') }, { citation: 'x' });
    expect(text.status).toBe(415);
    const json = await t.http(team.editor.token).post(`/api/claims/${claim.id}/references`, { citation: 'ESC Guidelines 2021', doi: '10.1093/eurheartj/ehab368' });
    expect(json.status).toBe(201);
    const detail = (await t.http(team.editor.token).get(`/api/claims/${claim.id}`)).body as ClaimDetail;
    expect(detail.references.map((r) => r.citation)).toEqual(['McMurray 2014', 'ESC Guidelines 2021']);
    expect(detail.contentSha256).not.toBe(claim.contentSha256);
  });

  it('is approved by medical and regulatory in parallel, each signing its content hash', async () => {
    const claim = await newClaim(t, team.editor);
    expect((await decideClaim(t, team.medical, claim.id, 'medical')).body.code).toBe('claim_state');
    expect((await t.http(team.editor.token).post(`/api/claims/${claim.id}/submit`)).body.status).toBe('in_review');
    expect((await t.http(team.editor.token).patch(`/api/claims/${claim.id}`, { statement: 'Changé en cours de revue' })).status).toBe(409);
    const medical = await decideClaim(t, team.medical, claim.id, 'medical');
    expect(medical.body).toMatchObject({ status: 'in_review', lanes: { medical: 'approved', regulatory: 'pending' } });
    const regulatory = await decideClaim(t, team.regulatory, claim.id, 'regulatory');
    expect(regulatory.body).toMatchObject({ status: 'approved', lanes: { medical: 'approved', regulatory: 'approved' } });
    expect(regulatory.body.expiresAt).not.toBeNull();
    const signatures = await t.dataSource.query(`select meaning, content_sha256 from signature where entity = 'claim' and entity_id = $1 order by signed_at`, [claim.id]);
    expect(signatures).toEqual([
      { meaning: `approved: medical review of claim ${claim.code}`, content_sha256: claim.contentSha256 },
      { meaning: `approved: regulatory review of claim ${claim.code}`, content_sha256: claim.contentSha256 },
    ]);
  });

  it('never lets the author approve their claim, nor one person decide both lanes, nor anyone sign a stale page', async () => {
    const author = await t.newUser(['editor', 'medical_reviewer'], 'Dr Auteur');
    const own = await newClaim(t, author);
    await t.http(author.token).post(`/api/claims/${own.id}/submit`);
    expect((await decideClaim(t, author, own.id, 'medical')).body.code).toBe('segregation_of_duties');

    const claim = await newClaim(t, team.editor);
    await t.http(team.editor.token).post(`/api/claims/${claim.id}/submit`);
    expect((await decideClaim(t, doubleHat, claim.id, 'medical')).status).toBe(200);
    expect((await decideClaim(t, doubleHat, claim.id, 'regulatory')).body.code).toBe('segregation_of_duties');
    const stale = await t.http(team.regulatory.token).post(`/api/claims/${claim.id}/reviews`, { lane: 'regulatory', decision: 'approve', password: team.regulatory.password, contentSha256: 'a'.repeat(64) });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_version' } });
    expect(await count('claim_decision', 'claim_id = $1', [claim.id])).toBe(1);
  });

  it('goes back to its author on a request for changes, who edits it and submits it again', async () => {
    const claim = await newClaim(t, team.editor);
    await t.http(team.editor.token).post(`/api/claims/${claim.id}/submit`);
    const asked = await decideClaim(t, team.regulatory, claim.id, 'regulatory', 'request_changes');
    expect(asked.body).toMatchObject({ status: 'changes_requested', lanes: { medical: 'not_started', regulatory: 'changes_requested' } });
    expect((await t.http(team.editor.token).patch(`/api/claims/${claim.id}`, { statement: 'Réduit de 20 % (critère principal)' })).body.statement).toBe('Réduit de 20 % (critère principal)');
    expect((await t.http(team.editor.token).post(`/api/claims/${claim.id}/submit`)).body.lanes).toEqual({ medical: 'pending', regulatory: 'pending' });
  });

  it('finds claims in French and English with or without accents, by word prefix and by code', async () => {
    const hf = await newClaim(t, team.editor, { code: 'SRCH-1', product: 'Recherche', statement: 'Réduction des hospitalisations liées à l’insuffisance cardiaque (hôpital de jour inclus)', translations: { en: 'Fewer hospitalisations for heart failure' } });
    await newClaim(t, team.editor, { code: 'SRCH-2', product: 'Recherche', statement: 'Améliore la qualité de vie des patients diabétiques' });
    const search = async (q: string) => ((await t.http(team.medical.token).get(`/api/claims?product=Recherche&q=${encodeURIComponent(q)}`)).body as { items: Claim[] }).items.map((c) => c.code);
    for (const q of ['insuffisance', 'cardiaque', 'insuffisance cardiaque', 'Cardiaque', 'reduction', 'réduction', 'REDUCTION', 'hospitalisation', 'heart failure', 'insuff', 'réduc', 'hôpital', 'srch-1']) {
      expect({ q, found: await search(q) }).toEqual({ q, found: [hf.code] });
    }
    expect(await search('diabetiques')).toEqual(['SRCH-2']);
    expect(await search('qualite vie')).toEqual(['SRCH-2']);
    expect(await search('oncologie')).toEqual([]);
    expect((await t.http(team.medical.token).get(`/api/claims?q=${encodeURIComponent("' & | !(")}&product=Recherche`)).body.total).toBe(2);
  });

  describe('as the source of truth for items', () => {
    const people = () => ({ editor: team.editor, medical: team.medical, regulatory: team.regulatory });

    async function approvedItem(claimIds: string[], overrides: Record<string, unknown> = {}): Promise<ContentItem> {
      const item = await newItemWithVersion(claimIds, overrides);
      await t.http(team.editor.token).post(`/api/content-items/${item.id}/submit`);
      for (const lane of ['marketing', 'medical', 'regulatory'] as const) {
        const res = await decideItem(team[lane], item.id, lane);
        if (res.status !== 200) throw new Error(`${lane}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return (await t.http(team.editor.token).get(`/api/content-items/${item.id}`)).body;
    }

    async function newItemWithVersion(claimIds: string[], overrides: Record<string, unknown> = {}): Promise<ContentItem> {
      const created = await t.http(team.editor.token).post('/api/content-items', { title: 'Insuffisance cardiaque en 90 s', format: 'infographic', plannedAt: '2026-12-10', claimIds, ...overrides });
      if (created.status !== 201) throw new Error(`${created.status} ${JSON.stringify(created.body)}`);
      await t.http(team.editor.token).upload(`/api/content-items/${created.body.id}/versions`, { name: 'infographie.png', type: 'image/png', data: PNG_BYTES });
      return created.body;
    }

    async function decideItem(reviewer: TestUser, itemId: string, lane: string, decision = 'approve') {
      const item = (await t.http(reviewer.token).get(`/api/content-items/${itemId}`)).body as ContentItem;
      const versionId = item.versions.find((v) => v.number === item.currentVersion)?.id;
      return t.http(reviewer.token).post(`/api/content-items/${itemId}/reviews`, { lane, decision, versionId, password: reviewer.password, comment: decision === 'approve' ? undefined : 'change it' });
    }

    const submit = async (itemId: string) => (await t.http(team.editor.token).post(`/api/content-items/${itemId}/submit`)).body as ContentItem;
    const library = async () => ((await t.http(team.rep.token).get('/api/library?limit=200')).body as { items: Array<{ id: string }> }).items.map((i) => i.id);

    it('refuses an item naming a claim that is not in the library, naming it', async () => {
      const res = await t.http(team.editor.token).post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2026-12-10', claimIds: ['HF-001', '00000000-0000-4000-8000-000000000000'] });
      expect(res).toMatchObject({ status: 400, body: { code: 'unknown_claim', details: { unknownClaimIds: ['HF-001', '00000000-0000-4000-8000-000000000000'] } } });
      expect(res.body.message).toContain('HF-001');
    });

    it('shows each claim with its status and anchor on the item', async () => {
      const claim = await approvedClaim(t, people());
      const item = await newItemWithVersion([claim.id], { claimAnchors: [{ claimId: claim.id, anchor: { kind: 'rect', x: 0.1, y: 0.6, width: 0.5, height: 0.1 } }] });
      expect(item.claims).toEqual([{ id: claim.id, code: claim.code, statement: claim.statement, status: 'approved', anchor: { kind: 'rect', x: 0.1, y: 0.6, width: 0.5, height: 0.1 } }]);
      const stray = await t.http(team.editor.token).post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2026-12-10', claimAnchors: [{ claimId: claim.id, anchor: { kind: 'time', seconds: 12 } }] });
      expect(stray.status).toBe(400);
    });

    it('cannot approve an item while one of its claims is not approved, and records nothing', async () => {
      const approved = await approvedClaim(t, people());
      const draft = await newClaim(t, team.editor);
      const item = await newItemWithVersion([approved.id, draft.id]);
      await submit(item.id);
      await decideItem(team.marketing, item.id, 'marketing');
      await decideItem(team.medical, item.id, 'medical');
      const decisions = await count('review_decision', 'item_id = $1', [item.id]);
      const last = await decideItem(team.regulatory, item.id, 'regulatory');
      expect(last).toMatchObject({ status: 409, body: { code: 'claims_not_approved', details: { claims: [{ id: draft.id, code: draft.code, status: 'draft' }] } } });
      expect(last.body.message).toContain(draft.code);
      expect(await count('review_decision', 'item_id = $1', [item.id])).toBe(decisions);
      expect((await t.http(team.editor.token).get(`/api/content-items/${item.id}`)).body.lanes.regulatory).toBe('pending');
    });

    it('fast-tracks a reuse on claims approved in the library and on the source, and decides again at submission', async () => {
      const [a, b] = [await approvedClaim(t, people()), await approvedClaim(t, people())];
      const source = await approvedItem([a.id, b.id]);
      const reuse = await newItemWithVersion([a.id], { sourceItemId: source.id, title: 'Épisode 1/5' });
      expect(reuse).toMatchObject({ fastTrack: true, requiredLanes: ['regulatory'] });
      expect(reuse.fastTrackReason).toContain(a.code);
      const submitted = await submit(reuse.id);
      expect(submitted).toMatchObject({ fastTrack: true, lanes: { marketing: 'waived', medical: 'waived', regulatory: 'pending' } });
      expect(submitted.fastTrackReason).toBe(`fast-track: reuses approved item “${source.title}” (${source.id}); its claim approved in the library and on the source: ${a.code}`);
    });

    it('sends a reuse to full review when its source was withdrawn between creating the reuse and submitting it', async () => {
      const a = await approvedClaim(t, people());
      const source = await approvedItem([a.id]);
      const reuse = await newItemWithVersion([a.id], { sourceItemId: source.id });
      expect(reuse.fastTrack).toBe(true);
      const versionId = source.versions[0].id;
      expect((await t.http(team.regulatory.token).post(`/api/content-items/${source.id}/withdraw`, { reason: 'Safety update', versionId, password: team.regulatory.password })).status).toBe(200);
      const submitted = await submit(reuse.id);
      expect(submitted).toMatchObject({ fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'], lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' } });
      expect(submitted.fastTrackReason).toContain('is withdrawn, not approved');
    });

    it('sends a reuse that makes no claim of a source that makes claims to full review', async () => {
      const a = await approvedClaim(t, people());
      const source = await approvedItem([a.id]);
      const reuse = await newItemWithVersion([], { sourceItemId: source.id });
      expect(reuse.fastTrack).toBe(false);
      expect((await submit(reuse.id)).fastTrackReason).toContain('makes no claim but source item');
      const bare = await approvedItem([]);
      expect((await newItemWithVersion([], { sourceItemId: bare.id })).fastTrack).toBe(true);
    });

    it('lets the regulatory reviewer escalate a fast-tracked item: marketing and medical open, signed, and it stays on full review', async () => {
      const source = await approvedItem([]);
      const reuse = await newItemWithVersion([], { sourceItemId: source.id });
      const submitted = await submit(reuse.id);
      const versionId = submitted.versions[0].id;
      const body = { reason: 'The layout differs from the source', versionId, password: team.regulatory.password };
      expect((await t.http(team.medical.token).post(`/api/content-items/${reuse.id}/escalate`, { ...body, password: team.medical.password })).status).toBe(403);
      const escalated = await t.http(team.regulatory.token).post(`/api/content-items/${reuse.id}/escalate`, body);
      expect(escalated.status).toBe(200);
      expect(escalated.body).toMatchObject({ status: 'in_review', fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'], lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' } });
      expect(escalated.body.fastTrackReason).toBe('full review: escalated by regulatory: The layout differs from the source');
      expect(new Date(escalated.body.dueAt).getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000);
      const [signature] = await t.dataSource.query(`select meaning, content_sha256, entity_id from signature where meaning = 'escalated to full review' and entity_id = $1`, [versionId]);
      expect(signature).toMatchObject({ content_sha256: submitted.versions[0].asset.sha256 });
      expect((await t.http(team.regulatory.token).post(`/api/content-items/${reuse.id}/escalate`, body)).body.code).toBe('not_fast_tracked');
      await decideItem(team.medical, reuse.id, 'medical', 'request_changes');
      await t.http(team.editor.token).upload(`/api/content-items/${reuse.id}/versions`, { name: 'v2.png', type: 'image/png', data: PNG_BYTES });
      expect((await submit(reuse.id)).requiredLanes).toEqual(['marketing', 'medical', 'regulatory']);
    });

    it('suspends every approved item making a withdrawn claim in the same request: gone from the library at once', async () => {
      const claim = await approvedClaim(t, people());
      const approved = await approvedItem([claim.id]);
      const inReview = await newItemWithVersion([claim.id]);
      await submit(inReview.id);
      await decideItem(team.marketing, inReview.id, 'marketing');
      const draft = await newItemWithVersion([claim.id]);
      expect(await library()).toContain(approved.id);

      const withdrawn = await t.http(team.medical.token).post(`/api/claims/${claim.id}/withdraw`, { reason: 'New safety data', password: team.medical.password });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'New safety data' });
      expect(await library()).not.toContain(approved.id);
      expect((await t.http(team.rep.token).get(`/api/library/${approved.id}`)).status).toBe(404);

      const view = async (id: string) => (await t.http(team.editor.token).get(`/api/content-items/${id}`)).body as ContentItem;
      expect(await view(approved.id)).toMatchObject({ status: 'suspended', approvedVersion: null, claims: [{ id: claim.id, status: 'withdrawn' }] });
      expect(await view(inReview.id)).toMatchObject({ status: 'changes_requested', lanes: { marketing: 'approved', medical: 'not_started', regulatory: 'not_started' } });
      expect((await view(draft.id)).status).toBe('draft');
      const events = await t.dataSource.query(`select action, after from audit_event where entity_id = any($1) and action in ('content_item.suspended', 'review.round_halted') order by action`, [[approved.id, inReview.id]]);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['content_item.suspended', 'review.round_halted']);
      expect(events[0].after).toMatchObject({ claimCode: claim.code, cause: 'withdrawn', reason: `claim ${claim.code} withdrawn: New safety data` });
      // Integrations hear of it in the same transaction; the item still in review never was in use.
      const announced = await t.dataSource.query(`select type, data from integration_event where data->>'itemId' = any($1) and type = 'item.suspended'`, [[approved.id, inReview.id, draft.id]]);
      expect(announced).toEqual([{ type: 'item.suspended', data: { itemId: approved.id, versionId: expect.any(String), claimId: claim.id, claimCode: claim.code, cause: 'withdrawn' } }]);
      expect((await t.http(team.rep.token).post(`/api/claims/${claim.id}/withdraw`, { reason: 'x', password: team.rep.password })).status).toBe(403);
    });

    it('brings a suspended item back once a corrected version, without the claim, is approved in full', async () => {
      const [kept, dropped] = [await approvedClaim(t, people()), await approvedClaim(t, people())];
      const item = await approvedItem([kept.id, dropped.id]);
      await t.http(team.regulatory.token).post(`/api/claims/${dropped.id}/withdraw`, { reason: 'Superseded by new label', password: team.regulatory.password });
      expect((await t.http(team.editor.token).patch(`/api/content-items/${item.id}`, { claimIds: [kept.id] })).body.claims.map((c: { code: string }) => c.code)).toEqual([kept.code]);
      await t.http(team.editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'v2.png', type: 'image/png', data: PNG_BYTES });
      expect((await submit(item.id)).lanes).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
      for (const lane of ['marketing', 'medical', 'regulatory'] as const) await decideItem(team[lane], item.id, lane);
      expect(await library()).toContain(item.id);
    });

    it('suspends the items of a claim when it expires, through the expiry job', async () => {
      const claim = await approvedClaim(t, people());
      const item = await approvedItem([claim.id]);
      await t.dataSource.query(`update claim set expires_at = now() - interval '1 minute' where id = $1`, [claim.id]);
      const { ClaimsService } = await import('./claims.service.js');
      expect(await t.app.get(ClaimsService).expireDue()).toBeGreaterThanOrEqual(1);
      expect((await t.http(team.editor.token).get(`/api/claims/${claim.id}`)).body.status).toBe('expired');
      expect((await t.http(team.editor.token).get(`/api/content-items/${item.id}`)).body.status).toBe('suspended');
      expect(await t.app.get(ClaimsService).expireDue()).toBe(0);
    });

    it('previews the fast-track decision a new item would get, without storing anything', async () => {
      const [a, draft] = [await approvedClaim(t, people()), await newClaim(t, team.editor)];
      const source = await approvedItem([a.id]);
      const items = await count('content_item');
      const preview = async (claimIds: string[]) => (await t.http(team.editor.token).post('/api/review-policy/preview', { sourceItemId: source.id, claimIds })).body;
      expect(await preview([a.id])).toMatchObject({ fastTrack: true, requiredLanes: ['regulatory'], dueAt: expect.any(String) });
      expect(await preview([a.id, draft.id])).toMatchObject({ fastTrack: false, reason: `full review: ${draft.code} is draft in the claims library` });
      expect((await t.http(team.editor.token).post('/api/review-policy/preview', { claimIds: ['nope'] })).body.code).toBe('unknown_claim');
      expect(await count('content_item')).toBe(items);
    });

    it('lists the items that make a claim on its page', async () => {
      const claim = await approvedClaim(t, people());
      const item = await newItemWithVersion([claim.id], { title: 'Vidéo : le bon usage' });
      const detail = (await t.http(team.medical.token).get(`/api/claims/${claim.id}`)).body as ClaimDetail;
      expect(detail.usedBy).toEqual([{ id: item.id, title: 'Vidéo : le bon usage', status: 'draft' }]);
      expect(detail.decisions.map((d) => d.lane)).toEqual(['medical', 'regulatory']);
    });
  });
});
