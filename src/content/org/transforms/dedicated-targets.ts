/**
 * Dedicated targets: `<<some words>>` marks a place in the text that
 * `[[some words]]` links to (org manual, "Internal Links").
 *
 * uniorg-parse 3.2.2 has no `target` object: the `<<…>>` stays in the text.
 * This pass cuts each one out of its text node into a `target` node (org's
 * own name for it, see `org-element-target-parser`) carrying the id it
 * will have on the page. `handlers/target.ts` renders it as an empty
 * `<span id="…" class="target">` — the words themselves are not shown, as
 * in Emacs — and `resolve-links.ts` points fuzzy links at it.
 *
 * Syntax as `org-target-regexp`: no `<`, `>` or newline inside, and no
 * space right after `<<` or before `>>`. Radio targets (`<<<…>>>`) are not
 * dedicated targets and are left as text. Targets are not looked for in
 * link descriptions (org does not allow them there).
 *
 * Ids are the words slugged (`<<My target>>` → `my-target`); a second
 * target with the same words gets a numbered id, but links go to the
 * first, as in org.
 */
import GithubSlugger from 'github-slugger';
import type { Node, Parent } from 'unist';
import type { OrgData } from 'uniorg';

export interface TargetNode extends Node {
  type: 'target';
  /** The words between `<<` and `>>`, as written. */
  value: string;
  /** The id of the anchor on the page. */
  id: string;
}

const TARGET = /(?<!<)<<([^<>\n\r \t]|[^<>\n\r \t][^<>\n\r]*[^<>\n\r \t])>>(?!>)/g;

/** Cuts `<<target>>` out of text nodes into `target` nodes; returns them in document order. */
export function markDedicatedTargets(tree: OrgData): TargetNode[] {
  const slugger = new GithubSlugger();
  const targets: TargetNode[] = [];
  const walk = (parent: Parent): void => {
    if (parent.type === 'link') return;
    const out: Node[] = [];
    let changed = false;
    for (const child of parent.children) {
      if (isText(child) && child.value.includes('<<')) {
        const pieces = splitTargets(child.value, slugger);
        if (pieces.some((p) => p.type === 'target')) {
          changed = true;
          for (const piece of pieces) {
            if (piece.type === 'target') targets.push(piece);
            out.push(piece);
          }
          continue;
        }
      }
      if ('children' in child && Array.isArray(child.children)) walk(child as Parent);
      out.push(child);
    }
    // The org parents' children arrays hold uniorg's ObjectType union, which has no `target`: see TargetNode.
    if (changed) (parent as { children: Node[] }).children = out;
  };
  walk(tree);
  return targets;
}

function splitTargets(value: string, slugger: GithubSlugger): (TargetNode | { type: 'text'; value: string })[] {
  const pieces: (TargetNode | { type: 'text'; value: string })[] = [];
  let last = 0;
  for (const m of value.matchAll(TARGET)) {
    const index = m.index ?? 0;
    if (index > last) pieces.push({ type: 'text', value: value.slice(last, index) });
    const words = m[1] ?? '';
    pieces.push({ type: 'target', value: words, id: slugger.slug(words) || slugger.slug('target') });
    last = index + m[0].length;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}

function isText(node: Node): node is Node & { type: 'text'; value: string } {
  return node.type === 'text' && typeof (node as { value?: unknown }).value === 'string';
}

export function isTargetNode(node: Node): node is TargetNode {
  return node.type === 'target' && typeof (node as { id?: unknown }).id === 'string';
}
