/**
 * uniorg-rehype `link` handler: links and inline images.
 *
 * - A link without description to an image file (`[[file:cat.png]]`,
 *   `[[./img/x.jpg]]`, `[[https://…/x.png]]`, a plain `https://…/x.png`)
 *   is an `<img>`; its attributes (`alt`, `#+ATTR_HTML:`, `loading`,
 *   `decoding`) were decided on the org tree by
 *   `transforms/image-attributes.ts` and arrive as `data.hProperties`.
 *   Without them (the transform did not run) it still gets `alt=""`,
 *   `loading="lazy"` and `decoding="async"`.
 * - A link whose description is an image (`[[https://x][file:thumb.png]]`,
 *   see `transforms/image-descriptions.ts`) is `<a href><img></a>`.
 * - Any other link is `<a href>` with its description, or its address when
 *   it has none. Internal links that `resolve-links.ts` resolved already
 *   carry their text as a description; links it could not resolve are
 *   plain text by then and never reach this handler.
 *
 * `file:` links that link resolution left alone (outside the drafts
 * folder) lose their `file:` prefix, as in ox-html, and are URI-encoded as
 * uniorg-rehype does. `javascript:` and `data:` addresses are taken out
 * later, for org and markdown alike (`html/neutralize-unsafe-urls.ts`);
 * the element carries the link's position so that warning can point at it.
 */
import type { Element, ElementContent } from 'hast';
import type { Link } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import { isImageLink } from '../transforms/image-attributes.js';

type LinkHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['link']>;
type Converter = ThisParameterType<LinkHandler>;

export const linkHandler: LinkHandler = function linkHandler(this: Converter, org: Link): Element {
  const href = org.linkType === 'file' ? encodeURI(org.rawLink.replace(/^file:/, '')) : org.rawLink;
  if (isImageLink(org)) {
    return withPosition(this.h(org, 'img', { src: href, alt: '', loading: 'lazy', decoding: 'async' }), org);
  }
  const children: ElementContent[] =
    org.children.length > 0
      ? this.toHast(org.children, org).filter((n): n is ElementContent => n.type !== 'doctype')
      : [{ type: 'text', value: org.rawLink }];
  return withPosition(this.h(org, 'a', { href }, children), org);
};

/** uniorg-rehype's `h` leaves positions out; diagnostics about the link need one. */
function withPosition(el: Element, org: Link): Element {
  if (org.position) el.position = { start: { ...org.position.start }, end: { ...org.position.end } };
  return el;
}
