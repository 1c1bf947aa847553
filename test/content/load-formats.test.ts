/**
 * The markdown pipeline (remark, micromark, GFM: ~90 ms to import) is loaded
 * only for drafts that need it (`loadFormats`), so a site of org drafts never
 * pays for it: not in a build worker, not in a one-post rebuild.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { makeSite, runCli } from '../helpers/fixture-site.js';

const MD = { path: 'drafts/x.md', text: '---\ntitle: Md\n---\nSome *markdown* with `code`.\n' };

describe('loadFormats', () => {
  it('is what renders a markdown draft: without it, the draft is an internal error at its file, not a wrong page', async () => {
    vi.resetModules();
    const stage = await import('../../src/content/render-document.js');
    const before = stage.renderDocument(MD, defaultConfig());
    expect(before.html).toBe('');
    expect(before.diagnostics).toEqual([expect.objectContaining({ file: 'drafts/x.md', severity: 'error', message: expect.stringContaining('markdown pipeline was not loaded') })]);
    await stage.loadFormats([MD]);
    const after = stage.renderDocument(MD, defaultConfig());
    expect(after.diagnostics).toEqual([]);
    expect(after.html).toBe('<p>Some <em>markdown</em> with <code>code</code>.</p>');
  });
});

/** The modules a CLI run loaded (on the main thread, where ORGPRESS_THREADS=0 renders), through a loader hook. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const dir = tmpdir();
  const log = path.join(dir, `orgpress-loaded-${process.pid}-${Date.now()}.txt`);
  const hooks = path.join(dir, `orgpress-load-hooks-${process.pid}.mjs`);
  const register = path.join(dir, `orgpress-load-register-${process.pid}.mjs`);
  await writeFile(log, '');
  await writeFile(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.ORGPRESS_TEST_LOAD_LOG, url + '\\n');\n  return next(url, context);\n}\n");
  await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = await runCli(args, { env: { ORGPRESS_THREADS: '0', ORGPRESS_TEST_LOAD_LOG: log, NODE_OPTIONS: `--import ${pathToFileURL(register).href}` } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

describe('a build', () => {
  const org = '---\ntitle: Org\ndate: 2020-01-01\n---\n* A heading\nText.\n';

  it('of org drafts never loads the markdown pipeline', async () => {
    const root = await makeSite({ 'site.yaml': 'title: T\n', 'drafts/a.org': org });
    const loaded = await modulesLoaded(['build', '--root', root, '--no-cache']);
    expect(loaded.some((u) => u.endsWith('/content/render-document.js'))).toBe(true);
    expect(loaded.filter((u) => /markdown-to-hast\.js$|\/remark-parse\/|\/micromark\//.test(u))).toEqual([]);
  });

  it('with a markdown draft loads it, and renders the draft', async () => {
    const root = await makeSite({ 'site.yaml': 'title: T\n', 'drafts/a.org': org, 'drafts/2020-01-02-b.md': '---\ntitle: Md\n---\nSome *markdown*.\n' });
    const loaded = await modulesLoaded(['build', '--root', root, '--no-cache']);
    expect(loaded.some((u) => u.endsWith('/content/markdown/markdown-to-hast.js'))).toBe(true);
    expect(await readFile(path.join(root, 'dist/2020/01/b/index.html'), 'utf8')).toContain('Some <em>markdown</em>.');
  });
});
