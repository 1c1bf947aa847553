/**
 * Special blocks (`#+BEGIN_NOTE` … `#+END_NOTE`), as ox-html with
 * `html5-fancy`: an HTML5 element name (`aside`, `details`, `figure`…)
 * becomes that element; any other name a `<div>` with the name as class.
 *
 * Deliberate differences from ox-html: the class is lower-cased (`NOTE` and
 * `note` style alike; CSS classes are case-sensitive), and every such div
 * also gets `special-block`, so a theme can style all of them at once.
 */
import type { OrgHandlers } from './index.js';

export type SpecialBlockHandler = NonNullable<OrgHandlers['special-block']>;

/** `org-html-html5-elements`. */
export const HTML5_BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'audio',
  'canvas',
  'details',
  'figcaption',
  'figure',
  'footer',
  'header',
  'menu',
  'meter',
  'nav',
  'output',
  'progress',
  'section',
  'summary',
  'video',
]);

export const specialBlockHandler: SpecialBlockHandler = function (org) {
  const name = org.blockType.toLowerCase();
  const children = this.toHast(org.children, org);
  if (HTML5_BLOCK_ELEMENTS.has(name)) return this.h(org, name, {}, children);
  return this.h(org, 'div', { className: [name, 'special-block'] }, children);
};
