/**
 * Gives markdown footnotes (remark-gfm, via remark-rehype) the markup org
 * footnotes have, which the theme styles (see `content/org/handlers/footnotes.ts`):
 * references `<sup><a class="footref" id="fnr.1" href="#fn.1" role="doc-noteref">1</a></sup>`
 * (a repeated reference without id), and the end section
 * `<section class="footnotes" role="doc-endnotes">` with a
 * `footnotes-title` heading (`<h1>` before `shiftHeadings`), `<li id="fn.1">`
 * and one `<a class="footback" href="#fnr.1" role="doc-backlink">↩</a>` each.
 *
 * Run it on the hast tree from remark-rehype, before `shiftHeadings`.
 * Mutates `tree`; a tree without footnotes is left alone.
 */
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

export function orgStyleFootnotes(tree: Root): void {
  const section = findSection(tree);
  if (!section) return;
  const list = section.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
  if (!list) return;

  // remark numbers footnotes in order of first reference, which is the list order.
  const numberOf = new Map<string, number>();
  list.children.forEach((li) => {
    if (li.type !== 'element' || li.tagName !== 'li') return;
    const n = numberOf.size + 1;
    if (typeof li.properties.id === 'string') numberOf.set(li.properties.id, n);
    li.properties = { id: `fn.${n}` };
    fixBackrefs(li, n);
  });

  section.properties = { className: ['footnotes'], role: 'doc-endnotes' };
  section.children = section.children.map((child) =>
    child.type === 'element' && /^h[1-6]$/.test(child.tagName)
      ? { type: 'element', tagName: 'h1', properties: { className: ['footnotes-title'] }, children: [{ type: 'text', value: 'Footnotes' }] }
      : child,
  );

  const seen = new Set<number>();
  visit(tree, 'element', (node) => {
    if (node === section) return SKIP;
    if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return;
    const href = typeof node.properties.href === 'string' ? node.properties.href.replace(/^#/, '') : '';
    const n = numberOf.get(href);
    if (n === undefined) return;
    node.properties = { className: ['footref'], ...(seen.has(n) ? {} : { id: `fnr.${n}` }), href: `#fn.${n}`, role: 'doc-noteref' };
    seen.add(n);
    return undefined;
  });
}

function findSection(tree: Root): Element | null {
  let found: Element | null = null;
  visit(tree, 'element', (node) => {
    if (found) return SKIP;
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      found = node;
      return SKIP;
    }
    return undefined;
  });
  return found;
}

/** Keeps the first back-reference (to the first reference, the one with an id) and drops the others. */
function fixBackrefs(li: Element, n: number): void {
  let first = true;
  visit(li, 'element', (node, index, parent) => {
    if (node.tagName !== 'a' || node.properties.dataFootnoteBackref === undefined) return undefined;
    if (first) {
      first = false;
      node.properties = { className: ['footback'], href: `#fnr.${n}`, role: 'doc-backlink', ariaLabel: `Back to reference ${n}` };
      node.children = [{ type: 'text', value: '↩' }];
      return SKIP;
    }
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      // Also drop the space remark put before it; go on with the node that followed.
      const before = parent.children[index - 1];
      if (before?.type === 'text' && before.value.trim() === '') {
        parent.children.splice(index - 1, 1);
        return index - 1;
      }
      return index;
    }
    return undefined;
  });
}
