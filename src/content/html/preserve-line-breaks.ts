import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Elements whose text keeps its own line breaks (or must not gain `<br>`s). */
const VERBATIM = new Set(['pre', 'code', 'script', 'style', 'textarea', 'math']);

/**
 * `#+OPTIONS: \n:t` (ox-html's "preserve line breaks"): every line break inside
 * running text becomes a `<br>`, as the author typed it. Code, preformatted
 * blocks and math keep their text as it is.
 */
export function preserveLineBreaks(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (VERBATIM.has(node.tagName)) return SKIP;
    if (!node.children.some((c) => c.type === 'text' && c.value.includes('\n'))) return undefined;
    const out: ElementContent[] = [];
    node.children.forEach((child, i) => {
      if (child.type !== 'text' || !child.value.includes('\n')) {
        out.push(child);
        return;
      }
      // A break at the very end of the element's text ends the paragraph: no <br> there.
      const isLast = i === node.children.length - 1;
      const value = isLast ? child.value.replace(/\n+$/, '') : child.value;
      value.split('\n').forEach((part, j) => {
        if (j > 0) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: '\n' });
        if (part) out.push({ type: 'text', value: part });
      });
      if (isLast && value !== child.value) out.push({ type: 'text', value: '\n' });
    });
    node.children = out;
    return undefined;
  });
}
