import { describe, it, expect } from 'vitest';
import type { TodoNote } from '../../../src/content/document.js';
import { formatTodos, type TitledTodoNote } from '../../../src/content/todos/format-todos.js';

const base: TodoNote = {
  file: 'drafts/b.org',
  line: 7,
  column: 1,
  keyword: 'TODO',
  text: 'Generators?',
  section: null,
  kind: 'comment',
  anchor: 'todo-1',
};

const notes: TitledTodoNote[] = [
  { ...base, line: 50, text: 'Render this table better', section: 'Futures & Coroutines', title: 'Some Python asyncio disambiguation', anchor: 'todo-2' },
  { ...base, title: 'Some Python asyncio disambiguation' },
  { ...base, file: 'drafts/a.md', line: 3, column: 5, keyword: 'FIXME', text: 'link', kind: 'html-comment', title: 'Another post' },
];

describe('formatTodos', () => {
  it('prints one editor-clickable line per note, sorted by file then line', () => {
    expect(formatTodos(notes, { json: false }).split('\n')).toEqual([
      'drafts/a.md:3:5: FIXME link  (Another post)',
      'drafts/b.org:7:1: TODO Generators?  (Some Python asyncio disambiguation)',
      'drafts/b.org:50:1: TODO Render this table better  (Some Python asyncio disambiguation › Futures & Coroutines)',
    ]);
  });

  it('keeps each note on one line and prints nothing for no notes', () => {
    expect(formatTodos([{ ...base, text: '', title: 'A\ntitle' }], { json: false })).toBe('drafts/b.org:7:1: TODO  (A title)');
    expect(formatTodos([], { json: false })).toBe('');
  });

  it('gives tools a JSON array with file, line, column, keyword, text, title and section', () => {
    const parsed: unknown = JSON.parse(formatTodos(notes, { json: true }));
    expect(parsed).toEqual([
      { file: 'drafts/a.md', line: 3, column: 5, keyword: 'FIXME', text: 'link', title: 'Another post', section: null },
      { file: 'drafts/b.org', line: 7, column: 1, keyword: 'TODO', text: 'Generators?', title: 'Some Python asyncio disambiguation', section: null },
      {
        file: 'drafts/b.org',
        line: 50,
        column: 1,
        keyword: 'TODO',
        text: 'Render this table better',
        title: 'Some Python asyncio disambiguation',
        section: 'Futures & Coroutines',
      },
    ]);
    expect(formatTodos([], { json: true })).toBe('[]');
  });
});
