/**
 * Output safety: whatever a draft's front matter or links say, no page,
 * feed, sitemap or JSON Feed runs a script the author did not write as raw
 * HTML, and with `rawHtml: false` not even those. Real builds through the
 * CLI; every output file is read back with a real parser (HTML as a browser
 * parses it, XML with fast-xml-parser, JSON with JSON.parse).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli } from '../helpers/fixture-site.js';

const TITLE = '</title><script>alert("title")</script>';
const CDATA_TITLE = ']]><script>alert("cdata")</script>]]>';
const TAGS = ['<b>', 'a&b', 'q"x', "it's"];
const SUMMARY = '<img src=x onerror=alert("summary")> & ]]> "quoted"';
const AUTHOR = '<i>Eve</i> & co';

/** Every marker a payload above could run; none may appear inside a script or an event handler. */
const MARKERS = /alert\((?:"|&quot;)?(?:title|cdata|summary|site|raw|md|attr|snippet|keyword)/;

interface Output {
  root: string;
  stderr: string;
  files: Map<string, string>;
}

async function buildSite(files: Record<string, string>): Promise<Output> {
  const root = await makeSite(files);
  const r = await runCli(['build', '--root', root, '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  const dist = path.join(root, 'dist');
  const out = new Map<string, string>();
  for (const f of await listFiles(dist)) if (/\.(html|xml|json|txt)$/.test(f)) out.set(f, await readFile(path.join(dist, f), 'utf8'));
  return { root, stderr: r.stderr, files: out };
}

/** Scripts and event handlers of an HTML document or fragment, as a browser would find them. */
function activeContent(tree: Root): string[] {
  const found: string[] = [];
  for (const el of selectAll('*', tree) as Element[]) {
    if (el.tagName === 'script') found.push(`<script>${toString(el)}`);
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(`${name}=${String(value)}`);
      if (['href', 'src', 'action', 'formAction'].includes(name) && /^\s*(?:javascript|vbscript):/i.test(String(value).replace(/[\t\n\r]/g, ''))) {
        found.push(`${name}=${String(value)}`);
      }
    }
  }
  return found;
}

/** Active content carrying one of the payloads' markers: what must never be published. */
function injected(html: string): string[] {
  return activeContent(fromHtml(html)).filter((a) => MARKERS.test(a));
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', isArray: (name) => ['entry', 'item', 'category'].includes(name) });

function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return '';
}

describe('front-matter values are escaped in every output file', () => {
  let out: Output;
  beforeAll(async () => {
    const post = (title: string, slug: string, date: string) =>
      `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nslug: ${slug}\ntags: ${JSON.stringify(TAGS)}\n` +
      `summary: ${JSON.stringify(SUMMARY)}\nauthor: ${JSON.stringify(AUTHOR)}\nextra: "<script>alert('keyword')</script>"\n---\nBody.\n`;
    out = await buildSite({
      'site.yaml': `title: ${JSON.stringify('Blog </title><script>alert("site")</script> & co')}\ndescription: ${JSON.stringify('<b>bold</b> & ]]>')}\nauthor: ${JSON.stringify(AUTHOR)}\n`,
      'drafts/a.org': post(TITLE, 'a', '2020-01-01'),
      'drafts/b.md': post(CDATA_TITLE, 'b', '2020-02-02'),
    });
  });

  it('no page holds a script or event handler from front matter, and the title reads as written', () => {
    let pages = 0;
    for (const [f, content] of out.files) {
      if (!f.endsWith('.html')) continue;
      pages++;
      expect(injected(content), f).toEqual([]);
    }
    expect(pages).toBeGreaterThan(8);
    const tree = fromHtml(out.files.get('2020/01/a/index.html')!);
    expect(toString(selectAll('h1.post-title', tree)[0]!)).toBe(TITLE);
    expect(toString(selectAll('title', tree)[0]!)).toContain(TITLE);
    const tagLinks = selectAll('a.tag-link', tree).map((a) => toString(a));
    expect(tagLinks).toEqual(TAGS);
  });

  it('Atom: valid XML; titles and summaries are text, tags are attributes that read back as written', () => {
    const text = out.files.get('atom.xml')!;
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(textOf(feed.title)).toBe('Blog </title><script>alert("site")</script> & co');
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.map((e) => textOf(e.title)).sort()).toEqual([TITLE, CDATA_TITLE].sort());
    for (const e of entries) {
      expect((e.title as Record<string, string>)['@_type']).toBe('text');
      expect(textOf(e.summary)).toBe(SUMMARY);
      expect((e.category as Record<string, string>[]).map((c) => c['@_term'])).toEqual(TAGS);
      expect(injected(textOf(e.content))).toEqual([]);
    }
  });

  it('RSS: valid XML; titles read back as written; descriptions are HTML that shows the summary as text', () => {
    const text = out.files.get('rss.xml')!;
    expect(XMLValidator.validate(text)).toBe(true);
    const items = xml.parse(text).rss.channel.item as Record<string, unknown>[];
    expect(items.map((i) => textOf(i.title)).sort()).toEqual([TITLE, CDATA_TITLE].sort());
    for (const item of items) {
      const description = fromHtml(textOf(item.description), { fragment: true });
      expect(activeContent(description)).toEqual([]);
      expect(toString(description)).toBe(SUMMARY);
      expect((item.category as unknown[]).map(textOf)).toEqual(TAGS);
    }
  });

  it('JSON Feed: plain-text fields hold the values as written; content has no injected script', () => {
    const feed = JSON.parse(out.files.get('feed.json')!) as { items: { title: string; summary: string; tags: string[]; content_html: string }[] };
    expect(feed.items.map((i) => i.title).sort()).toEqual([TITLE, CDATA_TITLE].sort());
    for (const item of feed.items) {
      expect(item.summary).toBe(SUMMARY);
      expect(item.tags).toEqual(TAGS);
      expect(injected(item.content_html)).toEqual([]);
    }
  });

  it('the sitemap is valid XML', () => {
    expect(XMLValidator.validate(out.files.get('sitemap.xml')!)).toBe(true);
  });
});

describe('links that would run code are neutralised, with a warning at the link', () => {
  let out: Output;
  beforeAll(async () => {
    out = await buildSite({
      'drafts/a.org':
        '---\ntitle: Org links\ndate: 2020-01-01\n---\n' +
        'A [[javascript:alert("raw")][click me]] link.\n' +
        'Bare [[JavaScript:alert("raw")]] and [[vbscript:msgbox("raw")][vb]].\n' +
        'Data [[data:text/html;base64,PHNjcmlwdD5hbGVydCgpPC9zY3JpcHQ+][page]] and a [[https://example.com][real link]].\n',
      'drafts/b.md':
        '---\ntitle: Markdown links\ndate: 2020-02-02\n---\n' +
        'A [click](javascript:alert("md")) link, an autolink <javascript:alert("md")>,\n' +
        'a [reference][r], ![pixel](data:image/png;base64,iVBORw0KGgo=) and ![bad](javascript:alert("md")).\n\n' +
        '[r]: JAVASCRIPT:alert("md")\n',
    });
  });

  it('no output file links to javascript:, vbscript: or a data: page', () => {
    for (const [f, content] of out.files) {
      if (f.endsWith('.html')) expect(activeContent(fromHtml(content)).filter((a) => !a.startsWith('<script>')), f).toEqual([]);
    }
    const atom = xml.parse(out.files.get('atom.xml')!).feed.entry as Record<string, unknown>[];
    for (const e of atom) expect(activeContent(fromHtml(textOf(e.content), { fragment: true }))).toEqual([]);
    for (const [f, content] of out.files) expect(content, f).not.toMatch(/href="data:text/);
  });

  it('the link text stays, as text; a safe link and a data: image stay', () => {
    const a = out.files.get('2020/01/a/index.html')!;
    expect(a).toMatch(/A click me link\./);
    expect(a).toContain('href="https://example.com"');
    const b = out.files.get('2020/02/b/index.html')!;
    expect(b).toMatch(/A click link/);
    expect(b).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(b).toMatch(/ and bad\./);
  });

  it('each one is a warning at the link', () => {
    const warnings = [...out.stderr.matchAll(/^(drafts\/\S+?):(\d+):(\d+): warning: the `(\w+):` address of this (link|image) is removed/gm)].map(
      (m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]} ${m[5]}`,
    );
    expect(warnings).toEqual([
      'drafts/a.org:5:3 javascript link',
      'drafts/a.org:6:6 javascript link',
      'drafts/a.org:6:38 vbscript link',
      'drafts/a.org:7:6 data link',
      'drafts/b.md:5:3 javascript link',
      'drafts/b.md:5:53 javascript link',
      'drafts/b.md:6:3 javascript link',
      'drafts/b.md:6:68 javascript image',
    ]);
  });
});

const RAW_DRAFTS = {
  'drafts/a.org':
    '---\ntitle: Raw org\ndate: 2020-01-01\n---\n' +
    '#+BEGIN_EXPORT html\n<script>alert("raw")</script><p>exported</p>\n#+END_EXPORT\n\n' +
    '#+HTML: <img src=x onerror=alert("raw")>\n\n' +
    'A @@html:<b onclick=alert("snippet")>snippet</b>@@ and a bookmarklet @@html:<a href="javascript:void(0)">bm</a>@@.\n\n' +
    '#+ATTR_HTML: :onclick alert("attr") :class note\nA paragraph with attributes.\n',
  'drafts/b.md':
    '---\ntitle: Raw markdown\ndate: 2020-02-02\n---\n' +
    '<script>alert("md")</script>\n\n' +
    'Inline <img src=x onerror=alert("md")> and <a href="javascript:alert(\'md\')">a</a>.\n\n' +
    '<div onmouseover=alert("md")>block</div>\n',
};

describe('raw HTML is the trusted author’s, unless rawHtml is false', () => {
  it('by default, export blocks, #+HTML:, snippets and markdown HTML pass through', async () => {
    const out = await buildSite(RAW_DRAFTS);
    const a = out.files.get('2020/01/a/index.html')!;
    expect(a).toContain('<script>alert("raw")</script>');
    expect(a).toContain('href="javascript:void(0)"');
    // As a browser reads it: the minifier may quote the value its own way (`onclick='alert("attr")'`).
    expect(selectAll('p.note', fromHtml(a)).map((p) => p.properties.onClick)).toEqual(['alert("attr")']);
    expect(out.files.get('2020/02/b/index.html')!).toContain('<script>alert("md")</script>');
  });

  it('with rawHtml: false, no script or event handler from a draft reaches any output file', async () => {
    const out = await buildSite({ ...RAW_DRAFTS, 'site.yaml': 'rawHtml: false\n' });
    for (const [f, content] of out.files) {
      if (f.endsWith('.html')) expect(injected(content), f).toEqual([]);
      // Escaped text may quote a payload (markdown shows an invalid tag as text); a live tag never.
      expect(content, f).not.toContain('<script>alert');
    }
    const atom = xml.parse(out.files.get('atom.xml')!).feed.entry as Record<string, unknown>[];
    for (const e of atom) expect(activeContent(fromHtml(textOf(e.content), { fragment: true }))).toEqual([]);
    const json = JSON.parse(out.files.get('feed.json')!) as { items: { content_html: string }[] };
    for (const item of json.items) expect(activeContent(fromHtml(item.content_html, { fragment: true }))).toEqual([]);
    const a = out.files.get('2020/01/a/index.html')!;
    expect(a).toContain('A paragraph with attributes.');
    expect(a).toContain('class="note"');
    expect(out.stderr).toMatch(/drafts\/a\.org: warning: the `onclick` attribute is dropped: the site turns raw HTML off/);
  });
});
