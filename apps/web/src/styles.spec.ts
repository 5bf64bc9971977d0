// The stylesheet is one hand-written file: an unbalanced brace (a bad merge, say) silently drops
// every rule after it in the browser, so the build would still pass with the workspace unstyled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

describe('styles.css', () => {
  const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('closes every block it opens, in order', () => {
    let depth = 0;
    const problems: string[] = [];
    css.split('\n').forEach((line, index) => {
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (depth < 0) problems.push(`line ${index + 1} closes a block never opened`);
      // Only @media blocks nest here: a rule opened at the top level inside another rule is a missing brace.
      if (depth >= 2 && /^[.#a-z:[*]/i.test(line) && !line.startsWith('@')) problems.push(`line ${index + 1} starts a rule inside another: ${line.trim()}`);
    });
    expect(problems).toEqual([]);
    expect(depth).toBe(0);
  });

  it('holds no merge conflict markers', () => {
    expect(css).not.toMatch(/^(<{7}|={7}|>{7})/m);
  });
});
