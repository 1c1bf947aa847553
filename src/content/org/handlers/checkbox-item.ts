/**
 * uniorg-rehype `list-item` handler for checkbox items (`- [ ]`, `- [X]`,
 * `- [-]`) and tagged items of lists that are not description lists (below);
 * other items are left to the built-in conversion.
 *
 *   - [ ] a   → <li class="checkbox checkbox-off"><input type="checkbox" disabled> a</li>
 *   - [X] b   → <li class="checkbox checkbox-on"><input type="checkbox" disabled checked> b</li>
 *   - [-] c   → <li class="checkbox checkbox-trans"><span class="checkbox-partial" role="checkbox"
 *                  aria-checked="mixed" aria-disabled="true" data-state="partial"></span> c</li>
 *
 * ox-html prints the box as text (`<li class="on"><code>[X]</code> b</li>`);
 * we use real, disabled checkboxes so that readers and assistive technology
 * get a checkbox with its state. A partly done item cannot be a plain
 * `<input>`: HTML has no attribute for the "indeterminate" state (only a
 * script can set it), and ARIA in HTML forbids `aria-checked` on
 * `<input type="checkbox">`. So it is a `role="checkbox"` element with
 * `aria-checked="mixed"`, which the theme draws like the others.
 *
 * The box goes inside the item's first paragraph when the item renders
 * one (an item with several paragraphs), so it sits on the first line.
 * Items of description lists never come here: the `plain-list` handler
 * converts them (description-list.ts).
 *
 * It also converts an item with a tag (`- term :: text`) in a list that is
 * not a description list (its first item has no tag): uniorg-rehype would
 * put a `<dt>`/`<dd>` pair in the `<ul>` or `<ol>`, which HTML does not
 * allow, and ox-html makes the term the item's `id` and shows only the
 * text. The item stays an `<li>` and shows what the author wrote,
 * `term :: text`, with the term's markup.
 */
import type { Element, ElementContent, Text } from 'hast';
import type { ListItem } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import { checkboxLead, contents, itemBody } from './list-parts.js';

type ListItemHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['list-item']>;
type Converter = ThisParameterType<ListItemHandler>;

export const checkboxItemHandler: ListItemHandler = function checkboxItemHandler(
  this: Converter,
  org: ListItem,
): Element | null {
  const [first, ...rest] = org.children;
  const tag = first?.type === 'list-item-tag' ? first : null;
  if (org.checkbox === null && !tag) return null;
  const box = org.checkbox === null ? null : checkboxLead(this, org.checkbox);
  const lead: ElementContent[] = [...(box?.lead ?? [])];
  if (tag) lead.push(...contents(this.toHast(tag.children, tag)), { type: 'text', value: ' :: ' } satisfies Text);
  const children = tag ? itemBody.call(this, org, rest) : contents(this.toHast(org.children, org));
  const head = children[0];
  if (head?.type === 'element' && head.tagName === 'p') head.children.unshift(...lead);
  else children.unshift(...lead);
  return this.h(org, 'li', box ? { className: box.className } : {}, children);
};
