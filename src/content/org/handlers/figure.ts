/**
 * uniorg-rehype `paragraph` handler for figures: a paragraph that holds
 * nothing but one image (or one link around an image) and has a
 * `#+CAPTION:` or a `#+NAME:` becomes
 *
 *   <figure id="NAME"><img …><figcaption>caption</figcaption></figure>
 *
 * The id is made from `#+NAME:` the way table ids are (`sanitiseId`), so
 * `[[NAME]]` links resolve to it (see `resolve-links.ts`). Every other
 * paragraph — an uncaptioned lone image included — is left to the built-in
 * conversion (`null`), which keeps ox-html's paragraph rules in lists.
 *
 * ox-html wraps every standalone image, captioned or not, in
 * `<div class="figure">` with the caption in a `<p>` after a
 * "Figure N:" number (`<figure>`/`<figcaption>` with `html5-fancy`). We
 * use `<figure>` only when there is a caption or name to carry, and print
 * no figure number.
 */
import type { Element, ElementContent } from 'hast';
import type { Paragraph } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import { captionObjects, keywordString } from '../affiliated-keywords.js';
import { standaloneImage } from '../transforms/image-attributes.js';
import { sanitiseId } from './table/html-attributes.js';

type ParagraphHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['paragraph']>;
type Converter = ThisParameterType<ParagraphHandler>;

export const figureHandler: ParagraphHandler = function figureHandler(this: Converter, org: Paragraph): Element | null {
  const image = standaloneImage(org);
  if (!image) return null;
  const caption = captionObjects(org.affiliated);
  const name = keywordString(org.affiliated, 'NAME');
  if (caption.length === 0 && name === undefined) return null;

  const id = name === undefined ? undefined : sanitiseId(name);
  const children: ElementContent[] = contents(this.toHast([image], org));
  if (caption.length > 0) children.push(this.h(null, 'figcaption', {}, contents(this.toHast(caption, org))));
  return this.h(null, 'figure', id ? { id } : {}, children);
};

function contents(nodes: ReturnType<Converter['toHast']>): ElementContent[] {
  return nodes.filter((n): n is ElementContent => n.type !== 'doctype');
}
