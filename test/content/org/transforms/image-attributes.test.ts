import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg } from '../../../helpers/render-org.js';

describe('image attributes', () => {
  it('puts #+ATTR_HTML on the image, without the quotes around values', () => {
    const { tree, diagnostics } = renderOrg('#+ATTR_HTML: :width 300 :alt "A cat" :class photo wide\n[[file:cat.png]]\n');
    const img = one(tree, 'img');
    expect(img.properties['width']).toBe(300);
    expect(img.properties['alt']).toBe('A cat');
    expect(classes(img)).toEqual(['photo', 'wide']);
    expect(diagnostics).toEqual([]);
  });

  it('does not copy the image attributes onto the paragraph', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :width 300 :alt "A cat"\n[[file:cat.png]]\n');
    const p = one(tree, 'p');
    expect(p.properties['width']).toBeUndefined();
    expect(p.properties['alt']).toBeUndefined();
  });

  it('loads images lazily and decodes them asynchronously unless the author says otherwise', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :alt a\n[[file:a.png]]\n\n#+ATTR_HTML: :alt b :loading eager\n[[file:b.png]]\n');
    const [a, b] = all(tree, 'img');
    expect(a?.properties).toMatchObject({ loading: 'lazy', decoding: 'async' });
    expect(b?.properties).toMatchObject({ loading: 'eager', decoding: 'async' });
  });

  it('drops event handler attributes', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :alt a :onerror alert(1)\n[[file:a.png]]\n');
    expect(Object.keys(one(tree, 'img').properties).some((k) => k.toLowerCase().startsWith('on'))).toBe(false);
  });

  it('takes the alt text from the caption when #+ATTR_HTML gives none', () => {
    const { tree, diagnostics } = renderOrg('#+CAPTION: A \\alpha particle -- fast.\n[[file:p.png]]\n');
    expect(one(tree, 'img').properties['alt']).toBe('A α particle \u2013 fast.');
    expect(diagnostics).toEqual([]);
  });

  it('prefers the ATTR_HTML alt over the caption', () => {
    const { tree } = renderOrg('#+CAPTION: Caption.\n#+ATTR_HTML: :alt Alt\n[[file:p.png]]\n');
    expect(one(tree, 'img').properties['alt']).toBe('Alt');
  });

  it('accepts :alt "" as a decorative image, without a warning', () => {
    const { tree, diagnostics } = renderOrg('#+ATTR_HTML: :alt ""\n[[file:rule.png]]\n');
    expect(one(tree, 'img').properties['alt']).toBe('');
    expect(diagnostics).toEqual([]);
  });

  it('gives an image without alt text an empty alt and warns with its position', () => {
    const { tree, diagnostics } = renderOrg('Intro.\n\n[[file:cat.png]]\n');
    expect(one(tree, 'img').properties['alt']).toBe('');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'drafts/x.org',
      line: 5,
      column: 1,
      severity: 'warning',
      message: 'image has no alt text',
      code: 'image/alt',
    });
    expect(diagnostics[0]?.hint).toContain(':alt');
  });

  it('applies #+ATTR_HTML to the first link of a paragraph only, as org does', () => {
    const { tree, diagnostics } = renderOrg('#+ATTR_HTML: :alt First\n[[file:a.png]] and [[file:b.png]]\n');
    expect(all(tree, 'img').map((i) => i.properties['alt'])).toEqual(['First', '']);
    expect(diagnostics.map((d) => d.column)).toEqual([20]);
    expect(diagnostics[0]?.hint).toContain('paragraph of its own');
  });
});
