import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('figures', () => {
  it('renders a captioned lone image as <figure> with <figcaption>', () => {
    const { tree } = renderOrg('#+CAPTION: A cat on a mat.\n[[file:cat.png]]\n');
    const figure = one(tree, 'figure');
    expect(one(figure, ':scope > img').properties['src']).toBe('/media/cat.png');
    expect(text(one(figure, ':scope > figcaption'))).toBe('A cat on a mat.');
    expect(all(tree, 'p')).toHaveLength(0);
  });

  it('gives the figure the #+NAME: as id', () => {
    const { tree } = renderOrg('#+CAPTION: A cat.\n#+NAME: fig:cat\n[[file:cat.png]]\n');
    expect(one(tree, 'figure').properties['id']).toBe('fig:cat');
  });

  it('renders inline markup in the caption', () => {
    const { tree } = renderOrg('#+CAPTION: A /very/ big cat.\n[[file:cat.png]]\n');
    expect(text(one(tree, 'figcaption em'))).toBe('very');
  });

  it('renders a captioned linked image as a figure holding the link', () => {
    const { tree } = renderOrg('#+CAPTION: Click to enlarge.\n[[https://example.com/big.png][file:thumb.png]]\n');
    expect(one(tree, 'figure > a > img').properties['src']).toBe('/media/thumb.png');
  });

  it('leaves an uncaptioned lone image in a paragraph', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :alt A cat\n[[file:cat.png]]\n');
    expect(all(tree, 'figure')).toHaveLength(0);
    expect(one(tree, 'p > img').properties['alt']).toBe('A cat');
  });

  it('does not make a figure of a captioned paragraph with text beside the image', () => {
    const { tree } = renderOrg('#+CAPTION: Ignored.\nSee [[file:cat.png]] here.\n');
    expect(all(tree, 'figure, figcaption')).toHaveLength(0);
  });
});
