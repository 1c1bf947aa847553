import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { TocEntry } from '../document.js';

const HEADING = /^h([2-6])$/;

/**
 * Gives every heading a stable id (GitHub's slug rules, so links people
 * already share keep working; an id set by the author, e.g. org's
 * `:CUSTOM_ID:`, wins) and a visible-on-hover anchor link, and returns the
 * outline for the table of contents.
 */
export function addHeadingIds(tree: Root): TocEntry[] {
  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  // One walk: author-given ids are reserved as it meets them, and headings get theirs
  // after it, so generated ids never collide with any author's, wherever it stands.
  const headings: { node: Element; depth: number }[] = [];
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
    const m = HEADING.exec(node.tagName);
    if (m && !hasClass(node, 'footnotes-title')) headings.push({ node, depth: Number(m[1]) });
  });
  for (const { node, depth } of headings) {
    const text = headingText(node);
    let id = typeof node.properties.id === 'string' ? node.properties.id : '';
    if (!id) {
      id = slugger.slug(text) || slugger.slug('section');
      node.properties.id = id;
    }
    toc.push({ depth, id, text });
    node.children.push(
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${text}` },
        children: [{ type: 'text', value: '#' }],
      },
    );
  }
  return toc;
}

/** Heading text without TODO keywords, priorities and tags (they are not part of the title). */
function headingText(node: Element): string {
  const parts: string[] = [];
  for (const child of node.children) {
    if (child.type === 'element' && ['todo-keyword', 'priority', 'tags', 'heading-anchor', 'section-number'].some((c) => hasClass(child, c))) continue;
    parts.push(toString(child));
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) ? c.includes(name) : c === name;
}
