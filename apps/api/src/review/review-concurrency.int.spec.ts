import { submittedItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { AuditService } from '../audit/audit.service.js';

const ITEMS = 200;

/** Runs `work` over `xs` with at most `limit` in flight. */
async function inBatches<T>(xs: T[], limit: number, work: (x: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < xs.length; i += limit) await Promise.all(xs.slice(i, i + limit).map(work));
}

describe('three reviewers deciding at the same instant, across two API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let editor: TestUser;
  let reviewers: Record<'marketing' | 'medical' | 'regulatory', TestUser>;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, { databaseUrl: a.databaseUrl, bucket: a.config.s3.bucket });
    editor = await a.newUser(['editor']);
    reviewers = {
      marketing: await a.newUser(['marketing_reviewer']),
      medical: await a.newUser(['medical_reviewer']),
      regulatory: await a.newUser(['regulatory_reviewer']),
    };
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it(`approves all ${ITEMS} items with exactly ${ITEMS * 3} decisions and one approval event each`, async () => {
    const ids: string[] = [];
    const versionIds = new Map<string, string>();
    await inBatches([...Array(ITEMS).keys()], 20, async (n) => {
      const item = await submittedItem(a, editor, { title: `Épisode ${n}` });
      ids.push(item.id);
      versionIds.set(item.id, item.versions[0].id);
    });

    const lanes = Object.keys(reviewers) as Array<keyof typeof reviewers>;
    const results = await Promise.all(
      ids.flatMap((id, i) =>
        lanes.map((lane, j) => {
          const api = (i + j) % 2 === 0 ? a : b;
          const reviewer = reviewers[lane];
          return api.http(reviewer.token).post(`/api/content-items/${id}/reviews`, { lane, decision: 'approve', versionId: versionIds.get(id), password: reviewer.password });
        }),
      ),
    );
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);

    const [counts] = await a.dataSource.query(
      `select
         (select count(*)::int from item_review where item_id = any($1) and status = 'approved') as approved,
         (select count(*)::int from review_decision where item_id = any($1)) as decisions,
         (select count(*)::int from audit_event where action = 'content_item.approved' and entity_id = any($2)) as approval_events,
         (select count(distinct entity_id)::int from audit_event where action = 'content_item.approved' and entity_id = any($2)) as items_with_event`,
      [ids, ids],
    );
    expect(counts).toEqual({ approved: ITEMS, decisions: ITEMS * 3, approval_events: ITEMS, items_with_event: ITEMS });
    expect((await a.app.get(AuditService).verifyChain()).firstBrokenSeq).toBeNull();
  }, 300_000);
});
