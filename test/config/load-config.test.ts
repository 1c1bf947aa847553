import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText } from '../../src/config/load-config.js';

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
