/**
 * Description lists (`- term :: description`) → `<dl class="org-dl">` with
 * `<dt>`/`<dd>` pairs, as ox-html: a description that is a single
 * paragraph (or a paragraph followed by a nested list) is not wrapped in
 * `<p>`, and an item's checkbox (`- [X] term :: text`) goes in its term,
 * the same box as a list item's (list-parts.ts). Other lists are left
 * to the other handlers (returns null).
 */
import type { ElementContent } from 'hast';
import type { OrgHandlers } from './index.js';
import { checkboxLead, contents, itemBody } from './list-parts.js';

export type PlainListHandler = NonNullable<OrgHandlers['plain-list']>;

export const descriptionListHandler: PlainListHandler = function (org) {
  if (org.listType !== 'descriptive') return null;
  const items: ElementContent[] = [];
  for (const item of org.children) {
    const [first, ...rest] = item.children;
    const tag = first?.type === 'list-item-tag' ? first : null;
    const body = tag ? rest : item.children;
    const term = tag ? contents(this.toHast(tag.children, tag)) : [];
    const box = item.checkbox === null ? null : checkboxLead(this, item.checkbox);
    items.push(this.h(item, 'dt', box ? { className: box.className } : {}, [...(box?.lead ?? []), ...term]));
    items.push(this.h(null, 'dd', {}, itemBody.call(this, item, body)));
  }
  return this.h(org, 'dl', { className: ['org-dl'] }, items);
};
