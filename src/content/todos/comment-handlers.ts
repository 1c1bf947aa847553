/**
 * uniorg-rehype handlers that put author notes in place and keep every
 * other comment out of the output (DESIGN.md, "TODO comments").
 *
 * - `comment` (`# …` runs) and `comment-block` (`#+BEGIN_COMMENT`, which
 *   uniorg parses as type `comment-block`, not a special block): the note
 *   asides for the node, nothing at all for any other comment.
 * - `headline`: the heading as usual, followed by the note aside when the
 *   headline has an open TODO keyword.
 *
 * The asides are meant for `devHtml`; `stripTodoAsides` turns the same tree
 * into the published form, so only one conversion is needed.
 */
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import type { OrgData, OrgNode } from 'uniorg';
import type { TodoNoteLookup } from './collect-org-todos.js';
import { todoAside } from './todo-aside.js';

export type OrgHandlers = NonNullable<OrgRehypeOptions['handlers']>;
export type OrgHeadlineHandler = NonNullable<OrgHandlers['headline']>;

export interface CommentHandlersOptions {
  /**
   * Another `headline` handler to keep (ids, anchors…): it renders the
   * heading and the note asides go after its result. Default: uniorg-rehype's
   * own heading rendering.
   */
  headline?: OrgHeadlineHandler;
}

/**
 * Handlers `comment`, `comment-block` and `headline` for uniorg-rehype's
 * `handlers` option. `lookup` comes from `collectOrgTodos` run on the
 * very tree being converted.
 *
 * Comments without notes return `[]` rather than `null`: in uniorg-rehype
 * `null` means "fall back to the built-in conversion", which drops comments
 * today; an empty list drops them whatever the built-in does.
 */
export function commentHandlers(
  lookup: TodoNoteLookup,
  options: CommentHandlersOptions = {},
): Pick<OrgHandlers, 'comment' | 'comment-block' | 'headline'> {
  const inner = options.headline;
  // Headlines being rendered by the built-in conversion on our behalf (see below).
  const delegating = new WeakSet<object>();

  const headline: OrgHeadlineHandler = function (org) {
    if (delegating.has(org)) return null;
    const notes = lookup(org);
    const rendered = inner ? inner.call(this, org) : null;
    if (notes.length === 0) return rendered;
    let heading = rendered;
    if (heading === null) {
      // uniorg-rehype has no way to call its built-in conversion from a
      // handler, but `toHast` falls back to it when the handler returns
      // null: re-enter once, and answer null for this node.
      delegating.add(org);
      try {
        heading = this.toHast(org, null);
      } finally {
        delegating.delete(org);
      }
    }
    const headingParts = Array.isArray(heading) ? heading : [heading];
    return [...headingParts, ...notes.map(todoAside)];
  };

  return {
    comment(org) {
      return lookup(org).map(todoAside);
    },
    'comment-block'(org) {
      return lookup(org).map(todoAside);
    },
    headline,
  };
}

/**
 * Removes paragraphs made only of blank lines (DESIGN.md: "An org comment
 * followed by a blank line leaves an empty `<p></p>` behind").
 *
 * Cause, in uniorg-parse 3.2.2: every element parser skips the blank lines
 * after itself (`parseEmptyLines()`) except `parseComment`. The blank line
 * after a comment is therefore parsed as the start of a paragraph: a
 * following paragraph just gets a leading `\n`, but before anything else (a
 * table, list, heading, src block, another comment) the blank line becomes
 * a paragraph of its own, rendered `<p>\n</p>` whatever the comment handler
 * returns. Run this on the uniorg tree after parsing (it mutates the tree).
 */
export function removeBlankParagraphs(tree: OrgData): void {
  removeFrom(tree);
}

function removeFrom(node: OrgNode): void {
  if (!('children' in node) || !Array.isArray(node.children)) return;
  // Every org parent's children array holds OrgNodes; the union of element types makes TS see a union of arrays.
  const children = node.children as OrgNode[];
  const kept = children.filter((child) => !isBlankParagraph(child));
  if (kept.length !== children.length) (node as { children: OrgNode[] }).children = kept;
  for (const child of kept) removeFrom(child);
}

function isBlankParagraph(node: OrgNode): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.every((child) => child.type === 'text' && child.value.trim() === '')
  );
}
