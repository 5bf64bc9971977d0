import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from './audit.service.js';
import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function someEvents() {
    const admin = await t.newUser(['admin']);
    await t.http(admin.token).post('/api/users', { email: `u${Date.now()}@test.local`, name: 'Someone', password: 'a-long-enough-password', roles: ['rep'] });
    return admin;
  }

  it('records changes with actor and a verifiable hash chain', async () => {
    const admin = await someEvents();
    const res = await t.http(admin.token).get('/api/audit?entity=user');
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
    const created = res.body.events.filter((e: { action: string }) => e.action === 'user.created');
    expect(created.length).toBeGreaterThan(0);
    expect(created.at(-1)).toMatchObject({ actorId: admin.id, actorName: admin.name, entity: 'user' });
    expect(created.at(-1).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('chaining at commit', () => {
    const eventsOf = (entityId: string) =>
      t.dataSource.query(`select seq::int, action, after from audit_event where entity = 'audit-test' and entity_id = $1 order by seq`, [entityId]) as Promise<
        Array<{ seq: number; action: string; after: { name: string } | null }>
      >;
    const record = (tx: EntityManager, entityId: string, action: string, after?: object) =>
      t.app.get(AuditService).record(tx, { actor: null, action, entity: 'audit-test', entityId, after });

    it('keeps nothing of a transaction that rolls back, and says what was true when the event was recorded', async () => {
      const id = randomUUID();
      await expect(
        t.dataSource.transaction(async (tx) => {
          await record(tx, id, 'test.abandoned');
          throw new Error('abandoned');
        }),
      ).rejects.toThrow('abandoned');
      const state = { name: 'as recorded' };
      await t.dataSource.transaction(async (tx) => {
        await record(tx, id, 'test.kept', state);
        state.name = 'changed later in the transaction';
      });
      expect(await eventsOf(id)).toEqual([expect.objectContaining({ action: 'test.kept', after: { name: 'as recorded' } })]);
      expect((await t.app.get(AuditService).verifyChain()).firstBrokenSeq).toBeNull();
    });

    it('does not make other transactions wait while one is still open after recording', async () => {
      const slow = randomUUID();
      const fast = randomUUID();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const open = t.dataSource.transaction(async (tx) => {
        await record(tx, slow, 'test.slow');
        await held;
      });
      // Before chaining moved to commit, this append waited for the open transaction's chain lock.
      await t.dataSource.transaction((tx) => record(tx, fast, 'test.fast'));
      expect(await eventsOf(fast)).toHaveLength(1);
      expect(await eventsOf(slow)).toHaveLength(0);
      release();
      await open;
      const [first] = await eventsOf(fast);
      const [second] = await eventsOf(slow);
      expect(second.seq).toBeGreaterThan(first.seq);
    });

    it('chains concurrent transactions in commit order, each transaction’s events side by side', async () => {
      const ids = Array.from({ length: 20 }, () => randomUUID());
      await Promise.all(
        ids.map((id) =>
          t.dataSource.transaction(async (tx) => {
            for (const step of ['one', 'two', 'three']) {
              await record(tx, id, `test.${step}`);
              await tx.query('select pg_sleep(0.005)');
            }
          }),
        ),
      );
      for (const id of ids) {
        const seqs = (await eventsOf(id)).map((e) => e.seq);
        expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
      }
      expect((await t.app.get(AuditService).verifyChain()).firstBrokenSeq).toBeNull();
    });

    it('keeps what came before a savepoint when the transaction rolls back to it', async () => {
      const id = randomUUID();
      await t.dataSource.transaction(async (tx) => {
        await record(tx, id, 'test.before_savepoint');
        await tx.queryRunner!.startTransaction();
        await record(tx, id, 'test.inside_savepoint');
        await tx.queryRunner!.rollbackTransaction();
        await record(tx, id, 'test.after_savepoint');
      });
      expect((await eventsOf(id)).map((e) => e.action)).toEqual(['test.before_savepoint', 'test.after_savepoint']);
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database itself', async () => {
    await someEvents();
    await expect(t.dataSource.query(`update audit_event set action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
  });

  it('reports the first tampered event when someone with table-owner rights rewrites history', async () => {
    const admin = await someEvents();
    const [victim] = await t.dataSource.query(`select seq from audit_event where action = 'user.created' order by seq desc limit 1`);
    const audit = t.app.get(AuditService);
    expect((await audit.verifyChain()).firstBrokenSeq).toBeNull();
    await t.dataSource.transaction(async (tx) => {
      await tx.query('alter table audit_event disable trigger audit_event_no_update_delete');
      await tx.query(`update audit_event set after = jsonb_set(after, '{name}', '"Forged"') where seq = $1`, [victim.seq]);
      await tx.query('alter table audit_event enable trigger audit_event_no_update_delete');
    });
    const verdict = await audit.verifyChain();
    expect(verdict.firstBrokenSeq).toBe(Number(victim.seq));
    expect(verdict.reason).toMatch(/content does not match its hash/);
    const res = await t.http(admin.token).get('/api/audit?entity=user');
    expect(res.body.verified).toBe(false);
    expect(res.body.firstBrokenSeq).toBe(Number(victim.seq));
  });

  it('returns the latest events first in line, and pages back in time with beforeSeq', async () => {
    const admin = await someEvents();
    await someEvents();
    const [{ max }] = await t.dataSource.query('select max(seq)::int as max from audit_event');
    const latest = await t.http(admin.token).get('/api/audit?limit=3');
    expect(latest.body.events.map((e: { seq: number }) => e.seq)).toEqual([max - 2, max - 1, max]);
    const older = await t.http(admin.token).get(`/api/audit?limit=2&beforeSeq=${max - 2}`);
    expect(older.body.events.map((e: { seq: number }) => e.seq)).toEqual([max - 4, max - 3]);
    expect(older.body.verified).toBe(true);
  });

  it('keeps the whole trail and user events for admins, and gives an item trail to those who may see the item', async () => {
    const admin = await someEvents();
    const editor = await t.newUser(['editor']);
    const reviewer = await t.newUser(['marketing_reviewer']);
    const rep = await t.newUser(['rep']);
    const item = await newItem(t, editor);

    // A reviewer probing for every user's e-mail, roles and sign-in address, in every shape of query.
    for (const path of ['/api/audit?entity=user', '/api/audit?limit=5', `/api/audit?entity=user&entityId=${admin.id}`, `/api/audit?entity=user&entityId=${reviewer.id}`, `/api/audit?entityId=${admin.id}`]) {
      const refused = await t.http(reviewer.token).get(path);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(JSON.stringify(refused.body)).not.toContain(admin.email);
    }
    expect((await t.http(editor.token).get('/api/audit?entity=user')).status).toBe(403);
    expect((await t.http(admin.token).get('/api/audit?entity=user')).status).toBe(200);

    // The item's trail, both ways, for staff who may see the item; a rep may not see drafts, nor their trail.
    for (const user of [editor, reviewer, admin]) {
      const viaItem = await t.http(user.token).get(`/api/content-items/${item.id}/audit`);
      expect(viaItem.status).toBe(200);
      expect(viaItem.body.events.map((e: { action: string }) => e.action)).toEqual(['content_item.created']);
      const viaFilter = await t.http(user.token).get(`/api/audit?entity=content_item&entityId=${item.id}`);
      expect(viaFilter.status).toBe(200);
      expect(viaFilter.body.events).toHaveLength(1);
    }
    expect((await t.http(rep.token).get(`/api/content-items/${item.id}/audit`)).status).toBe(403);
    expect((await t.http(rep.token).get(`/api/audit?entity=content_item&entityId=${item.id}`)).status).toBe(403);
  });
});
