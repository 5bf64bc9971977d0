import net from 'node:net';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { dataSourceOptions, runMigrations } from '../infra/database/data-source.js';
import { EMBEDDED_DATABASE, startEmbeddedDatabase } from '../infra/embedded-infrastructure.js';

/**
 * The database a command-line tool should use: DATABASE_URL, else the embedded PostgreSQL, reusing
 * the one `npm start` is running when there is one, or starting it for the duration of the command.
 */
export async function openCliDatabase(config: AppConfig): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  let url = config.database.url;
  let stopEmbedded = async () => undefined as void;
  if (!url) {
    if (await isListening(config.embedded.pgPort)) {
      url = (await import('@vetted/dev-infra')).embeddedPostgresUrl(config.embedded.pgPort, EMBEDDED_DATABASE);
    } else {
      const pg = await startEmbeddedDatabase(config);
      stopEmbedded = pg.stop;
      url = pg.url;
    }
  }
  await runMigrations(url);
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await stopEmbedded();
    },
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
