/**
 * `[[https://example.com/big.png][file:thumb.png]]`: a link whose
 * description is an image link shows the image, linked (org manual,
 * "Images in HTML export"). In org the description is parsed as a plain
 * link; uniorg-parse 3.2.2 leaves it as text. This pass turns such a
 * description into the link node org would have made, so that link
 * resolution gives `file:` images their `/media/` URL and the link handler
 * renders `<a href><img></a>`.
 *
 * Only a description that is exactly one `type:path` link to an image
 * counts (`file:`, `http:`, `https:`), as in org, where `./thumb.png`
 * alone in a description is not a link.
 */
import type { Link, ObjectType, OrgData } from 'uniorg';
import { visit } from 'unist-util-visit';
import { IMAGE_EXTENSION } from './image-attributes.js';

const DESCRIPTION_IMAGE = /^(file|https?):(\S+)$/i;

export function parseImageDescriptions(tree: OrgData): void {
  visit(tree, 'link', (node: Link) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (!only || only.type !== 'text') return;
    const raw = only.value.trim();
    const m = DESCRIPTION_IMAGE.exec(raw);
    if (!m || !IMAGE_EXTENSION.test(raw)) return;
    const linkType = (m[1] ?? '').toLowerCase();
    const image: Link = {
      type: 'link',
      format: 'plain',
      linkType,
      rawLink: raw,
      path: linkType === 'file' ? (m[2] ?? '') : raw.slice(linkType.length + 1),
      children: [],
    };
    if (only.position) image.position = only.position;
    node.children = [image as ObjectType];
  });
}
