#!/usr/bin/env node
/**
 * Dev edit-to-update, measured in-process: loads a site into the dev
 * server's in-memory build (lib/dev/site-state.js, the same object `orgpress
 * dev` rebuilds on every save), then edits one draft on disk `--edits` times
 * and times each `rebuild()` from the edit to the new output being ready to
 * serve. The file watcher's debounce and the browser's reload are not part
 * of it. Prints one JSON line: {available, initialMs, editsMs: []}.
 *
 * Usage: node bench/dev-edit.mjs SITE_ROOT DRAFT_PATH [--edits 5]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [root, draft] = process.argv.slice(2);
const edits = Number(process.argv[process.argv.indexOf('--edits') + 1] || 5) || 5;
const siteState = path.join(repo, 'lib', 'dev', 'site-state.js');

if (!existsSync(siteState)) {
  console.log(JSON.stringify({ available: false }));
  process.exit(0);
}
const { DevSite } = await import(pathToFileURL(siteState).href);
const site = new DevSite({ root, baseUrl: 'http://localhost:8080/' });
let t = performance.now();
await site.rebuild(new Set(['config', 'templates', 'drafts']));
const initialMs = performance.now() - t;
const file = path.join(root, draft);
const original = readFileSync(file, 'utf8');
const editsMs = [];
for (let i = 1; i <= edits; i++) {
  const end = original.indexOf('\n---\n', 4) + 5; // after the front matter, as in bench/run.mjs
  writeFileSync(file, `${original.slice(0, end)}Edited in the dev benchmark, round ${i}.\n${original.slice(end)}`);
  t = performance.now();
  const r = await site.rebuild(new Set(['drafts']));
  editsMs.push(performance.now() - t);
  if (!r.changed.length) throw new Error('the edit changed no output');
}
writeFileSync(file, original);
console.log(JSON.stringify({ available: true, initialMs, editsMs }));
