/**
 * Ordered lists whose items set their number (`[@5]`, `[@e]`) → `<ol>` with
 * `<li value="5">`, as ox-html: the item shows that number and the ones
 * after it go on from there. A letter counter is its place in the alphabet
 * (`value` takes a number; the theme decides how numbers look). Other lists
 * are left to the other handlers (returns null).
 */
import type { ElementContent } from 'hast';
import type { PlainListHandler } from './description-list.js';
import { contents } from './list-parts.js';

export const orderedListHandler: PlainListHandler = function (org) {
  if (org.listType !== 'ordered' || !org.children.some((item) => item.counter !== null)) return null;
  const items: ElementContent[] = [];
  for (const item of org.children) {
    const value = counterValue(item.counter);
    for (const node of contents(this.toHast([item], org))) {
      if (value !== null && node.type === 'element' && node.tagName === 'li') node.properties.value = String(value);
      items.push(node);
    }
  }
  return this.h(org, 'ol', {}, items);
};

function counterValue(counter: string | null): number | null {
  if (counter === null) return null;
  if (/^\d+$/.test(counter)) return Number(counter);
  if (/^[a-z]$/i.test(counter)) return counter.toLowerCase().charCodeAt(0) - 96;
  return null;
}
