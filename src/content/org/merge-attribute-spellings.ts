/**
 * `#+ATTR_HTML: :class wide :tabindex 0` reaches uniorg-rehype's elements
 * with the attribute names as written (`class`, `tabindex`), next to the
 * hast names a handler set (`className`, `tabIndex`): both were written out,
 * and `<dl class="org-dl" class="wide">` is a duplicate attribute the
 * browser drops (the author's class was lost). Each written name is merged
 * into its hast name: classes add up, any other value of the author's wins
 * (as it does in uniorg-rehype when the names match).
 */
import type { Element, Root } from 'hast';
import { find, html } from 'property-information';

export function mergeAttributeSpellings(tree: Root): void {
  const stack: (Root | Element)[] = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      stack.push(child);
      const props = child.properties;
      for (const written of Object.keys(props)) {
        const name = find(html, written).property;
        if (name === written) continue;
        const value = props[written];
        delete props[written];
        if (name === 'className') {
          const before = props['className'];
          const list = before === undefined || before === null ? [] : Array.isArray(before) ? before.map(String) : String(before).split(/\s+/);
          const added = String(value ?? '').split(/\s+/);
          props['className'] = [...new Set([...list, ...added].filter((c) => c !== ''))];
        } else {
          props[name] = value;
        }
      }
    }
  }
}
