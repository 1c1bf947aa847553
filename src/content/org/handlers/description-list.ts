/**
 * Description lists (`- term :: description`) → `<dl class="org-dl">` with
 * `<dt>`/`<dd>` pairs, as ox-html: a description that is a single
 * paragraph (or a paragraph followed by a nested list) is not wrapped in
 * `<p>`, and an item's checkbox (`- [X] term :: text`) goes in its term,
 * the same box as a list item's (list-parts.ts). Other lists are left
 * to the other handlers (returns null).
 */
import type { ElementContent, Text } from 'hast';
import type { OrgHandlers } from './index.js';
import { checkboxElement, itemBody } from './list-parts.js';

export type PlainListHandler = NonNullable<OrgHandlers['plain-list']>;

export const descriptionListHandler: PlainListHandler = function (org) {
  if (org.listType !== 'descriptive') return null;
  const items: ElementContent[] = [];
  for (const item of org.children) {
    const [first, ...rest] = item.children;
    const tag = first?.type === 'list-item-tag' ? first : null;
    const body = tag ? rest : item.children;
    const term = tag ? this.toHast(tag.children, tag) : [];
    if (item.checkbox === null) items.push(this.h(item, 'dt', {}, term));
    else {
      const box = [checkboxElement(this, item.checkbox), { type: 'text', value: ' ' } satisfies Text];
      items.push(this.h(item, 'dt', { className: ['checkbox', `checkbox-${item.checkbox}`] }, [...box, ...term]));
    }
    items.push(this.h(null, 'dd', {}, itemBody.call(this, item, body)));
  }
  return this.h(org, 'dl', { className: ['org-dl'] }, items);
};
