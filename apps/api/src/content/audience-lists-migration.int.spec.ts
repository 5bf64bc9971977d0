import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../infra/database/data-source.js';
import { AudienceLists1796313308401 } from '../infra/database/migrations/1796313308401-AudienceLists.js';
import { MIGRATIONS } from '../infra/database/migrations/index.js';
import { createTestDatabase } from '../testing/test-app.js';

describe('migration: free-text channels and segments become managed lists', () => {
  it('lists every distinct value items already use, each with a palette colour, and leaves the items as they were', async () => {
    const url = await createTestDatabase();
    const old = new DataSource({ ...dataSourceOptions(url, 1), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AudienceLists1796313308401)) });
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'all' });
      const [{ id: userId }] = await old.query(`insert into app_user (email, name, roles, password_hash, active) values ('e@x.test', 'E', '{editor}', 'x', true) returning id`);
      const item = async (channels: string[], segments: string[]) => {
        const [{ id }] = await old.query(`insert into content_item (title, format, planned_at, owner_id, channels, segments) values ('T', 'video', now(), $1, $2, $3) returning id`, [userId, channels, segments]);
        return id as string;
      };
      const a = await item(['email', 'rep-visit'], ['science-driven']);
      await item(['email', 'Email'], ['patient-driven', 'science-driven']);
      await item([], []);

      expect(await runMigrations(url)).toContain('AudienceLists1796313308401');

      const channels = await old.query(`select name, colour, archived_at from content_channel order by name`);
      // Each spelling is kept as items hold it (renaming would rewrite approved material).
      expect(channels).toEqual([
        { name: 'Email', colour: '#2a5db0', archived_at: null },
        { name: 'email', colour: '#c2410c', archived_at: null },
        { name: 'rep-visit', colour: '#15803d', archived_at: null },
      ]);
      expect(await old.query(`select name, description from audience_segment order by name`)).toEqual([
        { name: 'patient-driven', description: null },
        { name: 'science-driven', description: null },
      ]);
      expect((await old.query(`select channels, segments from content_item where id = $1`, [a]))[0]).toEqual({ channels: ['email', 'rep-visit'], segments: ['science-driven'] });
    } finally {
      await old.destroy();
    }
  });
});
