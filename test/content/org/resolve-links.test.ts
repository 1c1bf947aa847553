import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../helpers/render-org.js';

const hrefs = (tree: Parameters<typeof all>[0]) => all(tree, 'p a').map((a) => [a.properties['href'], text(a)]);

describe('links inside the post', () => {
  it('resolves [[words]] to the dedicated target <<words>>', () => {
    const { tree, diagnostics } = renderOrg('A <<the spot>> here.\n\nBack to [[the spot]].\n');
    expect(hrefs(tree)).toEqual([['#the-spot', 'the spot']]);
    expect(one(tree, '#the-spot').tagName).toBe('span');
    expect(diagnostics).toEqual([]);
  });

  it('prefers a target over a heading with the same words, as org does', () => {
    const { tree } = renderOrg('* Setup\nText.\n\n* Later\nThe <<Setup>> target. See [[Setup]].\n');
    expect(hrefs(tree)).toEqual([['#setup', 'Setup']]);
    expect(one(tree, 'span.target').properties['id']).toBe('setup');
    expect(one(tree, 'h2').properties['id']).not.toBe('setup');
  });

  it('falls back to a heading with that title, ignoring white space and statistics cookies', () => {
    const { tree, diagnostics } = renderOrg('* Getting  started [1/2]\nSee [[Getting started]].\n');
    const h2 = one(tree, 'h2');
    expect(hrefs(tree)).toEqual([[`#${String(h2.properties['id'])}`, 'Getting started [1/2]']]);
    expect(diagnostics).toEqual([]);
  });

  it('resolves [[name]] to a named table and a named figure', () => {
    const { tree } = renderOrg(
      '#+NAME: tbl:data\n| 1 |\n\n#+NAME: fig:cat\n#+CAPTION: Cat.\n[[file:cat.png]]\n\nSee [[tbl:data]] and [[fig:cat]].\n',
    );
    expect(hrefs(tree)).toEqual([
      ['#tbl:data', 'tbl:data'],
      ['#fig:cat', 'fig:cat'],
    ]);
    expect(one(tree, 'table').properties['id']).toBe('tbl:data');
    expect(one(tree, 'figure').properties['id']).toBe('fig:cat');
  });

  it('shows a [[*Heading]] link without description by the heading title', () => {
    const { tree } = renderOrg('* Heading One\nSee [[*Heading One]] and [[*heading one][this]].\n');
    expect(hrefs(tree)).toEqual([
      ['#heading-one', 'Heading One'],
      ['#heading-one', 'this'],
    ]);
  });

  it('keeps [[#custom-id]] links, shown by the title of the heading with that id', () => {
    const { tree } = renderOrg('* Install\n:PROPERTIES:\n:CUSTOM_ID: install\n:END:\nSee [[#install]] and [[#elsewhere][there]].\n');
    expect(hrefs(tree)).toEqual([
      ['#install', 'Install'],
      ['#elsewhere', 'there'],
    ]);
  });

  it('renders a fuzzy link that leads nowhere as plain text and warns with its position', () => {
    const { tree, diagnostics, doc } = renderOrg('Intro.\n\nSee [[nowhere]] and [[gone][the *gone* part]].\n');
    expect(all(tree, 'a')).toHaveLength(0);
    expect(text(one(tree, 'p:last-child'))).toBe('See nowhere and the gone part.');
    expect(one(tree, 'p:last-child strong')).toBeTruthy();
    expect(doc.html).not.toContain('href');
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([
      [5, 5, 'warning', 'link/unresolved'],
      [5, 21, 'warning', 'link/unresolved'],
    ]);
    expect(diagnostics[0]?.message).toContain('nowhere');
  });

  it('renders a [[*Heading]] link to no heading as plain text, with a warning', () => {
    const { tree, diagnostics } = renderOrg('* Real\nSee [[*Imaginary]].\n');
    expect(all(tree, 'p a')).toHaveLength(0);
    expect(text(one(tree, 'p'))).toBe('See Imaginary.');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('Imaginary');
  });
});
