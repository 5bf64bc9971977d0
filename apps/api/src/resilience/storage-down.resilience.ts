import pg from 'pg';
import { alive, call, login, objectKeys, record, startWorld, tally, type World } from './harness.js';
import { inBatches, newItem, pngForm } from './items.js';

const UPLOADS = 20;

describe('storage unavailable during 20 concurrent uploads', () => {
  let world: World;
  afterAll(() => world?.close());

  it('answers 503 storage_unavailable, records no version and leaves no orphan object; uploads succeed once storage is back', async () => {
    // No rendition jobs: every object under items/ is then an original, and the orphan check is exact.
    world = await startWorld('storage', { JOBS_ENABLED: 'false' });
    const base = world.product.base;
    const editor = await login(base, 'editor');
    const items = await inBatches(UPLOADS, 5, (i) => newItem(world, editor, `Stockage ${i}`));
    const uploadAll = () => Promise.all(items.map((id) => call(base, 'POST', `/api/content-items/${id}/versions`, { token: editor, form: pngForm() })));

    // The demo seed stored files of its own: what counts is what this outage adds.
    const objectsBefore = new Set(await objectKeys(world, 'items/'));
    await world.storage.cut();
    const refused = await uploadAll();
    const versionsAfterOutage = await versionCount(world, items);
    const objectsAfterOutage = (await objectKeys(world, 'items/')).filter((key) => !objectsBefore.has(key));
    await world.storage.restore();
    const accepted = await uploadAll();
    const versions = await versionCount(world, items);
    const objects = await objectKeys(world, 'items/');
    const referenced = await referencedKeys(world);
    const orphans = objects.filter((key) => !referenced.has(key));

    await record('storage unavailable during 20 uploads', {
      uploadsDuringOutage: UPLOADS,
      answersDuringOutage: tally(refused),
      versionRowsAfterOutage: versionsAfterOutage,
      objectsAddedByOutage: objectsAfterOutage.length,
      answersOnceBack: tally(accepted),
      versionRowsOnceBack: versions,
      objectsOnceBack: objects.length - objectsBefore.size,
      orphanObjects: orphans.length,
    });

    expect(alive(world.product.pid)).toBe(true);
    expect(tally(refused)).toEqual({ '503 storage_unavailable': UPLOADS });
    expect(versionsAfterOutage).toBe(0);
    expect(objectsAfterOutage).toEqual([]);
    expect(tally(accepted)).toEqual({ '201': UPLOADS });
    expect(versions).toBe(UPLOADS);
    expect(orphans).toEqual([]);
  });
});

async function versionCount(world: World, itemIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from content_version where item_id = any($1::uuid[])', [itemIds])).rows[0].n);
  } finally {
    await client.end();
  }
}


/** Keys the database knows: originals and every rendition (thumbnails and previews are made in the background). */
async function referencedKeys(world: World): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    const columns = (await client.query(`select column_name from information_schema.columns where table_name = 'asset_rendition' and column_name like '%key%'`)).rows.map((r: { column_name: string }) => r.column_name);
    const keys = new Set<string>();
    for (const column of columns) for (const row of (await client.query(`select ${column} as k from asset_rendition`)).rows as Array<{ k: unknown }>) {
      if (typeof row.k === 'string') keys.add(row.k);
      else if (Array.isArray(row.k)) for (const k of row.k) keys.add(String(k));
    }
    return keys;
  } finally {
    await client.end();
  }
}
