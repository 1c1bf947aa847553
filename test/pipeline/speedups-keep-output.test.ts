/**
 * The speed-ups must not change a single byte of output:
 *
 * - patches/uniorg-parse+3.2.2.patch (regexps compiled once per parser,
 *   restriction sets built once, the reader's native private fields and
 *   sticky-regexp cache, positions set in place) is checked against a pristine copy of the
 *   same release (`uniorg-parse-pristine`, an npm alias), on the parse trees
 *   and on the published HTML of the whole content stage;
 * - skipping rehype-raw when a tree holds no raw HTML is checked against
 *   running it always;
 * - serialising the parts of a body without TODO notes once for both forms
 *   (dev and published) is checked against serialising each form whole.
 *
 * The sample: 300 generated posts (bench/corpus, the benchmark's corpus), the
 * repository's drafts, and snippets for what the corpus lacks (citations,
 * whose restriction sets the parser mutates, plain and angle links, …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import type { SourceFile } from '../../src/content/document.js';
import { REPO } from '../helpers/fixture-site.js';
// @ts-expect-error the corpus generator is plain JavaScript shared with the benchmark
import { generateCorpus } from '../../bench/corpus/generate-corpus.mjs';

const SNIPPETS = [
  'Cited [cite/t/f:see @doe2020 p. 3; also @roe1999 and @poe] and [cite:@one;@two].',
  'Plain https://orgmode.org/manual.html, angle <https://example.org/a b>, mailto:ada@example.org and file:notes.org::*Part.',
  '[[https://example.org/x][a /styled/ *link*]] [[#custom-id]] [[(coderef)]] [[Fuzzy target]] <<target>> <<<radio>>>',
  'H_{2}O and E = mc^{2} and x_i and snake_case_word, a^b, \\alpha \\to \\beta, \\(x^2\\) and $y$.',
  '* TODO [#A] Heading with *bold* and ~code~ :tag:\nSCHEDULED: <2024-01-01 Mon>\n:PROPERTIES:\n:CUSTOM_ID: h1\n:END:\n- [X] done /item/\n- [ ] open =item=\n  1. nested [fn:1]\n- term :: description with +strike+ and _under_\n\n[fn:1] The note, with [[https://x.org][a link]].',
  '| *a* | /b/ | ~c~ |\n|-----+-----+-----|\n| [[https://x.org][l]] | 1.5 | {{{macro(x)}}} |\n#+TBLFM: $3=$1\n',
  '#+BEGIN_QUOTE\nQuoted /text/ @@html:<b>snippet</b>@@ and src_python{1 + 1} and call_f(x=1).\n#+END_QUOTE\n#+BEGIN_VERSE\n  Verse *line*\\\\\n#+END_VERSE',
  '[2024-01-02 Tue 10:00]--[2024-01-03 Wed] <%%(diary-float t 4 2)> [50%] [3/4] \\\\\nline break above',
  '- item one\n  # TODO: a note inside a list item\n- item two\n\n#+BEGIN_QUOTE\nQuoted.\n# FIXME nested in a quote\n#+END_QUOTE\n# TODO: top level\nAfter.',
];

function sample(): SourceFile[] {
  const files: SourceFile[] = [];
  for (const p of generateCorpus(300) as Iterable<{ name: string; org: string }>) files.push({ path: `drafts/${p.name}.org`, text: p.org });
  const drafts = path.join(REPO, 'drafts');
  for (const name of readdirSync(drafts)) {
    if (/\.(org|md)$/.test(name)) files.push({ path: `drafts/${name}`, text: readFileSync(path.join(drafts, name), 'utf8') });
  }
  SNIPPETS.forEach((text, i) => files.push({ path: `drafts/snippet-${i}.org`, text: `---\ntitle: Snippet ${i}\ndate: 2024-01-01\n---\n${text}\n` }));
  return files;
}

type RenderDocument = typeof import('../../src/content/render-document.js').renderDocument;
type LoadFormats = typeof import('../../src/content/render-document.js').loadFormats;

/** The content stage's published HTML for every file, with the module graph loaded afresh (after any mocks). */
async function renderAll(files: SourceFile[]): Promise<string[]> {
  vi.resetModules();
  const { loadFormats, renderDocument } = (await import('../../src/content/render-document.js')) as { loadFormats: LoadFormats; renderDocument: RenderDocument };
  await loadFormats(files);
  const config = defaultConfig();
  return files.map((f) => {
    const doc = renderDocument(f, config);
    return `${doc.html}\n${doc.devHtml}\n${JSON.stringify([doc.meta, doc.toc, doc.todos, doc.links, doc.diagnostics])}`;
  });
}

/** What orgpress passes (every file), then other option sets (drafts and snippets: the pristine parser is slow). */
const OPTION_SETS = [
  { options: { trackPosition: true }, all: true },
  { options: {}, all: false },
  { options: { useSubSuperscripts: false, todoKeywords: ['TODO', 'WAIT', 'DONE'] }, all: false },
];

// Renders the sample three times over (the pristine parser is slow): allow for a loaded machine.
describe('speed-ups keep the output byte for byte', { timeout: 180_000 }, () => {
  const files = sample();

  it('the patched uniorg-parse gives the same trees as the pristine release', async () => {
    const patched = (await import('uniorg-parse')).default;
    const pristine = (await import('uniorg-parse-pristine')).default;
    for (const { options, all } of OPTION_SETS) {
      for (const f of all ? files : files.slice(300)) {
        const a = unified().use(patched, options).parse(f.text);
        const b = unified().use(pristine, options).parse(f.text);
        expect(a, `${f.path} with ${JSON.stringify(options)}`).toEqual(b);
      }
    }
  });

  it('the content stage gives the same HTML with the patched parser as with the pristine one', async () => {
    const withPatch = await renderAll(files);
    vi.doMock('uniorg-parse', () => import('uniorg-parse-pristine'));
    const withPristine = await renderAll(files);
    vi.doUnmock('uniorg-parse');
    expect(withPatch).toHaveLength(files.length);
    withPatch.forEach((html, i) => expect(html, files[i]!.path).toBe(withPristine[i]));
  });

  it('skipping rehype-raw for trees without raw HTML gives the same HTML as always running it', async () => {
    const some = files.slice(0, 100).concat(files.slice(300));
    const skipping = await renderAll(some);
    vi.doMock('../../src/content/html/contains-raw.js', () => ({ containsRaw: () => true }));
    const always = await renderAll(some);
    vi.doUnmock('../../src/content/html/contains-raw.js');
    skipping.forEach((html, i) => expect(html, some[i]!.path).toBe(always[i]));
  });

  it('serialising note-free parts once for both forms gives the same HTML as serialising each form whole', async () => {
    const shared = await renderAll(files);
    vi.doMock('../../src/content/todos/todo-aside.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/content/todos/todo-aside.js')>();
      return {
        ...real,
        serializeBothForms: (tree: Root, toHtml: (fragment: Root) => string) => {
          const devHtml = toHtml(tree);
          real.stripTodoAsides(tree);
          return { devHtml, html: toHtml(tree) };
        },
      };
    });
    const whole = await renderAll(files);
    vi.doUnmock('../../src/content/todos/todo-aside.js');
    // The sample must exercise notes at the top level and nested, or this proves nothing.
    expect(whole.filter((h) => h.includes('class="todo-note"')).length).toBeGreaterThan(100);
    shared.forEach((html, i) => expect(html, files[i]!.path).toBe(whole[i]));
  });
});
