import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { parseConfigText } from '../../src/config/parse-config.js';
import { makeSite, runCli } from '../helpers/fixture-site.js';

describe('site config', () => {
  it('a missing config file gives the defaults and no diagnostics', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'orgpress-config-'));
    const r = await loadConfig(dir);
    expect(r.file).toBeNull();
    expect(r.diagnostics).toEqual([]);
    expect(r.config.permalink).toBe('/:year/:month/:slug/');
    expect(r.config.dirs.drafts).toBe('drafts');
  });

  it('an empty config file works', () => {
    const r = parseConfigText('', 'site.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.config.postsPerPage).toBe(10);
  });

  it('reads site.yaml from the root, accepting snake_case keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'orgpress-config-'));
    await writeFile(path.join(dir, 'site.yaml'), 'title: Notes\nbase_url: https://user.github.io/blog\nposts_per_page: 3\n');
    const r = await loadConfig(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.file).toBe('site.yaml');
    expect(r.config.title).toBe('Notes');
    expect(r.config.baseUrl).toBe('https://user.github.io/blog/');
    expect(r.config.postsPerPage).toBe(3);
  });

  it('an unknown key is an error naming the key, its line, and a did-you-mean', () => {
    const r = parseConfigText('title: x\ndescripton: typo\n', 'site.yaml');
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ file: 'site.yaml', line: 2, column: 1, severity: 'error' });
    expect(d.message).toContain('descripton');
    expect(d.hint).toContain('description');
  });

  it('a value of the wrong type is an error at the value', () => {
    const r = parseConfigText('title: x\npostsPerPage: many\n', 'site.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: 'site.yaml', line: 2, column: 15 });
    expect(r.diagnostics[0]!.message).toContain('postsPerPage');
  });

  it('reports every problem, not just the first', () => {
    const r = parseConfigText('postsPerPage: -1\ntimeZone: Mars/Olympus\nbaseUrl: not a url\n', 'site.yaml');
    expect(r.diagnostics.map((d) => d.line).sort()).toEqual([1, 2, 3]);
  });

  it('malformed YAML is an error with line and column', () => {
    const r = parseConfigText('title: "unclosed\nauthor: me\n', 'site.yaml');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.file).toBe('site.yaml');
    expect(r.diagnostics[0]!.line).toBeGreaterThan(0);
  });
});

describe('the checked config, cached', () => {
  const cacheDir = (root: string) => path.join(root, '.cache', 'orgpress');
  async function cacheFile(root: string): Promise<string> {
    const names = (await readdir(cacheDir(root))).filter((n) => /^config-.*\.json$/.test(n));
    expect(names).toHaveLength(1);
    return path.join(cacheDir(root), names[0]!);
  }
  /** Rewrites the cached config's title, keeping its key: shows whether a load took it from the cache. */
  async function poison(root: string): Promise<void> {
    const file = await cacheFile(root);
    const entry = JSON.parse(await readFile(file, 'utf8')) as { config: { title: string } };
    entry.config.title = 'FROM THE CACHE';
    await writeFile(file, JSON.stringify(entry));
  }

  it('is taken from the cache while the text is unchanged, and checked again when it changes', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'orgpress-config-cache-'));
    await writeFile(path.join(root, 'site.yaml'), 'title: Mine\npostsPerPage: 3\n');
    const first = await loadConfig(root, undefined, { cache: true });
    expect(first.config.title).toBe('Mine');
    await poison(root);
    const again = await loadConfig(root, undefined, { cache: true });
    expect(again.config.title).toBe('FROM THE CACHE');
    expect(again.file).toBe('site.yaml');
    // Without the cache (the default, and `build --no-cache`), the file is read.
    expect((await loadConfig(root)).config.title).toBe('Mine');
    // An edit, even of a comment, is a new text: checked again, never the stale result.
    await writeFile(path.join(root, 'site.yaml'), 'title: Mine\npostsPerPage: 3\n# note\n');
    expect((await loadConfig(root, undefined, { cache: true })).config.title).toBe('Mine');
    // A file cut short is a miss.
    await writeFile(await cacheFile(root), '{"format":1,"key":');
    expect((await loadConfig(root, undefined, { cache: true })).config).toEqual(first.config);
  });

  it('is checked again after an upgrade (the code fingerprint changes)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'orgpress-config-cache-'));
    await writeFile(path.join(root, 'site.yaml'), 'title: Mine\n');
    await loadConfig(root, undefined, { cache: true });
    await poison(root);
    const before = process.env['ORGPRESS_CACHE_CODE_VERSION'];
    process.env['ORGPRESS_CACHE_CODE_VERSION'] = 'another orgpress';
    try {
      expect((await loadConfig(root, undefined, { cache: true })).config.title).toBe('Mine');
    } finally {
      if (before === undefined) delete process.env['ORGPRESS_CACHE_CODE_VERSION'];
      else process.env['ORGPRESS_CACHE_CODE_VERSION'] = before;
    }
  });

  it('never holds a config with problems: they are reported on every load', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'orgpress-config-cache-'));
    await writeFile(path.join(root, 'site.yaml'), 'title: x\ndescripton: typo\n');
    for (let i = 0; i < 2; i++) {
      const r = await loadConfig(root, undefined, { cache: true });
      expect(r.diagnostics.map((d) => d.code)).toEqual(['config/invalid']);
    }
    await expect(readdir(cacheDir(root))).rejects.toThrow();
  });

  it('is kept by build, and neither read nor written by build --no-cache', async () => {
    const root = await makeSite({ 'site.yaml': 'title: Cached title\n', 'drafts/2020-01-01-a.org': '---\ntitle: A\n---\nText.\n' });
    expect((await runCli(['build', '--root', root, '--no-cache'])).code).toBe(0);
    await expect(readdir(cacheDir(root))).rejects.toThrow();
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    await poison(root);
    expect((await runCli(['build', '--root', root, '--no-cache', '--out', 'plain'])).code).toBe(0);
    expect(await readFile(path.join(root, 'plain', 'index.html'), 'utf8')).toContain('Cached title');
    expect((await runCli(['build', '--root', root, '--out', 'cached'])).code).toBe(0);
    expect(await readFile(path.join(root, 'cached', 'index.html'), 'utf8')).toContain('FROM THE CACHE');
  });
});
