import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('footnotes', () => {
  it('renders a reference as a numbered note link', () => {
    const { tree } = renderOrg('Claim[fn:1].\n\n[fn:1] Source.\n');
    const a = one(tree, 'p > sup > a.footref');
    expect(a.properties).toMatchObject({ id: 'fnr.1', href: '#fn.1', role: 'doc-noteref' });
    expect(text(a)).toBe('1');
  });

  it('collects definitions in a footnotes section at the end, with a link back', () => {
    const { tree } = renderOrg('Claim[fn:1].\n\n[fn:1] Source.\n');
    const section = one(tree, 'section.footnotes');
    expect(section.properties['role']).toBe('doc-endnotes');
    expect(tree.children.filter((c) => c.type === 'element').at(-1)).toBe(section);
    expect(text(one(section, 'h2.footnotes-title'))).toBe('Footnotes');
    const li = one(section, 'ol > li#fn\\.1');
    expect(text(one(li, 'p'))).toBe('Source.');
    const back = one(li, 'a.footback');
    expect(back.properties).toMatchObject({ href: '#fnr.1', role: 'doc-backlink' });
    expect(text(back)).toBe('↩');
  });

  it('keeps the definition out of the text where it stands', () => {
    const { tree } = renderOrg('Claim[fn:1].\n\n[fn:1] Source.\n\n\nAfter.\n');
    const paragraphs = tree.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p');
    expect(paragraphs.map(text)).toEqual(['Claim1.', 'After.']);
  });

  it('numbers footnotes in order of first reference, whatever their labels', () => {
    const { tree } = renderOrg('A[fn:z] B[fn:a].\n\n[fn:a] Alpha.\n[fn:z] Zulu.\n');
    expect(all(tree, 'a.footref').map(text)).toEqual(['1', '2']);
    expect(all(tree, '.footnotes li p').map(text)).toEqual(['Zulu.', 'Alpha.']);
  });

  it('gives a footnote referenced twice one entry, and the second reference no duplicate id', () => {
    const { tree } = renderOrg('A[fn:1] and again[fn:1].\n\n[fn:1] Once.\n');
    const refs = all(tree, 'a.footref');
    expect(refs.map((a) => a.properties['href'])).toEqual(['#fn.1', '#fn.1']);
    expect(refs.map((a) => a.properties['id'])).toEqual(['fnr.1', undefined]);
    expect(all(tree, '.footnotes li')).toHaveLength(1);
  });

  it('renders inline footnotes [fn:: text] in the section', () => {
    const { tree } = renderOrg('Claim[fn:: An *inline* note.].\n');
    expect(text(one(tree, '#fn\\.1 p'))).toBe('An inline note.');
    expect(one(tree, '#fn\\.1 p strong')).toBeTruthy();
  });

  it('lets a named inline footnote [fn:name: text] be referenced again by name', () => {
    const { tree } = renderOrg('First[fn:n: Named note.] then[fn:n].\n');
    expect(all(tree, 'a.footref').map(text)).toEqual(['1', '1']);
    expect(all(tree, '.footnotes li').map((li) => text(one(li, 'p')))).toEqual(['Named note.']);
  });

  it('never shows a "Footnotes" headline or an <h1> in the outline', () => {
    const { tree, doc } = renderOrg('* Post\nClaim[fn:1].\n* Footnotes\n[fn:1] Source.\n');
    expect(all(tree, 'h1')).toHaveLength(0);
    expect(all(tree, 'h2').map(text).filter((t) => t.startsWith('Footnotes'))).toEqual(['Footnotes']);
    expect(classes(one(tree, 'h2.footnotes-title'))).toEqual(['footnotes-title']);
    expect(doc.toc.map((e) => e.text)).toEqual(['Post']);
    expect(text(one(tree, '#fn\\.1 p'))).toBe('Source.');
  });

  it('uses definitions that sit in an excluded subtree, as Emacs does', () => {
    const { tree } = renderOrg('Claim[fn:1].\n* Notes :noexport:\n[fn:1] Hidden source.\n');
    expect(text(one(tree, '#fn\\.1 p'))).toBe('Hidden source.');
    expect(all(tree, 'h2').filter((h) => !classes(h).includes('footnotes-title'))).toHaveLength(0);
  });

  it('shows no unreferenced definition', () => {
    const { tree } = renderOrg('No notes.\n\n[fn:1] Orphan.\n');
    expect(all(tree, '.footnotes')).toHaveLength(0);
    expect(text(tree)).toBe('No notes.');
  });

  it('numbers a footnote referenced inside another right after it', () => {
    const { tree } = renderOrg('A[fn:1] B[fn:2].\n\n[fn:1] One, see[fn:3].\n[fn:2] Two.\n[fn:3] Three.\n');
    expect(all(tree, '.footnotes li p').map(text)).toEqual(['One, see2.', 'Three.', 'Two.']);
  });

  it('drops references and definitions with f:nil', () => {
    const { tree } = renderOrg('#+OPTIONS: f:nil\nClaim[fn:1].\n\n[fn:1] Source.\n');
    expect(all(tree, '.footref, .footnotes')).toHaveLength(0);
    expect(text(tree)).toBe('Claim.');
  });

  it('warns about a reference without a definition and shows it as written', () => {
    const { tree, diagnostics } = renderOrg('Claim[fn:nope].\n');
    expect(text(tree)).toBe('Claim[fn:nope].');
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'org/footnote-undefined', line: 3, column: 6 }]);
  });

  it('keeps TODO comments inside a footnote out of the published page', () => {
    const { doc } = renderOrg('Claim[fn:1].\n\n[fn:1] Source.\n# TODO: find a better source\n');
    expect(doc.todos).toHaveLength(1);
    expect(doc.html).not.toContain('better source');
  });
});
