import { createTestApp, type TestApp } from '../testing/test-app.js';
import { RENDER_ASSETS_JOB, SWEEP_ORPHAN_OBJECTS_JOB } from './asset-jobs.js';

describe('asset jobs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_ENABLED: 'true' });
  });
  afterAll(() => t?.close());

  it('schedules renditions every minute and the orphan sweep hourly on pg-boss', async () => {
    const rows = (await t.dataSource.query(`select name, cron from pgboss.schedule where name = any($1) order by name`, [[RENDER_ASSETS_JOB, SWEEP_ORPHAN_OBJECTS_JOB]])) as Array<{
      name: string;
      cron: string;
    }>;
    expect(rows).toEqual([
      { name: RENDER_ASSETS_JOB, cron: '* * * * *' },
      { name: SWEEP_ORPHAN_OBJECTS_JOB, cron: '17 * * * *' },
    ]);
  });
});
