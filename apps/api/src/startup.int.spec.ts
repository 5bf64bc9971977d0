import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

async function start(env: Record<string, string>) {
  try {
    const out = await run(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 });
    return { code: 0, stderr: out.stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('start-up with bad configuration (built API)', () => {
  it('exits 1 with one clear line per bad variable', async () => {
    const res = await start({ DATABASE_URL: 'mysql://nope', PORT: 'abc', S3_ENDPOINT: 'http://127.0.0.1:9' });
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Configuration error: PORT: must be a port number/),
        expect.stringMatching(/^Configuration error: DATABASE_URL: must be a postgres:\/\/ URL/),
      ]),
    );
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with one line when DATABASE_URL points at no database', async () => {
    const res = await start({
      DATABASE_URL: 'postgres://vetted:wrong@127.0.0.1:9/vetted',
      S3_ENDPOINT: process.env.TEST_S3_ENDPOINT!,
      S3_ACCESS_KEY: process.env.TEST_S3_ACCESS_KEY!,
      S3_SECRET_KEY: process.env.TEST_S3_SECRET_KEY!,
    });
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Vetted could not start: cannot reach 127\.0\.0\.1:9/)]);
  });
});
