/**
 * The visible form of an author's note in `dev` (DESIGN.md, "TODO comments"),
 * and its removal for the published form.
 */
import type { Element, Root, RootContent } from 'hast';
import type { TodoNote } from '../document.js';

/** Class that marks note asides; `stripTodoAsides` removes exactly these. */
export const TODO_NOTE_CLASS = 'todo-note';

/**
 * `<aside class="todo-note" id="todo-1" data-line="7" data-column="1">
 *   <span class="todo-keyword">TODO</span> text</aside>`.
 * The note text is a text node, so it is escaped when serialised: a note
 * can never inject markup.
 */
export function todoAside(note: TodoNote): Element {
  const children: Element['children'] = [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['todo-keyword'] },
      children: [{ type: 'text', value: note.keyword }],
    },
  ];
  if (note.text.length > 0) children.push({ type: 'text', value: ` ${note.text}` });
  return {
    type: 'element',
    tagName: 'aside',
    properties: {
      className: [TODO_NOTE_CLASS],
      id: note.anchor,
      dataLine: note.line,
      dataColumn: note.column,
    },
    children,
  };
}

/** Removes every `aside.todo-note`, at any depth: the published form of a body. */
export function stripTodoAsides(tree: Root): void {
  stripFrom(tree);
}

function stripFrom(parent: Root | Element): void {
  // Filtering a copy keeps the (mutable) children array's identity simple to reason about.
  const kept: RootContent[] = [];
  for (const child of parent.children) {
    if (isTodoAside(child)) continue;
    if (child.type === 'element') stripFrom(child);
    kept.push(child);
  }
  if (parent.type === 'root') parent.children = kept;
  // An element's children cannot hold doctypes, and `kept` only holds existing children.
  else parent.children = kept as Element['children'];
}

function isTodoAside(node: RootContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'aside') return false;
  const className: unknown = node.properties['className'];
  if (Array.isArray(className)) return className.includes(TODO_NOTE_CLASS);
  return typeof className === 'string' && className.split(/\s+/).includes(TODO_NOTE_CLASS);
}
