#!/usr/bin/env node
/**
 * Where does the worker pool start paying for itself? Builds sites of N
 * generated posts with `--no-cache`, once on the main thread only
 * (ORGPRESS_THREADS=0) and once with the pool (ORGPRESS_THREADS=cores-1, the default), and
 * prints the medians. The result sets POOL_MIN_DOCS in
 * src/pipeline/render-documents.ts; it is recorded in bench/results/pool-crossover.md.
 *
 * Usage: node bench/pool-crossover.mjs [--sizes 10,25,50,100,200] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus/generate-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const sizes = (opt('--sizes') ?? '10,25,50,100,200').split(',').map(Number);
const runs = Number(opt('--runs') ?? 3);
const cores = os.availableParallelism();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const n of sizes) {
  const root = path.join(repo, 'bench', 'results', 'tmp', `crossover-${n}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'drafts'), { recursive: true });
  writeFileSync(path.join(root, 'site.yaml'), 'title: Crossover\n');
  for (const p of generateCorpus(n)) writeFileSync(path.join(root, 'drafts', `${p.name}.org`), p.org);
  const time = (threads) => {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'orgpress.js'), 'build', '--root', root, '--no-cache'], { env: { ...process.env, ORGPRESS_THREADS: String(threads) }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  const main = time(0);
  const pool = time(Math.max(1, cores - 1));
  rows.push({ n, main, pool });
  console.error(`N=${n}: main thread ${main.toFixed(0)} ms, pool ${pool.toFixed(0)} ms`);
  rmSync(root, { recursive: true, force: true });
}
const md = [
  '# Worker pool crossover',
  '',
  `${os.cpus()[0]?.model}, ${cores} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; \`orgpress build --no-cache\`, whole command, median of ${runs}.`,
  '',
  `| drafts | main thread only | ${Math.max(1, cores - 1)} worker(s) + main thread | pool / main |`,
  '| ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.n} | ${Math.round(r.main)} ms | ${Math.round(r.pool)} ms | ${(r.pool / r.main).toFixed(2)} |`),
  '',
];
writeFileSync(path.join(repo, 'bench', 'results', 'pool-crossover.md'), md.join('\n'));
console.log(md.join('\n'));
