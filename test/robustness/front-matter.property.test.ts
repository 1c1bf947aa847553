/**
 * Properties of front matter written with arbitrary YAML values (scalars in
 * every quoting style, lists, mappings, YAML syntax errors, markup and
 * template syntax, control characters) for title, tags, date, summary and
 * other keys:
 *
 * - `readFrontMatter` never throws and always gives usable metadata;
 * - rendered into a whole site (pages, Atom, RSS, JSON Feed, sitemap, in
 *   memory through `renderProject`), no value runs as markup anywhere:
 *   every payload carries a marker that must never sit in a script, an
 *   event handler or a `javascript:` URL; the XML files stay valid XML and
 *   give back the title as written; the JSON Feed parses.
 *
 * A few seconds: the in-memory site is the slow part, hence its run count.
 */
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { readFrontMatter } from '../../src/content/front-matter/read-front-matter.js';
import { loadFormats, renderDocument } from '../../src/content/render-document.js';
import { renderProject, type LoadedProject } from '../../src/pipeline/build.js';

const SCALE = Number(process.env['ORGPRESS_PROPERTY_SCALE'] ?? 1);

// Half of the drafts below are markdown.
await loadFormats([{ path: 'drafts/x.md', text: '' }]);

/** Payloads that would run if a value reached a page or feed unescaped; `FMX` marks them. */
const payload = fc.constantFrom(
  '<script>alert("FMX")</script>',
  '"><img src=x onerror=alert("FMX")>',
  "'><svg onload=alert('FMX')>",
  ']]><script>alert("FMX")</script><![CDATA[',
  '</title><script>alert("FMX")</script>',
  'javascript:alert("FMX")',
  '{{ "<script>alert(\\"FMX\\")</script>" }}',
  '{% raw %}<script>alert("FMX")</script>{% endraw %}',
  '&lt;script&gt;alert("FMX")&lt;/script&gt;',
);

const awkward = fc.constantFrom('', ' ', '~', 'null', 'true', 'no', '1.0', '0x1F', '2018-02-30', '<2018-03-09 Fri>', 'March 9, 2018', '2018-03-09T25:00', ': x', '- a', '[a, b', '{a: 1}', '&anchor x', '*alias', '!!binary x', '|', '>', '#', '@', '`', '%', '\\', '\u0001', '\u001b[31m', '\u2028', '\uFEFF', '\uFFFE', '😀', 'é', '   padded   ');

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  payload,
  awkward,
  fc.tuple(fc.string({ maxLength: 6 }), payload, awkward).map((parts) => parts.join(' ')),
);

/** A YAML value as written in the file: quoted, plain (maybe invalid YAML), a list, a mapping, a number. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: text.map((t) => JSON.stringify(t)) },
  { weight: 2, arbitrary: text.map((t) => t.replace(/\n/g, ' ')) },
  text.map((t) => `'${t.replace(/'/g, "''").replace(/\n/g, ' ')}'`),
  fc.array(text, { maxLength: 4 }).map((items) => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((items) => '\n' + items.map((i) => `  - ${JSON.stringify(i)}`).join('\n')),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), text, { maxKeys: 3 }).map((d) => JSON.stringify(d)),
  fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean()).map(String),
  text.map((t) => `|\n  ${t.replace(/\n/g, '\n  ')}`),
);

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('title', 'date', 'updated', 'tags', 'keywords', 'summary', 'description', 'slug', 'author', 'draft', 'lastmod') },
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Title', 'tag', 'extra', 'aliases', 'image'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !/[:#\n\r]/.test(k) && k.trim() === k && k !== ''),
);

/** A whole front-matter block (the body is one plain line). */
const frontMatter = fc
  .tuple(fc.array(fc.tuple(key, yamlValue), { minLength: 0, maxLength: 8 }), fc.boolean(), fc.option(text, { nil: undefined }))
  .map(([fields, withTitle, orgTitle]) => {
    const lines = fields.map(([k, v]) => `${k}: ${v}`);
    // Often a valid title and date, so the post is published and its values reach pages and feeds.
    if (withTitle) lines.unshift(`title: ${JSON.stringify('T <script>alert("FMX")</script> & "q"')}`, 'date: 2020-01-01');
    const org = orgTitle === undefined ? '' : `#+TITLE: ${orgTitle.replace(/\n/g, ' ')}\n`;
    return `---\n${lines.join('\n')}\n---\n${org}Body text.\n`;
  });

describe('front matter with arbitrary YAML values', () => {
  it('never makes readFrontMatter throw, and always gives usable metadata', () => {
    fc.assert(
      fc.property(frontMatter, fc.constantFrom('drafts/2020-05-05-p.org', 'drafts/p.md'), (source, file) => {
        const r = readFrontMatter({ path: file, text: source }, file.endsWith('.md') ? 'markdown' : 'org', defaultConfig());
        expect(typeof r.meta.title).toBe('string');
        expect(typeof r.meta.slug).toBe('string');
        expect(r.meta.tags.every((t) => typeof t === 'string' && t !== '')).toBe(true);
        expect(r.meta.summary === null || typeof r.meta.summary === 'string').toBe(true);
        expect(Object.getPrototypeOf(r.meta.extra)).toBe(Object.prototype);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(0);
          expect(d.message).not.toBe('');
        }
      }),
      { numRuns: Math.round(1000 * SCALE) },
    );
  });

  it('ends up escaped in every page, feed and the sitemap', async () => {
    const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['entry', 'item'].includes(name) });
    await fc.assert(
      fc.asyncProperty(fc.array(frontMatter, { minLength: 1, maxLength: 3 }), async (sources) => {
        const config = defaultConfig({ baseUrl: 'https://example.com/blog/' });
        const documents = sources.map((text, i) => {
          const markdown = i % 2 === 1;
          // `#+TITLE:` is front matter in org only; in markdown it would be body text (and its HTML, raw HTML).
          const source = markdown ? text.replace(/^#\+TITLE:[^\n]*\n/m, '') : text;
          return renderDocument({ path: `drafts/2020-01-0${i + 1}-p${i}.${markdown ? 'md' : 'org'}`, text: source }, config);
        });
        const project: LoadedProject = {
          root: os.tmpdir(),
          config,
          templatesDir: path.join(os.tmpdir(), 'orgpress-no-such-templates'),
          documents,
          draftAssets: [],
          sources: new Map(),
          diagnostics: [],
        };
        const site = await renderProject(project, { includeDrafts: true, dev: false });
        expect(site.diagnostics.filter((d) => d.code === 'template/error')).toEqual([]);
        for (const f of site.files) {
          const content = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
          if (f.path.endsWith('.html')) expect(injected(content), f.path).toEqual([]);
          if (f.path.endsWith('.xml')) expect(XMLValidator.validate(content), f.path).toBe(true);
          if (f.path.endsWith('.json')) JSON.parse(content);
        }
        const atom = site.files.find((f) => f.path === 'atom.xml');
        if (atom && typeof atom.content === 'string') {
          const entries = (xml.parse(atom.content) as { feed: { entry?: { title: unknown; content: unknown }[] } }).feed.entry ?? [];
          const published = site.site.posts.slice(0, config.feedItems).map((p) => xmlSafe(p.doc.meta.title));
          expect(entries.map((e) => textOf(e.title))).toEqual(published.map(trimmedXmlText));
          for (const e of entries) expect(injected(textOf(e.content))).toEqual([]);
        }
      }),
      { numRuns: Math.round(100 * SCALE), interruptAfterTimeLimit: 30_000 * SCALE },
    );
  }, 90_000 * SCALE);
});

/** Scripts, event handlers and `javascript:` URLs that carry the marker. */
function injected(html: string): string[] {
  const found: string[] = [];
  for (const el of selectAll('*', fromHtml(html)) as Element[]) {
    if (el.tagName === 'script' && toString(el).includes('FMX')) found.push(toString(el));
    for (const [name, value] of Object.entries(el.properties)) {
      const v = String(value);
      if (!v.includes('FMX')) continue;
      const isUrl = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data'].includes(name);
      if (/^on/i.test(name) || (isUrl && /^\s*javascript:/i.test(v.replace(/[\t\n\r]/g, '')))) found.push(`${name}=${v}`);
    }
  }
  return found;
}

function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return '';
}

/** The title as XML can carry it (src/render/xml-escape.ts drops what XML 1.0 cannot hold). */
function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** fast-xml-parser trims text: compare the way it reads. */
function trimmedXmlText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
