import { describe, it, expect } from 'vitest';
import { unified } from 'unified';
import uniorgParse from 'uniorg-parse';
import uniorgRehype from 'uniorg-rehype';
import rehypeStringify from 'rehype-stringify';
import type { OrgData } from 'uniorg';
import type { Root } from 'hast';
import type { TodoNote } from '../../../src/content/document.js';
import { parserTodoKeywords, readTodoKeywords } from '../../../src/content/todos/read-todo-keywords.js';
import { collectOrgTodos, type OrgTodos } from '../../../src/content/todos/collect-org-todos.js';
import { commentHandlers, removeBlankParagraphs } from '../../../src/content/todos/comment-handlers.js';
import { stripTodoAsides } from '../../../src/content/todos/todo-aside.js';

interface RenderedOrg {
  notes: TodoNote[];
  /** Body with the note asides (the `dev` form). */
  devHtml: string;
  /** Body with the asides stripped (the published form). */
  html: string;
}

/**
 * The org pipeline as the content stage wires it: parse with positions and
 * the file's keyword sets, drop blank-line paragraphs, collect the notes,
 * convert with the comment handlers, then keep or strip the asides.
 */
function renderOrg(
  body: string,
  { bodyStartLine = 1, file = 'drafts/post.org', keepBlankParagraphs = false } = {},
): RenderedOrg {
  const run = (published: boolean): { html: string; notes: TodoNote[] } => {
    const keywords = readTodoKeywords(body);
    const collected: { todos: OrgTodos | null } = { todos: null };
    const processor = unified()
      .use(uniorgParse, { trackPosition: true, todoKeywords: parserTodoKeywords(keywords) })
      .use(() => (tree: OrgData) => {
        if (!keepBlankParagraphs) removeBlankParagraphs(tree);
        collected.todos = collectOrgTodos(tree, { file, bodyStartLine, keywords, source: body });
      })
      .use(uniorgRehype, { handlers: commentHandlers((node) => collected.todos?.lookup(node) ?? []) })
      .use(() => (tree: Root) => {
        if (published) stripTodoAsides(tree);
      })
      .use(rehypeStringify);
    const html = String(processor.processSync(body));
    return { html, notes: collected.todos?.notes ?? [] };
  };
  const dev = run(false);
  const published = run(true);
  return { notes: dev.notes, devHtml: dev.html, html: published.html };
}

/** The user's draft (`2018-03-09-python-asyncio.org`) after its 6 front-matter lines. */
const seedBody = [
  '# TODO: Generators? Is it accurate that prior to all this, coroutines',
  '# were still available, but by themselves they offered no way to',
  '# perform anything in the background?',
  'Recently I needed to work a little more in-depth with Python 3\'s',
  '[[https://docs.python.org/3/library/asyncio.html][asyncio]]. On the one hand, some people (including me) might scoff at',
  '',
].join('\n');

describe('org comment notes', () => {
  it("finds the seed draft's opening note at line 7, column 1, with its three lines joined", () => {
    const { notes } = renderOrg(seedBody, { bodyStartLine: 7, file: 'drafts/2018-03-09-python-asyncio.org' });
    expect(notes).toEqual([
      {
        file: 'drafts/2018-03-09-python-asyncio.org',
        line: 7,
        column: 1,
        keyword: 'TODO',
        text: 'Generators? Is it accurate that prior to all this, coroutines were still available, but by themselves they offered no way to perform anything in the background?',
        section: null,
        kind: 'comment',
        anchor: 'todo-1',
      },
    ]);
  });

  it('keeps the paragraph right after the note and none of the note in the published form', () => {
    const { html } = renderOrg(seedBody, { bodyStartLine: 7 });
    expect(html).toMatch(/^<p>Recently I needed/);
    expect(html).not.toContain('Generators');
    expect(html).not.toContain('background?');
  });

  it('finds a note that follows a table, with the line counted from the original file', () => {
    const body = [
      '| a | b |',
      '|---+---|',
      '| 1 | 2 |',
      '|---+---|',
      '# TODO: How do I make Pandoc render this table better? It\'s hardly',
      '# usable right now because you can\'t see where a column starts and',
      '# ends',
      '* Futures & Coroutines',
      'Text.',
    ].join('\n');
    const { notes } = renderOrg(body, { bodyStartLine: 7 });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      line: 11,
      column: 1,
      text: "How do I make Pandoc render this table better? It's hardly usable right now because you can't see where a column starts and ends",
      section: null,
    });
  });

  it('splits one comment run into two notes where a second keyword line starts', () => {
    const { notes } = renderOrg('# TODO: a\n# more a\n# FIXME: b\nText.\n');
    expect(notes.map(({ keyword, text, line, column }) => ({ keyword, text, line, column }))).toEqual([
      { keyword: 'TODO', text: 'a more a', line: 1, column: 1 },
      { keyword: 'FIXME', text: 'b', line: 3, column: 1 },
    ]);
  });

  it('ignores comment lines before the first keyword of a run and reports the keyword line', () => {
    const { notes } = renderOrg('Text.\n# an ordinary comment\n# XXX: check this\n# and this\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ keyword: 'XXX', text: 'check this and this', line: 3, column: 1 });
  });

  it('accepts FIXME and XXX, and a keyword without a colon', () => {
    const { notes } = renderOrg('# FIXME broken link\n\n# XXX: odd\n\n# TODO\n');
    expect(notes.map((n) => [n.keyword, n.text])).toEqual([
      ['FIXME', 'broken link'],
      ['XXX', 'odd'],
      ['TODO', ''],
    ]);
  });

  it('does not take TODOS, todo or TODO-list as a keyword', () => {
    const { notes, html } = renderOrg('# TODOS are hard\n# todo: lower case\n# TODO-list\nText.\n');
    expect(notes).toEqual([]);
    expect(html).not.toContain('TODO');
    expect(html).not.toContain('lower case');
  });

  it('reports the column of the # of an indented comment, also for a note starting mid-run', () => {
    const { notes } = renderOrg('- item\n  # TODO: in the list\n- item two\n\n  # plain\n    # FIXME: deeper\n');
    expect(notes.map((n) => [n.keyword, n.line, n.column])).toEqual([
      ['TODO', 2, 3],
      ['FIXME', 6, 5],
    ]);
  });

  it('numbers anchors in document order across comments, blocks and headlines', () => {
    const { notes } = renderOrg('# TODO: one\n* TODO two\n#+BEGIN_COMMENT\nFIXME: three\n#+END_COMMENT\n# XXX: four\n');
    expect(notes.map((n) => [n.text, n.anchor])).toEqual([
      ['one', 'todo-1'],
      ['two', 'todo-2'],
      ['three', 'todo-3'],
      ['four', 'todo-4'],
    ]);
  });
});

describe('org comment block notes', () => {
  it('makes a note of a COMMENT block whose text starts with a keyword, at the keyword line', () => {
    const body = 'Intro.\n\n#+BEGIN_COMMENT\nTODO: rewrite this part\nwith examples\n#+END_COMMENT\nAfter.\n';
    const { notes, html, devHtml } = renderOrg(body, { bodyStartLine: 5 });
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'comment-block', keyword: 'TODO', text: 'rewrite this part with examples', line: 8, column: 1 }),
    ]);
    expect(devHtml).toContain('<aside class="todo-note" id="todo-1" data-line="8" data-column="1">');
    expect(html).not.toContain('rewrite');
  });

  it('splits a COMMENT block at a later keyword line', () => {
    const { notes } = renderOrg('#+begin_comment\nXXX: first\nmore\nFIXME: second\n#+end_comment\n');
    expect(notes.map((n) => [n.keyword, n.text, n.line])).toEqual([
      ['XXX', 'first more', 2],
      ['FIXME', 'second', 4],
    ]);
  });

  it('does not make a note of a COMMENT block without a leading keyword, and never publishes it', () => {
    const { notes, html, devHtml } = renderOrg('#+BEGIN_COMMENT\nold draft text\nTODO: not a note here\n#+END_COMMENT\nKept.\n');
    expect(notes).toEqual([]);
    expect(devHtml).not.toContain('old draft');
    expect(html).toBe('<p>Kept.\n</p>');
  });
});

describe('org headline notes', () => {
  const body = [
    '#+TODO: TODO WAIT | DONE CANCELLED',
    '* TODO [#A] Write the intro :draft:',
    'Some text.',
    '* WAIT Ask Bob about /futures/',
    '* DONE Check the table',
    '* CANCELLED Drop the benchmark',
    '* TODOS are not a keyword',
    '',
  ].join('\n');

  it('makes notes of headlines with an open keyword from #+TODO:, titled without priority or tags', () => {
    const { notes } = renderOrg(body, { bodyStartLine: 3 });
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'headline', keyword: 'TODO', text: 'Write the intro', line: 4, column: 1, section: null }),
      expect.objectContaining({ kind: 'headline', keyword: 'WAIT', text: 'Ask Bob about futures', line: 6, column: 1 }),
    ]);
  });

  it('leaves DONE and CANCELLED headlines and a TODOS title out', () => {
    const { notes, html } = renderOrg(body);
    expect(notes.map((n) => n.text)).not.toContain('Check the table');
    expect(notes.map((n) => n.text)).not.toContain('Drop the benchmark');
    expect(html).toContain('<h1>TODOS are not a keyword</h1>');
  });

  it('treats the last keyword as the done state when #+TODO: has no bar', () => {
    const { notes } = renderOrg('#+SEQ_TODO: FIX LATER OK\n* FIX one\n* LATER two\n* OK three\n* TODO four\n');
    expect(notes.map((n) => `${n.keyword} ${n.text}`)).toEqual(['FIX one', 'LATER two']);
  });

  it('places the aside right after the heading in the dev form only', () => {
    const { devHtml, html } = renderOrg('* TODO Write the intro\nBody.\n');
    expect(devHtml).toBe(
      '<h1><span class="todo-keyword TODO">TODO</span> Write the intro</h1>' +
        '<aside class="todo-note" id="todo-1" data-line="1" data-column="1"><span class="todo-keyword">TODO</span> Write the intro</aside>' +
        '<p>Body.\n</p>',
    );
    expect(html).toBe('<h1><span class="todo-keyword TODO">TODO</span> Write the intro</h1><p>Body.\n</p>');
  });

  it('keeps another headline handler and adds the aside after its heading', () => {
    const body = '* TODO Intro\n';
    const keywords = readTodoKeywords(body);
    const tree = unified().use(uniorgParse, { trackPosition: true, todoKeywords: parserTodoKeywords(keywords) }).parse(body) as OrgData;
    const todos = collectOrgTodos(tree, { file: 'p.org', bodyStartLine: 1, keywords, source: body });
    const handlers = commentHandlers(todos.lookup, {
      headline(org) {
        return this.h(org, 'h2', { id: 'intro' }, org.rawValue);
      },
    });
    const hast = unified().use(uniorgRehype, { handlers }).runSync(tree) as Root;
    const html = unified().use(rehypeStringify).stringify(hast);
    expect(html).toBe(
      '<h2 id="intro">Intro</h2><aside class="todo-note" id="todo-1" data-line="1" data-column="1"><span class="todo-keyword">TODO</span> Intro</aside>',
    );
  });

  it('rejects a keyword glued to the title even when uniorg-parse gets the plain keyword list', () => {
    const body = '* TODOS are hard\n* TODO real\n';
    const tree = unified().use(uniorgParse, { trackPosition: true, todoKeywords: ['TODO', 'DONE'] }).parse(body) as OrgData;
    const { notes } = collectOrgTodos(tree, { file: 'p.org', bodyStartLine: 1, keywords: readTodoKeywords(body), source: body });
    expect(notes.map((n) => n.text)).toEqual(['real']);
  });
});

describe('note sections', () => {
  it('names the nearest headline above a comment note, and null before the first headline', () => {
    const body = [
      '# TODO: top',
      '* Futures & Coroutines',
      '# TODO: under the first',
      '** Coroutines and Futures are *mostly* independent.',
      'Text.',
      '# FIXME: under the second',
      '** TODO Sub task',
      '* Next',
      '#+BEGIN_COMMENT',
      'XXX: in a block',
      '#+END_COMMENT',
    ].join('\n');
    const { notes } = renderOrg(body);
    expect(notes.map((n) => [n.text, n.section])).toEqual([
      ['top', null],
      ['under the first', 'Futures & Coroutines'],
      ['under the second', 'Coroutines and Futures are mostly independent.'],
      ['Sub task', 'Futures & Coroutines'],
      ['in a block', 'Next'],
    ]);
  });
});

describe('dev and published forms', () => {
  const body = [
    'Intro.',
    '# TODO: secret plan <b>bold</b> & more',
    '# an ordinary comment with private words',
    '',
    '#+BEGIN_COMMENT',
    'commented-out paragraph',
    '#+END_COMMENT',
    '',
    '| a |',
  ].join('\n');

  it('shows each note as an aside in place in the dev form, its text escaped', () => {
    const { devHtml } = renderOrg(body, { bodyStartLine: 4 });
    expect(devHtml).toBe(
      '<p>Intro.\n</p>' +
        '<aside class="todo-note" id="todo-1" data-line="5" data-column="1"><span class="todo-keyword">TODO</span> secret plan &#x3C;b>bold&#x3C;/b> &#x26; more an ordinary comment with private words</aside>' +
        '<table><tbody><tr><td>a</td></tr></tbody></table>',
    );
  });

  it('publishes none of the comment text, in any form', () => {
    const { html } = renderOrg(body, { bodyStartLine: 4 });
    expect(html).toBe('<p>Intro.\n</p><table><tbody><tr><td>a</td></tr></tbody></table>');
    for (const secret of ['secret', 'private', 'commented-out', 'todo', 'TODO', '<!--']) expect(html).not.toContain(secret);
  });

  it('leaves no empty paragraph where a blank line followed a comment', () => {
    const body = 'Text.\n\n# TODO: x\n\n# plain\n\n| a |\n';
    expect(renderOrg(body).html).toBe('<p>Text.\n</p><table><tbody><tr><td>a</td></tr></tbody></table>');
    // What uniorg-parse 3.2.2 does on its own: the blank line after a comment becomes a paragraph.
    expect(renderOrg(body, { keepBlankParagraphs: true }).html).toContain('<p>\n</p>');
  });
});
