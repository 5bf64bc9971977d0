import { CONTENT_ITEMS_DEFAULT_PAGE_SIZE, CONTENT_ITEMS_MAX_PAGE_SIZE, contentItemListSchema, type ContentItem, type ContentItemList } from '@vetted/contracts';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { newItem, submittedItem } from '../testing/content-factory.js';

describe('GET /api/content-items: summaries, paged', () => {
  let t: TestApp;
  let editor: TestUser;
  const window = 'from=2033-01-01T00:00:00Z&to=2033-02-01T00:00:00Z';
  const created: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    // One more than the default page, planned in a January nobody else uses.
    for (let batch = 0; batch < CONTENT_ITEMS_DEFAULT_PAGE_SIZE + 1; batch += 20) {
      const items = await Promise.all(
        Array.from({ length: Math.min(20, CONTENT_ITEMS_DEFAULT_PAGE_SIZE + 1 - batch) }, (_, k) =>
          newItem(t, editor, { title: `Janvier ${batch + k}`, plannedAt: new Date(Date.UTC(2033, 0, 1 + ((batch + k) % 28), 8, batch + k)).toISOString() }),
        ),
      );
      created.push(...items.map((i) => i.id));
    }
  });
  afterAll(() => t?.close());

  const list = async (query: string) => {
    const res = await t.http(editor.token).get(`/api/content-items?${query}`);
    expect(res.status).toBe(200);
    return contentItemListSchema.strict().parse(res.body) as ContentItemList;
  };

  it('returns a default page of 100 with the total over all pages, then the rest in order without repeats', async () => {
    const first = await list(window);
    expect({ shown: first.items.length, total: first.total, page: first.page, pageSize: first.pageSize }).toEqual({ shown: 100, total: 101, page: 1, pageSize: CONTENT_ITEMS_DEFAULT_PAGE_SIZE });
    const second = await list(`${window}&page=2`);
    expect({ shown: second.items.length, total: second.total, page: second.page }).toEqual({ shown: 1, total: 101, page: 2 });
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids)).toEqual(new Set(created));
    const planned = [...first.items, ...second.items].map((i) => i.plannedAt);
    expect(planned).toEqual([...planned].sort());
    const beyond = await list(`${window}&page=9&pageSize=50`);
    expect({ shown: beyond.items.length, total: beyond.total }).toEqual({ shown: 0, total: 101 });
  });

  it('lists summaries: what a row shows, no statechart snapshot, versions, claims or lane progress', async () => {
    const submitted = await submittedItem(t, editor, { title: 'Soumis', plannedAt: '2033-03-02T08:00:00Z', product: 'Cardiolix', market: 'FR' });
    const { items } = await list('from=2033-03-01T00:00:00Z&to=2033-04-01T00:00:00Z');
    expect(items).toHaveLength(1);
    const summary = items[0] as Record<string, unknown>;
    for (const heavy of ['reviewState', 'versions', 'claims', 'laneProgress', 'lanes', 'description']) expect(summary).not.toHaveProperty(heavy);
    const full = (await t.http(editor.token).get(`/api/content-items/${submitted.id}`)).body as ContentItem;
    expect(full.versions).toHaveLength(1);
    // Every field the summary has, it has as the full item shows it; the unsupported statements are the full item's text check count.
    const { unsupportedStatements, ...shared } = summary;
    expect(shared).toEqual(Object.fromEntries(Object.keys(shared).map((k) => [k, (full as unknown as Record<string, unknown>)[k]])));
    expect(unsupportedStatements).toBe(full.textCheck?.unsupported ?? 0);
    expect(summary).toMatchObject({ status: 'in_review', currentVersion: 1, round: 1, product: 'Cardiolix', market: 'FR', submittedAt: expect.any(String), dueAt: expect.any(String) });
  });

  it('filters by status across the join and still counts them', async () => {
    const inReview = await list('status=in_review&from=2033-01-01T00:00:00Z&to=2034-01-01T00:00:00Z&pageSize=1');
    expect({ shown: inReview.items.length, total: inReview.total }).toEqual({ shown: 1, total: 1 });
    const drafts = await list(`${window}&status=draft&pageSize=7`);
    expect({ shown: drafts.items.length, total: drafts.total }).toEqual({ shown: 7, total: 101 });
  });

  it(`refuses a page size above ${CONTENT_ITEMS_MAX_PAGE_SIZE}, a page 0 and the old limit/offset with a named 400`, async () => {
    for (const [query, name, code] of [
      [`pageSize=${CONTENT_ITEMS_MAX_PAGE_SIZE + 1}`, 'pageSize', 'invalid_input'],
      ['pageSize=0', 'pageSize', 'invalid_input'],
      ['page=0', 'page', 'invalid_input'],
      ['limit=2000', 'limit', 'unknown_parameter'],
    ]) {
      const res = await t.http(editor.token).get(`/api/content-items?${query}`);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code });
      expect(res.body.message).toContain(name);
    }
    expect((await t.http(editor.token).get(`/api/content-items?pageSize=${CONTENT_ITEMS_MAX_PAGE_SIZE}`)).status).toBe(200);
  });
});
