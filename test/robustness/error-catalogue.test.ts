/**
 * The error catalogue (README.md, "Errors and warnings"): every bad input an
 * author can produce, built through the real CLI on a temp site (or through
 * the pure content stage where that says all), with what it must give: an
 * error (build stops, `dist/` untouched), a warning (build goes on) or
 * nothing at all. Every diagnostic is `file:line:col: severity: message`
 * with a hint, and no input prints a stack trace.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { renderDocument } from '../../src/content/render-document.js';
import { createTemplateEngine } from '../../src/render/template-engine.js';
import { urlBase } from '../../src/render/urls.js';
import { listFiles, makeSite, runCli } from '../helpers/fixture-site.js';

interface Printed {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

interface Built {
  code: number;
  stdout: string;
  stderr: string;
  root: string;
  diagnostics: Printed[];
  /** Whether dist/ was written. */
  written: boolean;
}

/** `file:line:col: severity: message` lines of the CLI's output; `file: severity:` for whole-file ones. */
function printed(stderr: string): Printed[] {
  const out: Printed[] = [];
  for (const m of stderr.matchAll(/^(\S[^:\n]*?)(?::(\d+))?(?::(\d+))?: (error|warning): (.*)$/gm)) {
    out.push({ file: m[1]!, line: Number(m[2] ?? 0), column: Number(m[3] ?? 0), severity: m[4] as Printed['severity'], message: m[5]! });
  }
  return out;
}

async function build(files: Record<string, string | Uint8Array>, args: string[] = []): Promise<Built> {
  const root = await makeSite(files);
  const r = await runCli(['build', '--root', root, '--no-cache', ...args]);
  // No input of an author's may show a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  expect(r.stderr).not.toContain('internal error');
  return { ...r, root, diagnostics: printed(r.stderr), written: existsSync(path.join(root, 'dist', 'index.html')) };
}

const fm = (fields: string, body = 'Body text.\n') => `---\n${fields}\n---\n${body}`;
const ok = (title = 'A post', date = '2020-01-01') => fm(`title: ${title}\ndate: ${date}`);

/** The one diagnostic printed (the test fails listing them all when there is not exactly one). */
function only(b: Built, severity: 'error' | 'warning'): Printed {
  const found = b.diagnostics.filter((d) => d.severity === severity);
  expect(found, b.stderr).toHaveLength(1);
  return found[0]!;
}

function expectFailedBuild(b: Built): void {
  expect(b.code, b.stderr).toBe(1);
  expect(b.written).toBe(false);
  expect(b.stderr).toContain('hint:');
  expect(b.stderr).toContain('nothing was written');
}

function expectBuilt(b: Built): void {
  expect(b.code, b.stderr).toBe(0);
  expect(b.written).toBe(true);
}

async function page(b: Built, rel: string): Promise<string> {
  return readFile(path.join(b.root, 'dist', rel), 'utf8');
}

/** The post's body in a built page, without the theme around it. */
function postBody(html: string): string {
  return html.slice(html.indexOf('<div class="post-body">'), html.indexOf('</article>'));
}

describe('error catalogue: front matter', () => {
  it('malformed YAML is an error at its line and column', async () => {
    const b = await build({ 'drafts/a.org': '---\ntitle: "unclosed\ndate: 2020-01-01\n---\nx\n' });
    expectFailedBuild(b);
    const d = only(b, 'error');
    expect(d).toMatchObject({ file: 'drafts/a.org', line: 2, column: 8 });
    expect(d.message).toContain('invalid YAML');
  });

  it('front matter that is never closed is an error at line 1 that guesses where the fence belongs', async () => {
    const b = await build({ 'drafts/a.org': '---\ntitle: T\ndate: 2020-01-01\nThe body starts here.\n' });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'drafts/a.org', line: 1, column: 1 });
    expect(b.stderr).toMatch(/never closed/);
    expect(b.stderr).toMatch(/before line 4/);
  });

  it('an impossible date is an error at the date that lists the accepted forms', async () => {
    const b = await build({ 'drafts/a.org': fm('title: T\ndate: 2018-02-30') });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'drafts/a.org', line: 3, column: 7 });
    expect(b.stderr).toContain('February 2018 has 28 days');
    expect(b.stderr).toContain('write the date as 2018-03-09');
  });

  it('a date in no known form is an error at the date', async () => {
    const b = await build({ 'drafts/a.org': fm('title: T\ndate: next Tuesday') });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ line: 3, column: 7 });
    expect(b.stderr).toContain('not a date orgpress can read');
  });

  it('a missing title is an error naming the file', async () => {
    const b = await build({ 'drafts/2020-01-01-untitled.org': 'Just text, no title.\n' });
    expectFailedBuild(b);
    const d = only(b, 'error');
    expect(d).toMatchObject({ file: 'drafts/2020-01-01-untitled.org', line: 1, column: 1 });
    expect(d.message).toContain('drafts/2020-01-01-untitled.org has no title');
  });

  it('a file with only front matter is a post with an empty body', async () => {
    const b = await build({ 'drafts/a.org': '---\ntitle: Only front matter\ndate: 2020-01-01\n---\n' });
    expectBuilt(b);
    expect(b.diagnostics).toEqual([]);
    expect(await page(b, '2020/01/a/index.html')).toContain('Only front matter');
  });
});

describe('error catalogue: two posts at one URL', () => {
  it('two posts with the same slug are an error naming both files', async () => {
    const b = await build({ 'drafts/a.org': ok('One'), 'drafts/b.org': fm('title: Two\ndate: 2020-01-01\nslug: a') });
    expectFailedBuild(b);
    const d = only(b, 'error');
    expect(d.file).toBe('drafts/b.org');
    expect(d.message).toMatch(/\/2020\/01\/a\/ is already used by drafts\/a\.org/);
  });

  it('two posts the permalink pattern sends to one URL are an error naming both files', async () => {
    const b = await build({
      'site.yaml': 'permalink: /:slug/\n',
      'drafts/2019-05-05-same.org': ok('Old', '2019-05-05'),
      'drafts/2021-06-06-same.org': ok('New', '2021-06-06'),
    });
    expectFailedBuild(b);
    const d = only(b, 'error');
    expect(`${d.file} ${d.message}`).toContain('drafts/2019-05-05-same.org');
    expect(`${d.file} ${d.message}`).toContain('drafts/2021-06-06-same.org');
  });
});

describe('error catalogue: site.yaml', () => {
  it('an unknown key is an error at the key with a did-you-mean', async () => {
    const b = await build({ 'site.yaml': 'title: Blog\npostsPerPgae: 5\n', 'drafts/a.org': ok() });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'site.yaml', line: 2, column: 1 });
    expect(b.stderr).toContain('unknown config key `postsPerPgae`');
    expect(b.stderr).toContain('did you mean `postsPerPage`?');
  });

  it('a value of the wrong type is an error at the value', async () => {
    const b = await build({ 'site.yaml': 'title: Blog\npostsPerPage: many\n', 'drafts/a.org': ok() });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'site.yaml', line: 2, column: 15 });
    expect(b.stderr).toContain('`postsPerPage`');
  });
});

describe('error catalogue: templates', () => {
  it('a syntax error is an error at the template’s line and column', async () => {
    const b = await build({ 'templates/post.liquid': "{% layout 'base.liquid' %}\n{% block content %}\n{% if %}x{% endif %}\n{% endblock %}\n", 'drafts/a.org': ok() });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'templates/post.liquid', line: 3 });
  });

  it('an include of a template that does not exist is an error naming the including template', async () => {
    const b = await build({ 'templates/post.liquid': "{% include 'partials/nope.liquid' %}\n", 'drafts/a.org': ok() });
    expectFailedBuild(b);
    const d = only(b, 'error');
    expect(d.file).toBe('templates/post.liquid');
    expect(d.message).toContain('nope.liquid');
  });

  it('an unknown filter is an error', async () => {
    const b = await build({ 'templates/post.liquid': '{{ post.title | shout }}\n', 'drafts/a.org': ok() });
    expectFailedBuild(b);
    expect(only(b, 'error').message).toContain('undefined filter: shout');
  });

  it('an unknown variable prints nothing in a build', async () => {
    const b = await build({ 'templates/post.liquid': '[{{ post.subtitle }}]\n', 'drafts/a.org': ok() });
    expectBuilt(b);
    expect(await page(b, '2020/01/a/index.html')).toContain('[]');
  });

  it('an unknown variable is an error with strictTemplates (what `orgpress check` uses)', async () => {
    const root = await makeSite({ 'templates/t.liquid': '{{ post.subtitle }}' });
    const base = urlBase('https://example.com/');
    const lenient = createTemplateEngine(path.join(root, 'templates'), base);
    expect(await lenient.renderFile('t', { post: {} })).toBe('');
    const strict = createTemplateEngine(path.join(root, 'templates'), base, { strictTemplates: true });
    await expect(strict.renderFile('t', { post: {} })).rejects.toThrow(/undefined variable: post\.subtitle/);
  });
});

describe('error catalogue: links', () => {
  it('a link to a draft that does not exist is an error at the link', async () => {
    const b = await build({ 'drafts/a.org': ok() + 'See [[file:missing.org][that post]].\n' });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'drafts/a.org', line: 6, column: 5 });
    expect(b.stderr).toContain('broken link: drafts/missing.org');
  });

  it('a missing image is an error at the image', async () => {
    const b = await build({ 'drafts/a.org': ok() + '#+ATTR_HTML: :alt A cat\n[[file:img/cat.png]]\n' });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'drafts/a.org', line: 7, column: 1 });
    expect(b.stderr).toContain('missing file: drafts/img/cat.png');
  });
});

describe('error catalogue: bytes and line endings', () => {
  it('a file that is not UTF-8 is an error at the first bad byte', async () => {
    const latin1 = Buffer.concat([Buffer.from(ok() + 'Caf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]);
    const b = await build({ 'drafts/a.org': latin1 });
    expectFailedBuild(b);
    expect(only(b, 'error')).toMatchObject({ file: 'drafts/a.org', line: 6, column: 4 });
    expect(b.stderr).toContain('not valid UTF-8');
  });

  it('a byte-order mark is ignored: the front matter is read and no BOM reaches the output', async () => {
    const b = await build({ 'drafts/a.org': '\uFEFF' + ok('With BOM'), 'drafts/b.org': '\uFEFF#+TITLE: Org BOM\n#+DATE: 2020-02-02\nText.\n' });
    expectBuilt(b);
    expect(b.diagnostics).toEqual([]);
    for (const f of await listFiles(path.join(b.root, 'dist'))) {
      if (/\.(html|xml|json)$/.test(f)) expect(await page(b, f), f).not.toContain('\uFEFF');
    }
    expect(await page(b, '2020/02/b/index.html')).toContain('Org BOM');
  });

  it('CRLF line endings build like LF, and positions count lines as editors do', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const b = await build({
      'drafts/a.org': crlf(ok('Windows') + '* Heading\nText [[*Nowhere]].\n'),
      'drafts/b.org': crlf(fm('title: T\ndate: 2020-13-01')),
    });
    expect(b.diagnostics).toEqual([
      expect.objectContaining({ file: 'drafts/a.org', line: 7, column: 6, severity: 'warning' }),
      expect.objectContaining({ file: 'drafts/b.org', line: 3, column: 7, severity: 'error' }),
    ]);
    const ok2 = await build({ 'drafts/a.org': crlf(ok('Windows') + '* Heading\nText.\n') });
    expectBuilt(ok2);
    const html = await page(ok2, '2020/01/a/index.html');
    expect(html).not.toContain('\r');
    expect(html).toContain('<h2 id="heading">Heading');
  });

  it('an empty file is a warning and is not published', async () => {
    const b = await build({ 'drafts/a.org': ok(), 'drafts/new.org': '', 'drafts/blank.md': '\n  \n' });
    expectBuilt(b);
    expect(b.diagnostics.map((d) => [d.file, d.severity, d.line])).toEqual([
      ['drafts/blank.md', 'warning', 0],
      ['drafts/new.org', 'warning', 0],
    ]);
    expect(b.stderr).toContain('the file is empty; it is not published');
    expect(b.stdout).toMatch(/^Built 1 post,/);
  });

  it('a binary file with a draft’s extension is an error; other files in drafts/ are assets left alone', async () => {
    const b = await build({
      'drafts/a.org': ok(),
      'drafts/b.org': Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x00, 0x01, 0x02]),
      'drafts/c.org': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8]),
      'drafts/photo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      'drafts/core': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff]),
    });
    expectFailedBuild(b);
    expect(b.diagnostics.map((d) => [d.file, d.severity])).toEqual([
      ['drafts/b.org', 'error'],
      ['drafts/c.org', 'error'],
    ]);
    expect(b.stderr).toMatch(/drafts\/b\.org:1:6: error: the file is binary/);
  });

  it('editor backups and lock files in drafts/ are ignored', async () => {
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x00]);
    const b = await build({
      'drafts/a.org': ok(),
      'drafts/#a.org#': junk,
      'drafts/.a.org.swp': junk,
      'drafts/a.org~': junk,
      'drafts/.#a.org': junk,
      'drafts/.hidden/b.org': junk,
    });
    expectBuilt(b);
    expect(b.diagnostics).toEqual([]);
    expect((await listFiles(path.join(b.root, 'dist'))).filter((f) => f.startsWith('media/'))).toEqual([]);
  });
});

describe('error catalogue: org structure', () => {
  it('a #+BEGIN_SRC that is never closed is a warning at its line, and its lines show as text', async () => {
    const b = await build({ 'drafts/a.org': ok() + 'Before.\n#+BEGIN_SRC python\nprint("hi")\n' });
    expectBuilt(b);
    const d = only(b, 'warning');
    expect(d).toMatchObject({ file: 'drafts/a.org', line: 7, column: 1 });
    expect(d.message).toBe('`#+BEGIN_SRC` is never closed: its lines are shown as plain text');
    expect(b.stderr).toContain('hint: add a `#+END_SRC` line');
    expect(await page(b, '2020/01/a/index.html')).toMatch(/Before\.\s+#\+BEGIN_SRC python\s+print\("hi"\)/);
  });

  it('a closed block, and #+BEGIN_SRC quoted inside an example, give no warning', () => {
    const doc = renderDocument(
      { path: 'drafts/a.org', text: ok() + 'x\n#+BEGIN_SRC sh\nls\n#+END_SRC\n#+BEGIN_EXAMPLE\n#+BEGIN_SRC\n#+END_EXAMPLE\n' },
      defaultConfig(),
    );
    expect(doc.diagnostics).toEqual([]);
  });

  it('50 levels of headlines, lists and blocks build, every level in the page', async () => {
    let org = '';
    for (let i = 1; i <= 50; i++) org += `${'*'.repeat(i)} Level ${i}\nText ${i}.\n`;
    org += '\n';
    for (let i = 0; i < 50; i++) org += `${'  '.repeat(i)}- item ${i}\n`;
    org += '\n#+BEGIN_QUOTE\n';
    // Org closes a block at the first end line of its name, so nested blocks need 50 names.
    for (let i = 2; i <= 50; i++) org += `#+BEGIN_level${i}\n`;
    org += 'deepest\n';
    for (let i = 50; i >= 2; i--) org += `#+END_level${i}\n`;
    org += '#+END_QUOTE\n';
    let md = '';
    for (let i = 0; i < 50; i++) md += `${'  '.repeat(i)}- item ${i}\n`;
    md += '\n';
    for (let i = 1; i <= 50; i++) md += `${'>'.repeat(i)} quote ${i}\n`;
    const b = await build({ 'drafts/a.org': ok('Deep org') + org, 'drafts/b.md': ok('Deep markdown') + md });
    expectBuilt(b);
    expect(b.diagnostics).toEqual([]);
    const a = postBody(await page(b, '2020/01/a/index.html'));
    for (let i = 1; i <= 50; i++) expect(a).toContain(`Level ${i}`);
    expect(a.match(/<ul>/g)?.length).toBeGreaterThanOrEqual(50);
    expect(a.match(/class="level\d+ special-block"/g)).toHaveLength(49);
    const m = postBody(await page(b, '2020/01/b/index.html'));
    expect(m.match(/<blockquote>/g)).toHaveLength(50);
    expect(m.match(/<ul>/g)).toHaveLength(50);
  });
});

describe('error catalogue: size', () => {
  it('a 5 MB draft builds in reasonable time', async () => {
    const section = (i: number) =>
      `* Section ${i}\nSome /italic/ and *bold* text with a [[https://example.com/${i}][link]], ~code~ -- and "quotes".\n` +
      `# TODO: check ${i}\n- one\n- two\n  - nested\n| a | b |\n|---+---|\n| ${i} | 2 |\n#+BEGIN_SRC python\nprint(${i})\n#+END_SRC\n\n`;
    let body = '';
    let sections = 0;
    while (body.length < 5_000_000) body += section(sections++);
    const started = Date.now();
    const b = await build({ 'drafts/big.org': ok('Big') + body });
    expectBuilt(b);
    // About 15 s of CPU on one core; the bound leaves room for a busy machine, not for a quadratic step.
    expect(Date.now() - started).toBeLessThan(150_000);
    const html = await page(b, '2020/01/big/index.html');
    expect(html).toContain('Section 0<');
    expect(html).toContain(`Section ${sections - 1}<`);
    expect(html.match(/class="src-block"/g)).toHaveLength(sections);
    expect(html).not.toContain('check 1');
  }, 240_000);

  it('the content stage stays linear on long runs without blank lines (lists, blocks, tables, footnotes)', () => {
    const shapes: Record<string, (i: number) => string> = {
      list: (i) => `- item ${i} with *bold*\n`,
      quotes: (i) => `#+BEGIN_QUOTE\nq ${i}\n#+END_QUOTE\n`,
      src: (i) => `#+BEGIN_EXAMPLE\nx ${i}\n#+END_EXAMPLE\n`,
      table: (i) => `| ${i} | cell /x/ | ${i * 2} |\n`,
      footnotes: (i) => `Text[fn:${i}] here.\n\n[fn:${i}] Definition ${i}.\n\n`,
    };
    const cpuMs = (text: string): number => {
      const start = process.cpuUsage();
      renderDocument({ path: 'drafts/x.org', text: ok() + text }, defaultConfig());
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const text = (size: number) => {
        let out = '';
        for (let i = 0; out.length < size; i++) out += shape(i);
        return out;
      };
      cpuMs(text(20_000)); // warm up the code paths
      const small = cpuMs(text(100_000));
      const large = cpuMs(text(400_000));
      // Four times the text: linear is about 4x, quadratic 16x.
      expect(large / small, `${name}: ${small.toFixed(0)} ms for 100 kB, ${large.toFixed(0)} ms for 400 kB`).toBeLessThan(9);
    }
  }, 120_000);

  it('a chain of thousands of footnotes, each referenced from the previous one’s definition, renders every one', () => {
    let body = '';
    for (let i = 0; i < 3000; i++) body += `Text[fn:${i}] here.\n\n[fn:${i}] Definition ${i}.\n\n`;
    const doc = renderDocument({ path: 'drafts/x.org', text: ok() + body }, defaultConfig());
    expect(doc.diagnostics).toEqual([]);
    expect(doc.html.match(/<li id="fn\.\d+">/g)).toHaveLength(3000);
    expect(doc.html).toContain('Definition 2999.');
  });
});
