import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('links', () => {
  it('links plain URLs in text, without the sentence punctuation after them', () => {
    const { tree } = renderOrg('See https://example.com/a. And (https://example.com/b).\n');
    expect(all(tree, 'a').map((a) => [a.properties['href'], text(a)])).toEqual([
      ['https://example.com/a', 'https://example.com/a'],
      ['https://example.com/b', 'https://example.com/b'],
    ]);
  });

  it('links angle-bracket URLs', () => {
    const { tree } = renderOrg('See <https://example.org/y> now.\n');
    const a = one(tree, 'a');
    expect(a.properties['href']).toBe('https://example.org/y');
    expect(text(a)).toBe('https://example.org/y');
  });

  it('renders bracket links with their description', () => {
    const { tree } = renderOrg('Read [[https://orgmode.org][the *manual*]].\n');
    const a = one(tree, 'a[href="https://orgmode.org"]');
    expect(text(a)).toBe('the manual');
    expect(one(a, 'strong')).toBeTruthy();
  });

  it('renders an image as a link description as a linked image', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :alt Thumbnail\n[[https://example.com/big.png][file:thumb.png]]\n');
    const img = one(tree, 'a[href="https://example.com/big.png"] > img');
    expect(img.properties['src']).toBe('/media/thumb.png');
    expect(img.properties['alt']).toBe('Thumbnail');
  });

  it('renders file: and ./relative image links as images under /media/', () => {
    const { tree, doc } = renderOrg('#+ATTR_HTML: :alt One\n[[file:one.png]]\n\n#+ATTR_HTML: :alt Two\n[[./img/two.jpg]]\n');
    expect(all(tree, 'img').map((i) => i.properties['src'])).toEqual(['/media/one.png', '/media/img/two.jpg']);
    expect(doc.assets.map((a) => a.source)).toEqual(['drafts/one.png', 'drafts/img/two.jpg']);
  });

  it('renders a remote image URL as an image', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :alt Remote\n[[https://example.com/remote.png]]\n');
    expect(one(tree, 'img').properties['src']).toBe('https://example.com/remote.png');
    expect(all(tree, 'a')).toHaveLength(0);
  });

  it('shows a link to a file next to the draft by its path, with its /media/ URL', () => {
    const { tree, doc } = renderOrg('Get [[file:paper.pdf]].\n');
    const a = one(tree, 'a');
    expect(a.properties['href']).toBe('/media/paper.pdf');
    expect(text(a)).toBe('paper.pdf');
    expect(doc.assets.map((x) => x.source)).toEqual(['drafts/paper.pdf']);
  });

  it('shows a link to another post by its path, not by its placeholder', () => {
    const { tree } = renderOrg('See [[file:other.org]].\n');
    expect(text(one(tree, 'a'))).toBe('other.org');
  });
});
