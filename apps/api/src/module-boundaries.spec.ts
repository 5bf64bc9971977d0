// "Who writes a table is the boundary": a feature module's code never imports another feature's
// TypeORM entity (it would let it read and write that module's rows). It asks that module's service.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const FEATURES = ['identity', 'audit', 'content', 'review', 'assets', 'library', 'calendar', 'health', 'integrations', 'audit-package', 'analytics'];
/** Whole-app wiring and tools that read across modules on purpose (migrations, CLIs, the demo seed, tests' factories). */
const EXEMPT = /\.(int\.)?spec\.ts$/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat().filter((f) => f.endsWith('.ts') && !EXEMPT.test(f));
}

export async function crossModuleEntityImports(): Promise<string[]> {
  const violations: string[] = [];
  for (const feature of FEATURES) {
    for (const file of await sourceFiles(path.join(SRC, feature))) {
      const text = await fs.readFile(file, 'utf8');
      for (const match of text.matchAll(/from '\.\.\/([a-z-]+)\/([a-z-]+\.entity)\.js'/g)) {
        if (match[1] !== feature) violations.push(`${path.relative(SRC, file)} imports ${match[1]}/${match[2]}`);
      }
    }
  }
  return violations;
}

describe('module boundaries', () => {
  it('no feature module imports another feature module’s entity', async () => {
    expect(await crossModuleEntityImports()).toEqual([]);
  });

  it('would notice one (the check reads real imports)', async () => {
    const text = await fs.readFile(path.join(SRC, 'review', 'review.service.ts'), 'utf8');
    expect(text).toMatch(/from '\.\.\/content\/content\.service\.js'/);
    expect(/from '\.\.\/([a-z-]+)\/([a-z-]+\.entity)\.js'/.test("import { X } from '../content/content-item.entity.js'")).toBe(true);
  });
});
