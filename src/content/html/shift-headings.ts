import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * The page's title is the only `<h1>`: a post's top-level headings
 * (`* Heading` in org, `# Heading` in markdown) become `<h2>`, and so on down;
 * `<h6>` is as deep as HTML goes.
 */
export function shiftHeadings(tree: Root, by = 1): void {
  visit(tree, 'element', (node) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m) node.tagName = `h${Math.min(6, Number(m[1]) + by)}`;
  });
}
