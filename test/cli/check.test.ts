import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, REPO, runCli } from '../helpers/fixture-site.js';

const post = (title: string, date: string, body = 'Some text.') => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

/** Runs `orgpress check` with its own temp folder, so the test can see it is removed. */
async function check(args: string[], cwd: string) {
  const tmp = await mkdtemp(path.join(tmpdir(), 'orgpress-check-test-'));
  const r = await runCli(['check', ...args], { cwd, env: { TMPDIR: tmp } });
  return { ...r, tempLeft: await readdir(tmp) };
}

describe('orgpress check', () => {
  it('passes on the sample blog (the repository root)', async () => {
    const r = await check([], REPO);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Checked \d+ pages: \d+ links and references inside the site/m);
    expect(r.stdout).toContain('No problems found.');
    expect(r.tempLeft).toEqual([]);
  });

  it('numbers broken links and anchors, names the draft line that made them, and exits 1', async () => {
    const root = await makeSite({
      'site.yaml': 'title: Checked\nbaseUrl: https://example.com/blog/\n',
      'drafts/2020-01-01-a.org': post(
        'A',
        '2020-01-01',
        '* Intro\nSee [[file:2020-02-02-b.md::#nowhere][b]] and [[https://example.org/x][elsewhere]].\n\n#+HTML: <a href="/blog/2020/02/missing/">m</a>',
      ),
      'drafts/2020-02-02-b.md': post('B', '2020-02-02', 'Back to [a](../../../2020/01/a/#intro), and [a dead end](#zz).'),
    });
    const r = await check([], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      [
        'Found 3 broken links:',
        '1. 2020/01/a/index.html: link to ../../02/b/#nowhere: no element with id "nowhere"',
        '   written at drafts/2020-01-01-a.org:6:5',
        '2. 2020/01/a/index.html: link to ../../02/missing/: no such page or file: 2020/02/missing/index.html',
        '   written at drafts/2020-01-01-a.org:8:18',
        '3. 2020/02/b/index.html: link to #zz: no element with id "zz"',
        '   written at drafts/2020-02-02-b.md:5:58',
      ].join('\n'),
    );
    expect(r.stdout).toContain('1 external link not fetched (--external lists them)');
    expect(r.tempLeft).toEqual([]);
    // Nothing was written into the site: no output, no cache.
    expect((await readdir(root)).sort()).toEqual(['drafts', 'site.yaml']);

    const ext = await check(['--external'], root);
    expect(ext.stdout).toContain('External links (not fetched): 1\n  https://example.org/x  (2020/01/a/index.html)');
  });

  it('a broken image or stylesheet reference in a template is found too', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01'),
      'templates/partials/footer.liquid': '<footer><img src="{{ "/img/missing.png" | url }}" alt=""><link rel="stylesheet" href="{{ "/assets/nope.css" | url }}"></footer>',
    });
    const r = await check([], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\d+\. 2020\/01\/a\/index\.html: image \.\.\/\.\.\/\.\.\/img\/missing\.png: no such page or file: img\/missing\.png$/m);
    expect(r.stdout).toMatch(/^\d+\. index\.html: stylesheet assets\/nope\.css: no such page or file: assets\/nope\.css$/m);
  });

  it('checks templates strictly: an unknown variable or filter is an error, even where build lets it pass', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01'),
      'templates/partials/footer.liquid': '<footer>{{ site.titel }}</footer>',
      'templates/partials/unused.liquid': '{{ "x" | no_such_filter }}',
    });
    expect((await runCli(['build', '--root', root, '--out', 'dist'])).code).toBe(0);
    const r = await check(['--root', root], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^templates\/partials\/footer\.liquid:1:12: error: template error: undefined variable: site\.titel/m);
    expect(r.stderr).toContain('Found 2 errors.'); // one per template, not one per page using it
    expect(r.stderr).toMatch(/templates\/partials\/unused\.liquid:1:\d+: error: template error: .*no_such_filter/);
    expect(r.stdout).toContain('Links were not checked: fix the errors above first.');
  });

  it('config and draft errors are reported as build reports them', async () => {
    const root = await makeSite({ 'site.yaml': 'postsPerPage: many\n', 'drafts/2020-01-01-a.org': '---\ndate: 2020-01-01\n---\nNo title.\n' });
    const r = await check(['--root', root], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/site\.yaml:1:\d+: error: /);
    expect(r.stderr).toMatch(/drafts\/2020-01-01-a\.org:1:1: error: .*title/);
  });
});
