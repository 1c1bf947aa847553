import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { readFrontMatter } from '../../src/content/front-matter/read-front-matter.js';
import { listFiles, makeSite, runCli } from '../helpers/fixture-site.js';

/** Today in a zone, computed independently of the code under test. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('orgpress new', () => {
  it('writes drafts/YYYY-MM-DD-slug.org dated today in the site time zone, and prints its path', async () => {
    // UTC+14: for ten hours a day its date is not UTC's.
    const root = await makeSite({ 'site.yaml': 'timeZone: Pacific/Kiritimati\n' });
    const r = await runCli(['new', 'My First Post', '--tags', 'python,asyncio'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const day = today('Pacific/Kiritimati');
    const rel = `drafts/${day}-my-first-post.org`;
    expect(r.stdout).toBe(rel + '\n');
    const text = await readFile(path.join(root, rel), 'utf8');
    const fm = readFrontMatter({ path: rel, text }, 'org', defaultConfig({ timeZone: 'Pacific/Kiritimati' }));
    expect(fm.diagnostics).toEqual([]);
    expect(fm.meta.title).toBe('My First Post');
    expect(fm.meta.date?.day).toBe(day);
    expect(fm.meta.tags).toEqual(['python', 'asyncio']);
    expect(fm.meta.draft).toBe(true);
    expect(text).toMatch(/^\* First heading$/m);
    expect(text).toContain('# TODO:');
  });

  it('--md writes a markdown draft', async () => {
    const root = await makeSite({});
    const r = await runCli(['new', 'Markdown it is', '--md', '--root', root]);
    expect(r.code).toBe(0);
    const rel = r.stdout.trim();
    expect(rel).toMatch(/drafts\/\d{4}-\d\d-\d\d-markdown-it-is\.md$/);
    const text = await readFile(path.resolve(rel), 'utf8');
    expect(text).toMatch(/^## First heading$/m);
    expect(text).toContain('<!-- TODO:');
  });

  it.each([
    'Colons: "double" and \'single\' quotes',
    '[Brackets] first',
    '# not a comment',
    '- a dash, & an ampersand',
    'yes',
    '2024',
    'true',
    '@at %percent `tick`',
    'a: b # c',
    '  padded title  ',
    'Ünïcödé – “typographic” quotes',
  ])('a title with YAML-special characters parses back as written: %s', async (title) => {
    const root = await makeSite({});
    // `--`: a title starting with `-` is not an option.
    const r = await runCli(['new', '--root', root, '--', title]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = r.stdout.trim();
    const text = await readFile(path.resolve(file), 'utf8');
    const fm = readFrontMatter({ path: 'drafts/x.org', text }, 'org', defaultConfig());
    expect(fm.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fm.meta.title).toBe(title.trim());
  });

  it('refuses to overwrite an existing draft (exit 1, clear message, file untouched)', async () => {
    const root = await makeSite({});
    const first = await runCli(['new', 'Same title', '--root', root]);
    expect(first.code).toBe(0);
    const file = path.resolve(first.stdout.trim());
    await writeFile(file, 'my precious words\n');
    const again = await runCli(['new', 'Same title', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
    expect(again.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toBe('my precious words\n');
  });

  it('a title with nothing to name the file by is refused', async () => {
    const root = await makeSite({});
    const r = await runCli(['new', '?!…', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no letter or digit');
    expect(await listFiles(root)).toEqual([]);
  });

  it('the new draft builds with --drafts and stays out of a plain build', async () => {
    const root = await makeSite({});
    const r = await runCli(['new', 'Draft one', '--date', '2024-02-03', '--root', root]);
    expect(r.stdout.trim()).toMatch(/drafts\/2024-02-03-draft-one\.org$/);
    const plain = await runCli(['build', '--root', root]);
    expect(plain.code).toBe(0);
    expect(await listFiles(path.join(root, 'dist'))).not.toContain('2024/02/draft-one/index.html');
    const drafts = await runCli(['build', '--drafts', '--root', root]);
    expect(drafts.stderr).toBe('');
    expect(await listFiles(path.join(root, 'dist'))).toContain('2024/02/draft-one/index.html');
  });
});
