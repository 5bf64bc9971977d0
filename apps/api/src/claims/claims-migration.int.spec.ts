import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../infra/database/data-source.js';
import { ClaimsLibrary1796288223993 } from '../infra/database/migrations/1796288223993-ClaimsLibrary.js';
import { MIGRATIONS } from '../infra/database/migrations/index.js';
import { createTestDatabase } from '../testing/test-app.js';

describe('migration: free-text claims become claims-library entries', () => {
  it('turns each product’s declared claim codes into draft claims and points the items at them', async () => {
    const url = await createTestDatabase();
    const old = new DataSource({ ...dataSourceOptions(url, 1), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClaimsLibrary1796288223993)) });
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'all' });
      const [{ id: userId }] = await old.query(`insert into app_user (email, name, roles, password_hash, active) values ('e@x.test', 'E', '{editor}', 'x', true) returning id`);
      const item = async (title: string, product: string | null, claimIds: string[]) => {
        const [{ id }] = await old.query(`insert into content_item (title, format, planned_at, owner_id, product, claim_ids) values ($1, 'infographic', now(), $2, $3, $4) returning id`, [title, userId, product, claimIds]);
        return id as string;
      };
      const a = await item('A', 'Cardiovex', ['HF-001', 'hf 002']);
      const b = await item('B', 'Cardiovex', ['HF-001']);
      const c = await item('C', null, ['HF-001']);
      const none = await item('D', 'Cardiovex', []);

      expect(await runMigrations(url)).toContain('ClaimsLibrary1796288223993');

      const claims = await old.query(`select id, code, product, status, statement from claim order by product, code`);
      expect(claims.map((r: { code: string; product: string; status: string }) => [r.product, r.code, r.status])).toEqual([
        ['Cardiovex', 'HF-001', 'draft'],
        ['Cardiovex', 'HF-002', 'draft'],
        ['unassigned', 'HF-001', 'draft'],
      ]);
      expect(claims[0].statement).toContain('Imported claim HF-001');
      const idOf = (product: string, code: string) => claims.find((r: { code: string; product: string }) => r.product === product && r.code === code).id;
      const claimIdsOf = async (id: string) => ((await old.query(`select claim_ids from content_item where id = $1`, [id]))[0].claim_ids as string[]).sort();
      expect(await claimIdsOf(a)).toEqual([idOf('Cardiovex', 'HF-001'), idOf('Cardiovex', 'HF-002')].sort());
      expect(await claimIdsOf(b)).toEqual([idOf('Cardiovex', 'HF-001')]);
      expect(await claimIdsOf(c)).toEqual([idOf('unassigned', 'HF-001')]);
      expect(await claimIdsOf(none)).toEqual([]);
    } finally {
      await old.destroy();
    }
  });
});
