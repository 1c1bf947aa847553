/**
 * Pieces the list handlers share (checkbox-item.ts for list items,
 * description-list.ts for description lists).
 */
import type { Element, ElementContent, Properties, Text } from 'hast';
import type { ListItem } from 'uniorg';
import type { PlainListHandler } from './description-list.js';

type Converter = ThisParameterType<PlainListHandler>;
type Checkbox = NonNullable<ListItem['checkbox']>;

/** The box for a checkbox state: a disabled `<input>`, or for `[-]` a `role="checkbox"` element in the mixed state. */
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

/** What an item's first line (its `<li>`, or its term's `<dt>`) gets for a checkbox: the state classes, and the box with a space after it. */
export function checkboxLead(converter: Converter, state: Checkbox): { className: string[]; lead: ElementContent[] } {
  const space: Text = { type: 'text', value: ' ' };
  return { className: ['checkbox', `checkbox-${state}`], lead: [checkboxElement(converter, state), space] };
}

/** Converted nodes that can sit in an element (a doctype cannot). */
export function contents(nodes: ReturnType<Converter['toHast']>): ElementContent[] {
  return nodes.filter((n): n is ElementContent => n.type !== 'doctype');
}

/**
 * What follows an item's tag: a lone paragraph (or one followed by a nested
 * list) without its `<p>`, as ox-html.
 */
export function itemBody(this: Converter, item: ListItem, body: ListItem['children']): ElementContent[] {
  const [first, second] = body;
  const bare = first?.type === 'paragraph' && (body.length === 1 || (body.length === 2 && second?.type === 'plain-list'));
  if (!bare) return contents(this.toHast(body, item));
  const text = contents(this.toHast(first.children, first));
  return [...trimEnd(text), ...contents(this.toHast(body.slice(1), item))];
}

/** The paragraph's final newline is not part of the description. */
function trimEnd(nodes: ElementContent[]): ElementContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return nodes;
  return [...nodes.slice(0, -1), { ...last, value: last.value.replace(/\s+$/, '') }];
}
