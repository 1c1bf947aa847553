import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast } from '../../../src/content/markdown/markdown-to-hast.js';
import { orgStyleFootnotes } from '../../../src/content/markdown/footnote-markup.js';
import { shiftHeadings } from '../../../src/content/html/shift-headings.js';
import { all, classes, one, text } from '../../helpers/render-org.js';

/** Markdown → hast as the content stage makes it, with the transform and the heading shift. */
function render(markdown: string) {
  const { tree } = markdownToHast({ text: markdown, file: 'drafts/x.md', startLine: 1 }, { rawHtml: true });
  orgStyleFootnotes(tree);
  shiftHeadings(tree);
  return fromHtml(toHtml(tree), { fragment: true });
}

describe('markdown footnotes in org markup', () => {
  const tree = render('A[^a] and B[^b] and A again[^a].\n\n[^a]: First *note*.\n[^b]: Second.\n');

  it('renders references like org footnote references', () => {
    const refs = all(tree, 'p > sup > a.footref');
    expect(refs.map((a) => [a.properties['id'], a.properties['href'], a.properties['role'], text(a)])).toEqual([
      ['fnr.1', '#fn.1', 'doc-noteref', '1'],
      ['fnr.2', '#fn.2', 'doc-noteref', '2'],
      [undefined, '#fn.1', 'doc-noteref', '1'],
    ]);
  });

  it('renders the section like the org footnotes section', () => {
    const section = one(tree, 'section.footnotes');
    expect(section.properties['role']).toBe('doc-endnotes');
    expect(classes(one(section, 'h2'))).toEqual(['footnotes-title']);
    expect(text(one(section, 'h2'))).toBe('Footnotes');
    expect(all(section, 'ol > li').map((li) => li.properties['id'])).toEqual(['fn.1', 'fn.2']);
  });

  it('keeps one link back per footnote, to its first reference', () => {
    const backs = selectAll('li a.footback', tree);
    expect(backs.map((a) => [a.properties['href'], a.properties['role'], text(a)])).toEqual([
      ['#fnr.1', 'doc-backlink', '↩'],
      ['#fnr.2', 'doc-backlink', '↩'],
    ]);
    expect(all(tree, '[data-footnote-backref], [data-footnote-ref]')).toHaveLength(0);
  });

  it('leaves a post without footnotes alone', () => {
    expect(all(render('Just text.\n'), 'section')).toHaveLength(0);
  });
});
