import type { Claim, ClaimDetail } from '@vetted/contracts';
import type { TestApp, TestUser } from './test-app.js';

let codes = 0;

/** A draft claim written by `editor` (a fresh code each time unless given). */
export async function newClaim(t: TestApp, editor: TestUser, overrides: Record<string, unknown> = {}): Promise<Claim> {
  codes += 1;
  const res = await t.http(editor.token).post('/api/claims', {
    code: `HF-${String(codes).padStart(3, '0')}`,
    statement: 'Réduit de 20 % les hospitalisations pour insuffisance cardiaque',
    product: 'Cardiovex',
    references: [{ citation: 'McMurray JJV et al. N Engl J Med 2014;371:993-1004', doi: '10.1056/NEJMoa1409077', locator: 'Table 2' }],
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`claim create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A signed lane decision on a claim, as the reviewer saw it. */
export async function decideClaim(t: TestApp, reviewer: TestUser, claimId: string, lane: 'medical' | 'regulatory', decision = 'approve', password = reviewer.password) {
  const seen = (await t.http(reviewer.token).get(`/api/claims/${claimId}`)).body as ClaimDetail;
  return t.http(reviewer.token).post(`/api/claims/${claimId}/reviews`, { lane, decision, password, contentSha256: seen.contentSha256, comment: decision === 'approve' ? undefined : 'Cite the primary endpoint' });
}

/** A claim approved by both lanes: written by `editor`, approved by `medical` and `regulatory`. */
export async function approvedClaim(t: TestApp, people: { editor: TestUser; medical: TestUser; regulatory: TestUser }, overrides: Record<string, unknown> = {}): Promise<Claim> {
  const claim = await newClaim(t, people.editor, overrides);
  const submitted = await t.http(people.editor.token).post(`/api/claims/${claim.id}/submit`);
  if (submitted.status !== 200) throw new Error(`claim submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  for (const lane of ['medical', 'regulatory'] as const) {
    const res = await decideClaim(t, people[lane], claim.id, lane);
    if (res.status !== 200) throw new Error(`claim ${lane} approval failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return (await t.http(people.editor.token).get(`/api/claims/${claim.id}`)).body;
}
