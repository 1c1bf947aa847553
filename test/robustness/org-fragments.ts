/**
 * fast-check arbitraries that write org documents out of org syntax (not
 * random bytes): headlines, lists, tables with rules, blocks, links, markup,
 * footnotes, drawers, keywords, entities, math, src blocks, and comments
 * holding a marker token that must never be published. `mutated` then
 * breaks such documents the way editing does: a cut, a doubled span, a
 * stray syntax character, a truncation.
 */
import fc from 'fast-check';

/** Put in comments only; the published HTML must never contain it. */
export const COMMENT_MARKER = 'QZXCOMMENTQZX';

const word = fc.constantFrom('alpha', 'beta', 'Gamma', 'δέλτα', '日本語', 'emoji🙂', 'x', 'snake_case', 'a-b', '1.5', '42', 'café', 'ﬁ');
const punct = fc.constantFrom(' ', ' ', ' ', ', ', '. ', ' -- ', '... ', ' & ', ' < ', ' > ', ' "q" ', " 'a' ", ' \\ ', ' | ', ' :: ', ' ^ ', ' _ ', ' $ ', ' % ', ' ~ ', ' = ', ' + ');

/** Plain words and punctuation that cannot start a comment line (no `#` at a line start). */
const plain: fc.Arbitrary<string> = fc.array(fc.tuple(word, punct), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, p]) => w + p).join('').trim() || 'x');

/** Arbitrary text, minus line breaks and `#` (which could make a comment line hold published words), for the odd cases the word list misses. */
const oddText = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n#\u2028\u2029]/g, ' '));

const markup = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('*', '/', '=', '~', '+', '_'), inner).map(([m, t]) => `${m}${t.trim() || 'x'}${m}`);

const link = fc.oneof(
  fc.tuple(fc.constantFrom('https://example.com/a?b=1&c=<d>', 'http://x.org', 'mailto:a@b.c', 'file:other.org', 'file:img/cat.png', './rel.org', '*Heading one', '#custom', 'target words', 'javascript:alert(1)', 'data:text/html,hi', 'vbscript:x', 'https://x/uvloop\\'), fc.option(plain, { nil: undefined })).map(([url, desc]) => (desc === undefined ? `[[${url}]]` : `[[${url}][${desc}]]`)),
  fc.constantFrom('https://example.com/plain', '<https://example.com/angle>', '<<target words>>', '<<<radio>>>'),
);

const entity = fc.constantFrom('\\alpha', '\\to', '\\nbsp', '\\rarr{}', '\\Beta', '\\unknownentity', '\\-', '\\\\');
// Inline only: a `\\begin{…}` environment is an element, written by `block` on lines of its own
// (inside a line it can run on to a later `\\end{…}` and swallow what lies between).
const math = fc.constantFrom('$x^2$', '\\(a_{i} + b\\)', '\\[\\sum_{k=1}^n k\\]', '$$E = mc^2$$', '$5 and $6', '\\(\\frac{1}{');
const timestamp = fc.constantFrom('<2024-01-02 Tue>', '[2024-01-02 Tue 10:00]', '<2024-01-02 Tue>--<2024-01-03 Wed>', '<2024-13-45 Foo>');
const footnoteRef = fc.constantFrom('[fn:1]', '[fn:2]', '[fn:name]', '[fn:: inline note]', '[fn:named: inline /def/]', '[fn:missing]');
const misc = fc.constantFrom('src_python{1 + 1}', '{{{title}}}', '{{{macro(a, b)}}}', '{{{nope}}}', '@@html:<b>raw</b>@@', '@@latex:\\LaTeX@@', 'H_{2}O', 'x^{2}', '[50%]', '[2/3]', '\\\\', 'call_f(x=1)');

/** One line of inline content. */
export const inline: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: plain }, markup(plain), link, entity, math, timestamp, footnoteRef, misc, oddText), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' '));

const headline = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom('', 'TODO ', 'DONE ', 'NEXT '), fc.constantFrom('', '[#A] '), inline, fc.constantFrom('', ' :tag:', ' :a:b:', ' :noexport:'))
  .map(([level, todo, prio, title, tags]) => `${'*'.repeat(level)} ${todo}${prio}${title}${tags}`);

const listItem = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('-', '+', '1.', '2)', '*'), fc.constantFrom('', '[ ] ', '[X] ', '[-] '), fc.option(plain, { nil: undefined }), inline)
  .map(([depth, bullet, box, term, text]) => `${'  '.repeat(depth)}${depth === 0 && bullet === '*' ? '-' : bullet} ${box}${term === undefined ? '' : `${term} :: `}${text}`);
const list = fc.array(listItem, { minLength: 1, maxLength: 6 }).map((items) => items.join('\n'));

const cell = fc.oneof(plain, markup(plain), fc.constantFrom('', ' ', '1', '2.5', '<l>', '<r10>', '<c>', '/', '<', '>', '<>', '#', '!', '[[https://x.org][l]]'));
const tableRow = fc.oneof(
  { weight: 4, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`) },
  fc.constantFrom('|---+---|', '|-', '|---|---|', '| / | < | > |'),
);
const table = fc
  .tuple(fc.array(tableRow, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '#+CAPTION: A table\n', '#+NAME: tbl\n', '#+ATTR_HTML: :class wide :border 2\n'), fc.constantFrom('', '\n#+TBLFM: $2=$1*2'))
  .map(([rows, before, after]) => `${before}${rows.join('\n')}${after}`);

const blockBody = fc.array(fc.oneof(inline, fc.constantFrom('#+TITLE: inside', '* not a heading', '| a |', ',* escaped', '')), { minLength: 0, maxLength: 3 }).map((l) => l.join('\n'));
const block = fc.oneof(
  fc.tuple(fc.constantFrom('python', 'js', 'emacs-lisp', 'sh', 'nosuchlang', ''), fc.constantFrom('', ' :exports code', ' :exports results', ' -n', ' :exports none'), blockBody).map(([lang, args, body]) => `#+BEGIN_SRC ${lang}${args}\n${body}\n#+END_SRC`),
  fc.tuple(fc.constantFrom('QUOTE', 'EXAMPLE', 'VERSE', 'CENTER', 'note', 'aside', 'details', 'video', 'script'), blockBody).map(([name, body]) => `#+BEGIN_${name}\n${body}\n#+END_${name}`),
  fc.constantFrom('\\begin{equation}\nx = 1\n\\end{equation}', '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}'),
  fc.constantFrom('#+BEGIN_EXPORT html\n<div class="raw">raw <b>html</b></div>\n#+END_EXPORT', '#+BEGIN_EXPORT latex\n\\LaTeX\n#+END_EXPORT', '#+HTML: <span>kw</span>', ': fixed width\n: lines'),
);

const drawer = fc.constantFrom(':PROPERTIES:\n:CUSTOM_ID: custom\n:END:', ':LOGBOOK:\n- Note taken\n:END:', ':MYDRAWER:\ncontent\n:END:', 'SCHEDULED: <2024-01-01 Mon>', 'CLOCK: [2024-01-01 Mon 10:00]--[2024-01-01 Mon 11:00] =>  1:00');
const keyword = fc.constantFrom(
  '#+OPTIONS: toc:t num:t ^:t',
  '#+OPTIONS: f:nil -:nil e:nil',
  '#+TODO: TODO NEXT | DONE',
  '#+MACRO: macro $1 and $2',
  '#+TOC: headlines 2',
  '#+AUTHOR: Someone',
  '#+CAPTION: caption\n#+ATTR_HTML: :alt alt :width 300\n[[file:img/cat.png]]',
  '#+INCLUDE: "nope.org"',
);
const footnoteDefinition = fc.tuple(fc.constantFrom('1', '2', 'name'), inline).map(([label, text]) => `[fn:${label}] ${text}`);
const rule = fc.constantFrom('-----', '---');

/** Comment fragments, each holding the marker: never published, in any form. */
const comment = fc.oneof(
  fc.tuple(fc.constantFrom('', 'TODO ', 'TODO: ', 'FIXME ', 'XXX: '), plain).map(([kw, text]) => `# ${kw}${text} ${COMMENT_MARKER}`),
  plain.map((text) => `# TODO: ${text}\n# more ${COMMENT_MARKER}\n# and ${text}`),
  plain.map((text) => `#+BEGIN_COMMENT\n${text} ${COMMENT_MARKER}\n#+END_COMMENT`),
  plain.map((text) => `#+BEGIN_EXPORT html\n<p>shown</p><!-- ${text} ${COMMENT_MARKER} -->\n#+END_EXPORT`),
  plain.map((text) => `- item\n  # ${COMMENT_MARKER} ${text}\n- next item`),
  plain.map((text) => `#+BEGIN_QUOTE\n${text}\n# ${COMMENT_MARKER}\n#+END_QUOTE`),
);

const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** One top-level piece of an org document. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: headline },
  { weight: 2, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: block },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: drawer },
  { weight: 1, arbitrary: keyword },
  { weight: 1, arbitrary: footnoteDefinition },
  { weight: 1, arbitrary: rule },
);

/** A whole body: fragments with one or two line breaks between them (org needs no blank lines). */
export const orgBody: fc.Arbitrary<string> = fc
  .array(fc.tuple(fragment, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(''));

type Mutation = { op: 'cut' | 'double' | 'insert' | 'truncate' | 'swap-lines'; at: number; length: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('cut', 'double', 'insert', 'insert', 'truncate', 'swap-lines'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 40 }),
  char: fc.constantFrom('*', '[', ']', '#', '+', '|', ':', '\n', '~', '=', '/', '_', '-', '\\', '{', '}', '<', '>', '$', '@', '\t', ' ', '#+BEGIN_SRC', '#+END_QUOTE', '[[', ']]', '\n* ', '\n- ', '\n| ', '\n#+', '\u0000', '\uFEFF', '\u200B'),
});

function applyMutation(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'double':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = Math.floor(m.at * lines.length);
      const j = (i + m.length) % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
  }
}

/** A generated body broken by one to five edits. */
export const mutatedOrgBody: fc.Arbitrary<string> = fc
  .tuple(orgBody, fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([body, edits]) => edits.reduce(applyMutation, body));
