import { describe, it, expect } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot } from 'mdast';
import type { Root } from 'hast';
import type { TodoNote } from '../../../src/content/document.js';
import {
  collectMarkdownTodos,
  stripHtmlComments,
  type MarkdownTodos,
} from '../../../src/content/todos/collect-markdown-todos.js';
import { stripTodoAsides } from '../../../src/content/todos/todo-aside.js';

type RawHtmlMode = 'dropped' | 'rehype-raw' | 'stringified';

/**
 * The markdown pipeline as the content stage wires it: collect the notes
 * from the mdast, convert with the todo handlers, keep (dev) or strip
 * (published) the asides. `rawHtml` picks how raw HTML is treated: dropped
 * (remark-rehype's default), parsed by rehype-raw, or passed through by
 * rehype-stringify.
 */
function renderMarkdown(
  body: string,
  { bodyStartLine = 1, rawHtml = 'dropped' as RawHtmlMode } = {},
): { notes: TodoNote[]; devHtml: string; html: string } {
  const run = (published: boolean): { html: string; notes: TodoNote[] } => {
    const collected: { todos: MarkdownTodos | null } = { todos: null };
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(() => (tree: MdastRoot) => {
        collected.todos = collectMarkdownTodos(tree, { file: 'drafts/post.md', bodyStartLine, source: body });
      })
      // The handlers only exist once the tree is collected: look them up at conversion time.
      .use(remarkRehype, {
        allowDangerousHtml: rawHtml !== 'dropped',
        handlers: {
          html: (state, node, parent) => collected.todos?.handlers.html?.(state, node, parent),
          paragraph: (state, node, parent) => collected.todos?.handlers.paragraph?.(state, node, parent),
          heading: (state, node, parent) => collected.todos?.handlers.heading?.(state, node, parent),
          table: (state, node, parent) => collected.todos?.handlers.table?.(state, node, parent),
        },
      })
      .use(rawHtml === 'rehype-raw' ? [rehypeRaw] : [])
      .use(() => (tree: Root) => {
        if (published) stripTodoAsides(tree);
      })
      .use(rehypeStringify, { allowDangerousHtml: rawHtml === 'stringified' });
    const html = String(processor.processSync(body));
    return { html, notes: collected.todos?.notes ?? [] };
  };
  const dev = run(false);
  return { notes: dev.notes, devHtml: dev.html, html: run(true).html };
}

describe('markdown comment notes', () => {
  it('finds a multi-line <!-- TODO --> with its line and column in the original file', () => {
    const body = 'Intro.\n\n  <!-- TODO: check the numbers\n  in the table -->\n\nMore.\n';
    const { notes } = renderMarkdown(body, { bodyStartLine: 5 });
    expect(notes).toEqual([
      {
        file: 'drafts/post.md',
        line: 7,
        column: 3,
        keyword: 'TODO',
        text: 'check the numbers in the table',
        section: null,
        kind: 'html-comment',
        anchor: 'todo-1',
      },
    ]);
  });

  it('accepts FIXME and XXX, with or without a colon, and skips other comments', () => {
    const body = '<!-- FIXME broken -->\n\n<!-- XXX: odd -->\n\n<!-- TODOS are not notes -->\n\n<!-- just a comment -->\n';
    const { notes } = renderMarkdown(body);
    expect(notes.map((n) => [n.keyword, n.text, n.line])).toEqual([
      ['FIXME', 'broken', 1],
      ['XXX', 'odd', 3],
    ]);
  });

  it('splits one comment into two notes at a later keyword line', () => {
    const { notes } = renderMarkdown('<!-- TODO: a\nmore a\nFIXME: b -->\n');
    expect(notes.map((n) => [n.keyword, n.text, n.line, n.column])).toEqual([
      ['TODO', 'a more a', 1, 1],
      ['FIXME', 'b', 3, 1],
    ]);
  });

  it('reports an inline comment at its own column and shows its aside after the paragraph', () => {
    const { notes, devHtml } = renderMarkdown('Some text <!-- TODO: cite this --> goes on.\n', { bodyStartLine: 3 });
    expect(notes[0]).toMatchObject({ line: 3, column: 11, text: 'cite this' });
    expect(devHtml).toBe(
      '<p>Some text  goes on.</p>\n' +
        '<aside class="todo-note" id="todo-1" data-line="3" data-column="11"><span class="todo-keyword">TODO</span> cite this</aside>',
    );
  });

  it('uses the source to give the column of a note starting on a later line inside a blockquote', () => {
    const { notes } = renderMarkdown('> <!-- just a comment\n> XXX: second line -->\n');
    expect(notes.map((n) => [n.keyword, n.line, n.column])).toEqual([]);
    const split = renderMarkdown('> <!-- TODO: first\n> XXX: second line -->\n').notes;
    expect(split.map((n) => [n.keyword, n.line, n.column])).toEqual([
      ['TODO', 1, 3],
      ['XXX', 2, 3],
    ]);
  });

  it('names the nearest heading above the note', () => {
    const body = '<!-- TODO: top -->\n\n# Futures & `asyncio`\n\n<!-- TODO: under -->\n\n## Next <!-- FIXME: in heading -->\n';
    const { notes } = renderMarkdown(body);
    expect(notes.map((n) => [n.text, n.section])).toEqual([
      ['top', null],
      ['under', 'Futures & asyncio'],
      ['in heading', 'Next'],
    ]);
  });

  it('puts a note from a table cell after the table', () => {
    const { devHtml, html } = renderMarkdown('| a |\n|---|\n| x <!-- TODO: cell --> |\n');
    expect(devHtml).toMatch(/<\/table>\n?<aside class="todo-note" id="todo-1"[^>]*><span class="todo-keyword">TODO<\/span> cell<\/aside>$/);
    expect(html).not.toContain('cell -->');
    expect(html).not.toContain('aside');
  });
});

describe('markdown published form', () => {
  const body = [
    '# Title',
    '',
    '<!-- TODO: secret plan -->',
    '',
    'Text <!-- private inline --> here.',
    '',
    '<div class="box">',
    '<!-- FIXME: hidden in html -->',
    '<!-- unrelated private comment -->',
    '</div>',
    '',
  ].join('\n');

  for (const rawHtml of ['dropped', 'rehype-raw', 'stringified'] as const) {
    it(`contains no comment text when raw HTML is ${rawHtml}`, () => {
      const { html, devHtml } = renderMarkdown(body, { rawHtml });
      for (const secret of ['secret', 'private', 'hidden', '<!--', 'todo-note']) expect(html).not.toContain(secret);
      expect(devHtml).toContain('<span class="todo-keyword">TODO</span> secret plan</aside>');
      expect(devHtml).toContain('<span class="todo-keyword">FIXME</span> hidden in html</aside>');
      expect(devHtml).not.toContain('private');
    });
  }

  it('keeps the rest of a raw HTML block when raw HTML is allowed', () => {
    const { html } = renderMarkdown(body, { rawHtml: 'rehype-raw' });
    expect(html).toContain('<div class="box">');
  });
});

describe('stripHtmlComments', () => {
  it('removes every comment, including empty and unterminated ones', () => {
    expect(stripHtmlComments('<b>a</b><!-- x -->c<!---->d<!-->e<!-- open')).toBe('<b>a</b>cde');
  });
});
