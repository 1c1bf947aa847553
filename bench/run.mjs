#!/usr/bin/env node
/**
 * `npm run bench`: orgpress against Hugo and Eleventy on the same generated
 * corpus, same machine, same run. See README.md ("Performance").
 *
 *   npm run bench                    N = 100, 1000, 4000
 *   npm run bench -- --large         … and 10000
 *   npm run bench -- --sizes 100,500 --runs 3 --no-peers
 *   npm run bench -- --out DIR       results (and the sites built) in DIR instead
 *
 * For each N it writes the corpus (bench/corpus, seeded: the same posts on
 * every machine) as an orgpress site, a Hugo site (the same .org files) and
 * an Eleventy site (the markdown twin), then measures, as medians:
 *
 *   cold      `orgpress build` with no cache and no dist/ (peers: their plain build)
 *   warm      `orgpress build` again, nothing changed
 *   one post  `orgpress build` after editing one post
 *   dev       the dev server's rebuild after editing one post (bench/dev-edit.mjs)
 *   start-up  `orgpress --version`
 *   memory    peak resident memory of the cold build (max RSS, /usr/bin/time)
 *
 * Peers are used when found: `hugo` on the PATH (Debian package `hugo`);
 * Eleventy is installed with `npm install --prefix bench/results/tmp/eleventy-install`
 * on first use. A missing peer is skipped with a note in the results.
 * Results: bench/results/results.{md,json} and bench/results/chart.svg.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus/generate-corpus.mjs';
import { writeEleventySite } from './peers/eleventy-site.mjs';
import { writeHugoSite } from './peers/hugo-site.mjs';
import { writeReport } from './report.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'bin', 'orgpress.js');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const results = opt('--out') ? path.resolve(opt('--out')) : path.join(repo, 'bench', 'results');
const tmp = path.join(results, 'tmp');
const sizes = opt('--sizes')
  ? opt('--sizes').split(',').map(Number)
  : args.includes('--large')
    ? [100, 1000, 4000, 10000]
    : [100, 1000, 4000];
/** Runs per measurement: fewer at large N, where one cold build takes a while. */
const runsFor = (n) => Number(opt('--runs')) || (n <= 100 ? 5 : n <= 1000 ? 3 : n <= 4000 ? 3 : 1);
const withPeers = !args.includes('--no-peers');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...m) => console.error('[bench]', ...m);

/** Runs a command; returns wall ms and peak RSS (MiB) from /usr/bin/time when it exists. */
function timed(cmd, cmdArgs, { cwd, env } = {}) {
  const useTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '__RSS_KB=%M', cmd, ...cmdArgs], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 << 20 })
    : spawnSync(cmd, cmdArgs, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-3000)}`);
  const rss = /__RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : null, stdout: r.stdout };
}

function machine() {
  const cpus = os.cpus();
  const version = (cmd, a) => {
    try {
      return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
    } catch {
      return null;
    }
  };
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    orgpress: JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version,
    hugo: version('hugo', ['version']),
    date: new Date().toISOString().slice(0, 10),
  };
}

/** Eleventy, installed into bench/results/tmp once (npm's ordinary client); null with a note when it cannot be. */
function eleventyBin(notes) {
  const prefix = path.join(tmp, 'eleventy-install');
  const bin = path.join(prefix, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  if (existsSync(bin)) return bin;
  log('installing @11ty/eleventy into', path.relative(repo, prefix));
  mkdirSync(prefix, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', '@11ty/eleventy@3'], { encoding: 'utf8' });
  if (r.status === 0 && existsSync(bin)) return bin;
  notes.push(`Eleventy skipped: \`npm install @11ty/eleventy\` failed (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}).`);
  return null;
}

function hugoAvailable(notes) {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (r.status === 0) return true;
  notes.push('Hugo skipped: no `hugo` on the PATH (Debian: `apt-get install hugo`).');
  return false;
}

function writeSites(n) {
  const dir = path.join(tmp, String(n));
  rmSync(dir, { recursive: true, force: true });
  const posts = [...generateCorpus(n)];
  const op = path.join(dir, 'orgpress');
  mkdirSync(path.join(op, 'drafts'), { recursive: true });
  writeFileSync(path.join(op, 'site.yaml'), 'title: Bench blog\nbaseUrl: https://example.org/blog/\npostsPerPage: 10\nfeedItems: 20\n');
  for (const p of posts) writeFileSync(path.join(op, 'drafts', `${p.name}.org`), p.org);
  writeHugoSite(path.join(dir, 'hugo'), posts);
  writeEleventySite(path.join(dir, 'eleventy'), posts);
  const editName = `${posts[Math.floor(n / 2)].name}.org`;
  return { dir, op, editDraft: path.join('drafts', editName), bytes: posts.reduce((s, p) => s + p.org.length, 0) };
}

/**
 * One post edited the way an author would: a sentence added at the top of
 * its body (so its summary on the index may change too). Text appended at
 * the end would land in the Footnotes section, which is not published as such.
 */
function editedDraft(original, round) {
  const end = original.indexOf('\n---\n', 4) + 5;
  return `${original.slice(0, end)}Edited for the benchmark, round ${round}.\n${original.slice(end)}`;
}

function benchOrgpress(site, runs) {
  const out = { cold: [], warm: [], onePost: [], rss: [], buildMs: { cold: [], warm: [], onePost: [] } };
  const buildMs = (stdout) => Number(/in (\d+) ms\./.exec(stdout)?.[1] ?? NaN);
  for (let i = 0; i < runs; i++) {
    rmSync(path.join(site.op, '.cache'), { recursive: true, force: true });
    rmSync(path.join(site.op, 'dist'), { recursive: true, force: true });
    const cold = timed(process.execPath, [cli, 'build', '--root', site.op]);
    out.cold.push(cold.ms);
    out.rss.push(cold.rssMiB);
    out.buildMs.cold.push(buildMs(cold.stdout));
    log(`  orgpress cold ${cold.ms.toFixed(0)} ms, ${cold.rssMiB?.toFixed(0)} MiB`);
  }
  const file = path.join(site.op, site.editDraft);
  const original = readFileSync(file, 'utf8');
  for (let i = 0; i < Math.max(3, runs); i++) {
    const warm = timed(process.execPath, [cli, 'build', '--root', site.op]);
    out.warm.push(warm.ms);
    out.buildMs.warm.push(buildMs(warm.stdout));
    writeFileSync(file, editedDraft(original, i));
    const one = timed(process.execPath, [cli, 'build', '--root', site.op]);
    out.onePost.push(one.ms);
    out.buildMs.onePost.push(buildMs(one.stdout));
    log(`  orgpress warm ${warm.ms.toFixed(0)} ms, one post ${one.ms.toFixed(0)} ms`);
  }
  writeFileSync(file, original);
  const dev = JSON.parse(timed(process.execPath, [path.join(repo, 'bench', 'dev-edit.mjs'), site.op, site.editDraft, '--edits', '5']).stdout);
  if (dev.available) log(`  orgpress dev edit ${median(dev.editsMs).toFixed(0)} ms`);
  return {
    coldMs: median(out.cold),
    warmMs: median(out.warm),
    onePostMs: median(out.onePost),
    coldBuildMs: median(out.buildMs.cold),
    warmBuildMs: median(out.buildMs.warm),
    onePostBuildMs: median(out.buildMs.onePost),
    devEditMs: dev.available ? median(dev.editsMs) : null,
    devInitialMs: dev.available ? dev.initialMs : null,
    rssMiB: median(out.rss.filter((x) => x !== null)) ?? null,
    runs,
  };
}

function benchHugo(site, runs) {
  const dir = path.join(site.dir, 'hugo');
  const ms = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    rmSync(path.join(dir, 'public'), { recursive: true, force: true });
    rmSync(path.join(dir, 'resources'), { recursive: true, force: true });
    const r = timed('hugo', ['--quiet', '--source', dir, '--destination', path.join(dir, 'public')]);
    ms.push(r.ms);
    rss.push(r.rssMiB);
    log(`  hugo cold ${r.ms.toFixed(0)} ms, ${r.rssMiB?.toFixed(0)} MiB`);
  }
  return { coldMs: median(ms), rssMiB: median(rss.filter((x) => x !== null)) ?? null, runs };
}

function benchEleventy(site, runs, bin) {
  const dir = path.join(site.dir, 'eleventy');
  const ms = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    rmSync(path.join(dir, '_site'), { recursive: true, force: true });
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    const r = timed(process.execPath, [bin, '--quiet'], { cwd: dir });
    ms.push(r.ms);
    rss.push(r.rssMiB);
    log(`  eleventy cold ${r.ms.toFixed(0)} ms, ${r.rssMiB?.toFixed(0)} MiB`);
  }
  return { coldMs: median(ms), rssMiB: median(rss.filter((x) => x !== null)) ?? null, runs };
}

const notes = [];
const env = machine();
const hugo = withPeers && hugoAvailable(notes);
const eleventy = withPeers ? eleventyBin(notes) : null;
if (!withPeers) notes.push('Peers not run (--no-peers).');

const startup = [];
for (let i = 0; i < 10; i++) startup.push(timed(process.execPath, [cli, '--version']).ms);
log(`start-up ${median(startup).toFixed(0)} ms`);

// The machine is often shared: the 1-minute load average before and after each size says how much.
const load = () => os.loadavg()[0].toFixed(1);
const rows = [];
for (const n of sizes) {
  const runs = runsFor(n);
  log(`N = ${n} (${runs} run${runs === 1 ? '' : 's'}), load average ${load()}`);
  const site = writeSites(n);
  const before = load();
  const row = { n, runs, corpusMiB: site.bytes / 2 ** 20, orgpress: benchOrgpress(site, runs) };
  if (hugo) row.hugo = benchHugo(site, runs);
  if (eleventy) row.eleventy = benchEleventy(site, runs, eleventy);
  row.loadAverage = { before: Number(before), after: Number(load()) };
  notes.push(`N = ${n}: 1-minute load average ${before} before, ${row.loadAverage.after} after (${os.availableParallelism()} cores).`);
  rows.push(row);
  rmSync(site.dir, { recursive: true, force: true });
}

const data = { machine: env, startupMs: median(startup), rows, notes };
mkdirSync(results, { recursive: true });
writeFileSync(path.join(results, 'results.json'), JSON.stringify(data, null, 2) + '\n');
writeReport(data, results);
log(`wrote ${path.relative(process.cwd(), results) || '.'}/results.md, results.json and chart.svg`);
