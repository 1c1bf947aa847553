import { describe, expect, it } from 'vitest';
import { all, renderOrg, text } from '../../../helpers/render-org.js';

/** Heading titles of the published page (without the anchor mark). */
function headings(body: string): string[] {
  return all(renderOrg(body).tree, 'h2, h3, h4').map((h) => text(h).replace(/ #$/, ''));
}

describe('subtree exclusion', () => {
  it('drops :noexport: subtrees with their children', () => {
    const { doc } = renderOrg('* Kept\n* Hidden :noexport:\nSecret.\n** Child\n* Also kept\n');
    expect(headings('* Kept\n* Hidden :noexport:\nSecret.\n** Child\n* Also kept\n')).toEqual(['Kept', 'Also kept']);
    expect(doc.html).not.toContain('Secret');
    expect(doc.toc.map((e) => e.text)).toEqual(['Kept', 'Also kept']);
  });

  it('drops * COMMENT subtrees', () => {
    expect(headings('* Kept\n* COMMENT Scratch\nSecret.\n')).toEqual(['Kept']);
  });

  it('lets #+EXCLUDE_TAGS: replace noexport, as Emacs', () => {
    expect(headings('#+EXCLUDE_TAGS: private\n* Private :private:\n* Was hidden :noexport:\n')).toEqual(['Was hidden noexport']);
  });

  it('exports only subtrees with a select tag, their ancestors and nothing before the first headline', () => {
    const body = '#+SELECT_TAGS: pick\nPreamble.\n* Parent\nParent text.\n** Child :pick:\nChild text.\n*** Grandchild\n** Sibling\n* Other\n';
    expect(headings(body)).toEqual(['Parent', 'Child pick', 'Grandchild']);
    const html = renderOrg(body).doc.html;
    expect(html).toContain('Parent text.');
    expect(html).not.toContain('Preamble');
  });

  it('selects with the default select tag "export"', () => {
    expect(headings('* Draft\n* Final :export:\n')).toEqual(['Final export']);
  });

  it('still excludes inside a selected subtree', () => {
    expect(headings('#+SELECT_TAGS: pick\n* A :pick:\n** B :noexport:\n')).toEqual(['A pick']);
  });

  it('keeps only the headline of an archived subtree, by default', () => {
    const { doc } = renderOrg('* Old :ARCHIVE:\nArchived text.\n* New\n');
    expect(headings('* Old :ARCHIVE:\nArchived text.\n* New\n')).toEqual(['Old ARCHIVE', 'New']);
    expect(doc.html).not.toContain('Archived text');
    expect(headings('#+OPTIONS: arch:nil\n* Old :ARCHIVE:\n* New\n')).toEqual(['New']);
  });

  it('lists TODO notes of excluded subtrees but never publishes them, even in dev', () => {
    const body = '* Kept\n* Hidden :noexport:\n# TODO: rewrite this part\n** TODO Hidden task\n* COMMENT Scratch\n# FIXME: scratch note\n';
    const { doc } = renderOrg(body);
    expect(doc.todos.map((n) => n.text)).toEqual(['rewrite this part', 'Hidden task', 'scratch note']);
    for (const html of [doc.html, doc.devHtml]) {
      expect(html).not.toMatch(/rewrite this part|Hidden task|scratch note/);
    }
  });

  it('publishes no media and reports no link problems from excluded parts', () => {
    const { doc } = renderOrg('* Kept\n* Private :noexport:\n[[file:private.png]] [[file:missing-post.org][x]]\n');
    expect(doc.assets).toEqual([]);
    expect(doc.links).toEqual([]);
  });
});
