/**
 * Raw HTML the author wrote with a typo (`<p class="a"<b>`) gives the
 * browser's parser attribute names such as `"a"<b`, which no serialiser can
 * write back: hast-util-to-html escapes the `<`, and the page then holds a
 * different, broken tag. Such attributes meant nothing to the browser
 * either, so they are dropped. Runs after raw HTML is parsed.
 */
import type { Element, Root } from 'hast';

/** Characters an attribute name cannot hold and be written back as itself. */
const UNWRITABLE_NAME = /[\s"'<>/=&`\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export function dropUnwritableAttributes(tree: Root): void {
  const stack: (Root | Element)[] = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      for (const name of Object.keys(child.properties)) if (UNWRITABLE_NAME.test(name)) delete child.properties[name];
      stack.push(child);
    }
  }
}
