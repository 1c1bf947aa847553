/**
 * Description lists (`- term :: description`) → `<dl class="org-dl">` with
 * `<dt>`/`<dd>` pairs, as ox-html: a description that is a single
 * paragraph (or a paragraph followed by a nested list) is not wrapped in
 * `<p>`. Other lists are left to the built-in conversion (returns null).
 */
import type { ElementContent } from 'hast';
import type { ListItem } from 'uniorg';
import type { OrgHandlers } from './index.js';

export type PlainListHandler = NonNullable<OrgHandlers['plain-list']>;

export const descriptionListHandler: PlainListHandler = function (org) {
  if (org.listType !== 'descriptive') return null;
  const items: ElementContent[] = [];
  for (const item of org.children) {
    const [first, ...rest] = item.children;
    const tag = first?.type === 'list-item-tag' ? first : null;
    const body = tag ? rest : item.children;
    items.push(this.h(item, 'dt', {}, tag ? this.toHast(tag.children, tag) : []));
    items.push(this.h(null, 'dd', {}, itemBody.call(this, item, body)));
  }
  return this.h(org, 'dl', { className: ['org-dl'] }, items);
};

type This = ThisParameterType<PlainListHandler>;

/**
 * What follows an item's tag: a lone paragraph (or one followed by a nested
 * list) without its `<p>`, as ox-html. Also used for the rare tagged item of
 * a list that is not a description list (src/content/org/handlers/checkbox-item.ts).
 */
export function itemBody(this: This, item: ListItem, body: ListItem['children']): ElementContent[] {
  const [first, second] = body;
  const bare = first?.type === 'paragraph' && (body.length === 1 || (body.length === 2 && second?.type === 'plain-list'));
  if (!bare) return this.toHast(body, item) as ElementContent[];
  const text = this.toHast(first.children, first) as ElementContent[];
  return [...trimEnd(text), ...(this.toHast(body.slice(1), item) as ElementContent[])];
}

/** The paragraph's final newline is not part of the description. */
function trimEnd(nodes: ElementContent[]): ElementContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return nodes;
  return [...nodes.slice(0, -1), { ...last, value: last.value.replace(/\s+$/, '') }];
}
