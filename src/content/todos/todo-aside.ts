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

/**
 * Both forms of a body as HTML, serialising each part once where it can:
 * the dev form keeps note asides, the published form has none, and the
 * parts of the body without notes (most of it) are the same in both. Top-level
 * runs of nodes are serialised separately and joined, which hast-util-to-html
 * does itself for a root's children. Leaves `tree` in its published form.
 */
export function serializeBothForms(tree: Root, toHtml: (fragment: Root) => string): { devHtml: string; html: string } {
  let devHtml = '';
  let html = '';
  let shared: RootContent[] = [];
  const flush = (): void => {
    if (shared.length === 0) return;
    const part = toHtml({ type: 'root', children: shared });
    devHtml += part;
    html += part;
    shared = [];
  };
  for (const child of tree.children) {
    if (!containsTodoAside(child)) {
      shared.push(child);
      continue;
    }
    flush();
    const fragment: Root = { type: 'root', children: [child] };
    devHtml += toHtml(fragment);
    stripFrom(fragment);
    html += toHtml(fragment);
  }
  flush();
  stripFrom(tree);
  return { devHtml, html };
}

function containsTodoAside(node: RootContent): boolean {
  if (node.type !== 'element') return false;
  if (isTodoAside(node)) return true;
  for (const child of node.children) if (containsTodoAside(child)) return true;
  return false;
}
