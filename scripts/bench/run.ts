// npm run bench: builds the site, serves it on loopback and runs every benchmark in
// scripts/bench/*.bench.ts, then rewrites BENCHMARKS.md with the figures and the machine they ran on.
// Timing goals live here, never in tests. Run one: npm run bench -- map
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBuiltServer } from '../../test/support/server.ts';

export interface BenchContext {
  baseUrl: string;
  root: string;
}

export interface BenchResult {
  title: string;
  /** Rows of the result table: what was measured, the figure, and the goal if there is one. */
  rows: Array<{ measure: string; value: string; goal?: string; met?: boolean }>;
  notes?: string[];
}

export interface Bench {
  name: string;
  /** Builds and serves what it measures itself (the scale benchmark), so needs no site from run.ts. */
  standalone?: boolean;
  run(context: BenchContext): Promise<BenchResult>;
}

const root = path.resolve(import.meta.dirname, '../..');
const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.bench.ts')).sort();

const benches: Bench[] = [];
for (const file of files) {
  const bench = (await import(path.join(import.meta.dirname, file))).default as Bench;
  if (!only.length || only.includes(bench.name)) benches.push(bench);
}

// The same build as `npm run build`: the site, then its Pagefind index.
const needsSite = benches.some((bench) => !bench.standalone);
if (needsSite) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const server = needsSite ? await startBuiltServer() : undefined;
const results: BenchResult[] = [];
try {
  for (const bench of benches) {
    console.log(`\n▶ ${bench.name}`);
    const result = await bench.run({ baseUrl: server?.url ?? '', root });
    for (const row of result.rows) console.log(`  ${row.measure}: ${row.value}${row.goal ? ` (goal ${row.goal}${row.met === false ? ', NOT MET' : ''})` : ''}`);
    results.push(result);
  }
} finally {
  await server?.stop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const sectionOf = (result: BenchResult) =>
  [
    `## ${result.title}`,
    '',
    '| measure | value | goal |',
    '| --- | --- | --- |',
    ...result.rows.map((row) => `| ${row.measure} | ${row.value} | ${row.goal ? `${row.goal}${row.met === false ? ' (not met)' : row.met ? ' ✓' : ''}` : ''} |`),
    ...(result.notes?.length ? ['', ...result.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');

// Sections of benchmarks not run this time stay as they were, with the date they were measured.
const file = path.join(root, 'BENCHMARKS.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const sections = new Map<string, string>();
for (const section of previous.split(/\n(?=## )/).slice(1)) sections.set(section.split('\n', 1)[0], section.trimEnd() + '\n');
const today = new Date().toISOString().slice(0, 10);
for (const result of results) {
  const section = sectionOf({ ...result, notes: [...(result.notes ?? []), `Measured on ${today}.`] });
  sections.set(section.split('\n', 1)[0], section);
}
writeFileSync(
  file,
  `# Benchmarks\n\nWritten by \`npm run bench\` (one: \`npm run bench -- <name>\`); each section gives the day it was measured.\nMachine: ${machine}.\nChromium: Debian's /usr/bin/chromium, headless.\n\n${[...sections.values()].join('\n')}`,
);
console.log('\nBENCHMARKS.md updated');
