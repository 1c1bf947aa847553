import { describe, it, expect } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Properties, Root } from 'hast';
import type { TodoNote } from '../../../src/content/document.js';
import { stripTodoAsides, todoAside } from '../../../src/content/todos/todo-aside.js';

const note: TodoNote = {
  file: 'drafts/post.org',
  line: 7,
  column: 1,
  keyword: 'TODO',
  text: 'Generators? <script>alert(1)</script>',
  section: null,
  kind: 'comment',
  anchor: 'todo-1',
};

describe('todoAside', () => {
  it('renders the note as an aside with its anchor, position and keyword', () => {
    expect(toHtml(todoAside({ ...note, text: 'Generators?' }))).toBe(
      '<aside class="todo-note" id="todo-1" data-line="7" data-column="1"><span class="todo-keyword">TODO</span> Generators?</aside>',
    );
  });

  it('escapes the note text instead of letting it become markup', () => {
    const html = toHtml(todoAside(note));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>');
  });

  it('shows only the keyword for a note without text', () => {
    expect(toHtml(todoAside({ ...note, keyword: 'FIXME', text: '' }))).toBe(
      '<aside class="todo-note" id="todo-1" data-line="7" data-column="1"><span class="todo-keyword">FIXME</span></aside>',
    );
  });
});

describe('stripTodoAsides', () => {
  it('removes note asides at any depth and keeps other asides', () => {
    const tree: Root = {
      type: 'root',
      children: [
        todoAside(note),
        {
          type: 'element',
          tagName: 'ul',
          properties: {},
          children: [
            { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: 'item' }, todoAside({ ...note, anchor: 'todo-2' })] },
          ],
        },
        { type: 'element', tagName: 'aside', properties: { className: ['sidenote'] }, children: [{ type: 'text', value: 'kept' }] },
      ],
    };
    stripTodoAsides(tree);
    expect(toHtml(tree)).toBe('<ul><li>item</li></ul><aside class="sidenote">kept</aside>');
  });

  it('recognises a note aside whose class was written as a string', () => {
    const tree: Root = {
      type: 'root',
      // hast types say className is a list; hand-built trees (and some plugins) still write a string.
      children: [{ type: 'element', tagName: 'aside', properties: { className: 'x todo-note' } as unknown as Properties, children: [] }],
    };
    stripTodoAsides(tree);
    expect(tree.children).toEqual([]);
  });
});
