import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the benchmark table: a measure, its baseline in the same run, the ratio and the target. */
export interface BenchLine {
  what: string;
  api: string;
  baseline: string;
  /** API / baseline, or null for an absolute target. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

export interface BenchRun {
  date: string;
  cores: number;
  cpu: string;
  node: string;
  /** 1-minute load average at the end of the run: above the core count, other work shared the machine and every figure is inflated. */
  loadAverage: number;
  scale: number;
  dataset: string;
  lines: BenchLine[];
  details: Record<string, unknown>;
}

/** Where `npm run test:resilience` leaves its counts for the next `npm run bench` to put in docs/benchmarks.md. */
export const RESILIENCE_COUNTS_FILE = path.join(os.tmpdir(), 'vetted-resilience-counts.json');

export function resilienceSection(json: string): string {
  const tests = JSON.parse(json) as Record<string, Record<string, unknown> & { at: string }>;
  const parts = Object.entries(tests).map(([name, { at, ...counts }]) => {
    const lines = Object.entries(counts).map(([k, v]) => `  - ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return `- **${name}** (${at.slice(0, 16).replace('T', ' ')} UTC)\n${lines.join('\n')}`;
  });
  return `## Resilience (\`npm run test:resilience\`, last run on this machine)\n\n${parts.join('\n')}\n`;
}

export function machine(): Pick<BenchRun, 'cores' | 'cpu' | 'node' | 'loadAverage'> {
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: Math.round(os.loadavg()[0] * 10) / 10 };
}

export function printLines(lines: readonly BenchLine[]): void {
  for (const l of lines) {
    const ratio = l.ratio === null ? '' : ` · ratio ${l.ratio.toFixed(2)}×`;
    const verdict = l.met === null ? '' : l.met ? ' · met' : ' · NOT MET';
    console.log(`${l.what}\n  API ${l.api} · baseline ${l.baseline}${ratio} · target ${l.target}${verdict}${l.note ? `\n  ${l.note}` : ''}\n`);
  }
}

/** docs/benchmarks.md (the table people read) and docs/benchmarks.json (the same figures for tools). */
export async function writeReport(docsDir: string, run: BenchRun, resilience: string | null): Promise<void> {
  await fs.writeFile(path.join(docsDir, 'benchmarks.json'), `${JSON.stringify(run, null, 2)}\n`);
  const rows = run.lines.map((l) => `| ${l.what} | ${l.api} | ${l.baseline} | ${l.ratio === null ? '—' : `${l.ratio.toFixed(2)}×`} | ${l.target} | ${l.met === null ? '—' : l.met ? 'yes' : '**no**'} |`);
  const notes = run.lines.filter((l) => l.note).map((l) => `- **${l.what}**: ${l.note}`);
  const md = `# Benchmarks

Written by \`npm run bench\` (${run.scale === 1 ? 'default scale' : `\`--scale ${run.scale}\``}) on ${run.date}. Each measure runs the product and a raw
baseline in the same run, on the same data and machine, and the ratio is what the target is set on: a
shared or small machine changes the milliseconds, much less the ratios. The product runs as \`npm start\`
runs it (\`node apps/api/dist/main.js\`, embedded PostgreSQL and S3, its own process); load comes from
\`autocannon\` in the bench's process.

Machine: ${run.cores} cores (${run.cpu}), Node.js ${run.node}, load average ${run.loadAverage} at the end of the run${run.loadAverage > run.cores ? ' (other work shared the machine: every figure is inflated and the ratios under concurrency are noisy)' : ''}. Dataset: ${run.dataset}.

| measure | product | baseline | ratio | target | met |
|---|---|---|---|---|---|
${rows.join('\n')}

${notes.join('\n')}

${resilience ?? '## Resilience\n\nRun `npm run test:resilience`; its counts are recorded here by the next `npm run bench`.'}
`;
  await fs.writeFile(path.join(docsDir, 'benchmarks.md'), md);
}
