import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import uniorgParse from 'uniorg-parse';
import type { Link, OrgData, Paragraph } from 'uniorg';
import { parseImageDescriptions } from '../../../../src/content/org/transforms/image-descriptions.js';

function firstLink(org: string): Link {
  const tree = unified().use(uniorgParse).parse(org) as OrgData;
  parseImageDescriptions(tree);
  const link = (tree.children[0] as Paragraph).children.find((c): c is Link => c.type === 'link');
  if (!link) throw new Error('no link');
  return link;
}

describe('parseImageDescriptions', () => {
  it('turns a file: image description into an image link', () => {
    const inner = firstLink('[[https://x.org/big.png][file:thumb.png]]\n').children[0] as Link;
    expect(inner).toMatchObject({ type: 'link', linkType: 'file', rawLink: 'file:thumb.png', path: 'thumb.png', children: [] });
  });

  it('turns an https: image description into an image link', () => {
    const inner = firstLink('[[https://x.org][https://x.org/t.webp]]\n').children[0] as Link;
    expect(inner).toMatchObject({ type: 'link', linkType: 'https', rawLink: 'https://x.org/t.webp' });
  });

  it('leaves descriptions that are not a lone image link as text', () => {
    for (const description of ['./thumb.png', 'file:notes.txt', 'a file:thumb.png']) {
      const link = firstLink(`[[https://x.org][${description}]]\n`);
      expect(link.children.map((c) => c.type)).toEqual(['text']);
    }
  });
});
