import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../openapi-document.js';

/**
 * `npm run openapi [-- file]`: writes the API's OpenAPI 3.1 document (default apps/api/dist/openapi.json)
 * without starting anything: no database, no storage, no server.
 */
async function main(argv: string[]): Promise<void> {
  const file = path.resolve(argv[0] ?? new URL('../openapi.json', import.meta.url).pathname);
  const document = await buildOpenApiDocument();
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI ${document.openapi} document (${Object.keys(document.paths).length} paths) written to ${path.relative(process.cwd(), file)}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
