/**
 * uniorg-rehype `list-item` handler for checkbox items (`- [ ]`, `- [X]`,
 * `- [-]`); items without a checkbox are left to the built-in conversion.
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
 * Items of description lists are left to the `plain-list` handler.
 */
import type { Element, ElementContent, Properties, Text } from 'hast';
import type { ListItem } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';

type ListItemHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['list-item']>;
type Converter = ThisParameterType<ListItemHandler>;
type Checkbox = NonNullable<ListItem['checkbox']>;

export const checkboxItemHandler: ListItemHandler = function checkboxItemHandler(
  this: Converter,
  org: ListItem,
): Element | null {
  if (org.checkbox === null) return null;
  const classes = ['checkbox', `checkbox-${org.checkbox}`];
  const box = checkboxElement(this, org.checkbox);

  // Items of description lists are converted by the `plain-list` handler (description-list.ts).
  if (org.children[0]?.type === 'list-item-tag') return null;
  const space: Text = { type: 'text', value: ' ' };
  const children = contents(this.toHast(org.children, org));
  const head = children[0];
  if (head?.type === 'element' && head.tagName === 'p') head.children.unshift(box, space);
  else children.unshift(box, space);
  return this.h(org, 'li', { className: classes }, children);
};

function checkboxElement(converter: Converter, state: Checkbox): Element {
  if (state === 'trans') {
    const properties: Properties = {
      className: ['checkbox-partial'],
      role: 'checkbox',
      ariaChecked: 'mixed',
      ariaDisabled: 'true',
      dataState: 'partial',
    };
    return converter.h(null, 'span', properties);
  }
  return converter.h(null, 'input', { type: 'checkbox', disabled: true, checked: state === 'on' });
}

function contents(nodes: ReturnType<Converter['toHast']>): ElementContent[] {
  return nodes.filter((n): n is ElementContent => n.type !== 'doctype');
}
