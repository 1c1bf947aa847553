import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, runCli, snapshotDir } from '../helpers/fixture-site.js';
import { bodyHash } from '../../src/content/document.js';

const POST = '2020/01/first/index.html';
const CACHE = path.join('.cache', 'orgpress', 'documents');

const draft = (body: string) => `---\ntitle: First post\ndate: 2020-01-01\ntags: alpha\n---\n${body}\n`;

const FILES = {
  'site.yaml': 'title: Cache test\nbaseUrl: https://example.org/\n',
  'drafts/2020-01-01-first.org': draft('* Intro\nHello /world/.\n\n#+HTML: <b class="raw-bit">raw</b>\n\n#+ATTR_HTML: :alt A dot\n[[file:img/dot.svg]]'),
  'drafts/2021-02-02-second.org': draft('Second post body.').replace('First post', 'Second post').replace('2020-01-01', '2021-02-02'),
  'drafts/img/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
};

async function build(root: string, args: string[] = [], env: Record<string, string> = {}): Promise<void> {
  const r = await runCli(['build', '--root', root, ...args], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

/** The built HTML pages (feeds and the sitemap carry build times), for comparing two builds. */
async function pages(dir: string): Promise<Map<string, string>> {
  const all = await snapshotDir(dir);
  return new Map([...all].filter(([p]) => p.endsWith('.html')));
}

/**
 * The proof that a cached build shows nothing stale: after any change, the
 * build that used the cache equals a build of the same site from scratch.
 */
async function expectSameAsColdBuild(root: string, env: Record<string, string> = {}): Promise<void> {
  await build(root, ['--no-cache', '--out', 'cold'], env);
  expect(await pages(path.join(root, 'dist'))).toEqual(await pages(path.join(root, 'cold')));
}

/** Every file of the cache: entries (`<key>.json`) and dev bodies (`<key>.dev.html`). */
async function cacheFiles(root: string): Promise<string[]> {
  return existsSync(path.join(root, CACHE)) ? (await readdir(path.join(root, CACHE))).sort() : [];
}

async function entries(root: string): Promise<string[]> {
  return (await cacheFiles(root)).filter((n) => n.endsWith('.json'));
}

/** Rewrites every cache entry so its post body says POISONED: shows whether a build read the cache. */
async function poisonCache(root: string): Promise<void> {
  for (const name of await entries(root)) {
    const file = path.join(root, CACHE, name);
    const entry = JSON.parse(await readFile(file, 'utf8')) as { doc: { html: string; htmlHash: string } };
    entry.doc.html = '<p>POISONED</p>';
    // A whole entry, as the content stage would write it for that body (page keys take its hash).
    entry.doc.htmlHash = bodyHash(entry.doc.html);
    await writeFile(file, JSON.stringify(entry));
  }
}

const postHtml = (root: string, out = 'dist') => readFile(path.join(root, out, POST), 'utf8');

describe('the document cache (.cache/orgpress/)', () => {
  it('keeps one entry per draft, and a warm build reads them and gives the same site', async () => {
    const root = await makeSite(FILES);
    await build(root);
    expect(await entries(root)).toHaveLength(2);
    await poisonCache(root);
    await build(root);
    // Read, not re-rendered: the poisoned body shows (only this test poisons on purpose).
    expect(await postHtml(root)).toContain('POISONED');
  });

  it('an edited draft gives new output', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), draft('* Intro\nHello /edited/ world.'));
    await build(root);
    expect(await postHtml(root)).toContain('<em>edited</em>');
    await expectSameAsColdBuild(root);
  });

  it('a change to rawHtml, a config key the content stage reads, gives new output', async () => {
    const root = await makeSite(FILES);
    await build(root);
    expect(await postHtml(root)).toContain('class="raw-bit"');
    await writeFile(path.join(root, 'site.yaml'), 'title: Cache test\nbaseUrl: https://example.org/\nrawHtml: false\n');
    await build(root);
    expect(await postHtml(root)).not.toContain('raw-bit');
    await expectSameAsColdBuild(root);
  });

  it('a change to baseUrl (which moves media URLs) gives new output, from the config or from --base-url', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await writeFile(path.join(root, 'site.yaml'), 'title: Cache test\nbaseUrl: https://example.org/blog/\n');
    await build(root);
    await expectSameAsColdBuild(root);
    await build(root, ['--base-url', 'https://elsewhere.example/sub/']);
    await build(root, ['--no-cache', '--out', 'cold', '--base-url', 'https://elsewhere.example/sub/']);
    expect(await pages(path.join(root, 'dist'))).toEqual(await pages(path.join(root, 'cold')));
  });

  it('an edited template gives new output, and does not invalidate the documents', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await entries(root);
    await mkdir(path.join(root, 'templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'templates/partials/footer.liquid'), '<footer class="custom-footer">Made by hand</footer>\n');
    await build(root);
    expect(await postHtml(root)).toContain('custom-footer');
    expect(await entries(root)).toEqual(before);
    await expectSameAsColdBuild(root);
  });

  it('a new orgpress version (or content-stage code) misses the cache', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await poisonCache(root);
    // ORGPRESS_CACHE_CODE_VERSION stands in for the version and code hash in cache keys (tests only).
    await build(root, [], { ORGPRESS_CACHE_CODE_VERSION: 'next' });
    expect(await postHtml(root)).not.toContain('POISONED');
    await expectSameAsColdBuild(root, { ORGPRESS_CACHE_CODE_VERSION: 'next' });
  });

  it('a corrupt or truncated entry is a miss, and is replaced', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const [a, b] = await entries(root);
    const fileA = path.join(root, CACHE, a!);
    const fileB = path.join(root, CACHE, b!);
    const text = await readFile(fileA, 'utf8');
    await writeFile(fileA, text.slice(0, text.length / 2));
    await writeFile(fileB, 'not json at all');
    await build(root);
    await expectSameAsColdBuild(root);
    expect(JSON.parse(await readFile(fileA, 'utf8'))).toMatchObject({ format: 4 });
    expect(JSON.parse(await readFile(fileB, 'utf8'))).toMatchObject({ format: 4 });
  });

  it('keeps the dev body of a draft with notes in its own file, which build never reads and dev does', async () => {
    const withNote = draft('Body text.\n# TODO: check the numbers\nMore text.');
    const root = await makeSite({ ...FILES, 'drafts/2020-01-01-first.org': withNote });
    await build(root);
    const files = await cacheFiles(root);
    const devFiles = files.filter((n) => n.endsWith('.dev.html'));
    // Only the draft with a note has a dev body of its own; the other's is its published body.
    expect(files).toHaveLength(3);
    expect(devFiles).toHaveLength(1);
    const devFile = path.join(root, CACHE, devFiles[0]!);
    expect(await readFile(devFile, 'utf8')).toContain('check the numbers');
    const entry = JSON.parse(await readFile(path.join(root, CACHE, devFiles[0]!.replace('.dev.html', '.json')), 'utf8')) as { doc: Record<string, unknown> };
    expect(entry.doc['html']).not.toContain('check the numbers');
    expect(entry.doc).not.toHaveProperty('devHtml');

    // Poisoned, but whole: as many bytes as the entry says its dev body has.
    const devText = await readFile(devFile, 'utf8');
    await writeFile(devFile, devText.replace('check the numbers', 'DEV POISONED 1234'));
    await build(root);
    expect(await postHtml(root)).not.toContain('POISONED');
    expect(await postHtml(root)).not.toContain('check the numbers');

    // The dev server reads it from the cache (so it was kept, and is what dev would show)…
    const { DevSite } = await import('../../src/dev/site-state.js');
    const dev = new DevSite({ root, baseUrl: 'http://127.0.0.1:9/' });
    await dev.rebuild(new Set(['config', 'templates', 'drafts'] as const));
    expect(String(dev.output.files.get(POST))).toContain('DEV POISONED');
    // …and a dev body cut short (a write that did not finish) or missing is a miss, rendered again with the note.
    await writeFile(devFile, devText.slice(0, devText.indexOf('check the numbers')));
    const cut = new DevSite({ root, baseUrl: 'http://127.0.0.1:9/' });
    await cut.rebuild(new Set(['config', 'templates', 'drafts'] as const));
    expect(String(cut.output.files.get(POST))).toContain('check the numbers');
    expect(await readFile(devFile, 'utf8')).toBe(devText);
    await rm(devFile);
    const again = new DevSite({ root, baseUrl: 'http://127.0.0.1:9/' });
    await again.rebuild(new Set(['config', 'templates', 'drafts'] as const));
    expect(String(again.output.files.get(POST))).toContain('check the numbers');
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const root = await makeSite(FILES);
    await build(root, ['--no-cache']);
    expect(existsSync(path.join(root, '.cache'))).toBe(false);
    await build(root);
    await poisonCache(root);
    const names = await entries(root);
    const mtimes = await Promise.all(names.map(async (n) => (await stat(path.join(root, CACHE, n))).mtimeMs));
    await build(root, ['--no-cache']);
    expect(await postHtml(root)).not.toContain('POISONED');
    expect(await entries(root)).toEqual(names);
    expect(await Promise.all(names.map(async (n) => (await stat(path.join(root, CACHE, n))).mtimeMs))).toEqual(mtimes);
  });

  it('prunes entries the build did not use (deleted and edited drafts)', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await entries(root);
    await writeFile(path.join(root, 'drafts/2021-02-02-second.org'), draft('Changed.').replace('First post', 'Second post').replace('2020-01-01', '2021-02-02'));
    await build(root);
    const after = await entries(root);
    expect(after).toHaveLength(2);
    expect(after.filter((n) => before.includes(n))).toHaveLength(1);
    await rm(path.join(root, 'drafts/2021-02-02-second.org'));
    await build(root);
    expect(await entries(root)).toEqual(after.filter((n) => before.includes(n)));
  });

  it('prunes the dev bodies of unused entries with them', async () => {
    const withNote = (n: string) => draft(`Body ${n}.\n# TODO: note ${n}`);
    const root = await makeSite({ ...FILES, 'drafts/2020-01-01-first.org': withNote('a') });
    await build(root);
    const before = await cacheFiles(root);
    expect(before.filter((n) => n.endsWith('.dev.html'))).toHaveLength(1);
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), withNote('b'));
    await build(root);
    const after = await cacheFiles(root);
    expect(after.filter((n) => n.endsWith('.dev.html'))).toHaveLength(1);
    expect(after.filter((n) => before.includes(n))).toHaveLength(1); // the second draft's entry
    expect(after).toHaveLength(3);
  });
});
