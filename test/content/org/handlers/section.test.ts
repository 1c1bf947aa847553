import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

const OUTLINE = `\
* One
** One.A
*** One.A.i
** One.B
* Two
** Two.A
`;

describe('sections', () => {
  it('numbers headlines with num:t as 1, 1.1, 1.1.1', () => {
    const { tree } = renderOrg(`#+OPTIONS: num:t\n${OUTLINE}`);
    expect(all(tree, '.section-number').map(text)).toEqual(['1', '1.1', '1.1.1', '1.2', '2', '2.1']);
  });

  it('has no section numbers by default', () => {
    expect(all(renderOrg(OUTLINE).tree, '.section-number')).toHaveLength(0);
  });

  it('numbers only down to the depth of num:N', () => {
    const { tree } = renderOrg(`#+OPTIONS: num:1\n${OUTLINE}`);
    expect(all(tree, '.section-number').map(text)).toEqual(['1', '2']);
  });

  it('leaves an :UNNUMBERED: subtree unnumbered and uncounted', () => {
    const { tree } = renderOrg('#+OPTIONS: num:t\n* A\n* Aside\n:PROPERTIES:\n:UNNUMBERED: t\n:END:\n** Inside\n* B\n');
    expect(all(tree, 'h2, h3').map((h) => all(h, '.section-number').map(text).join())).toEqual(['1', '', '', '2']);
  });

  it('keeps the section number out of the heading id', () => {
    const { tree } = renderOrg('#+OPTIONS: num:t\n* Intro\n');
    expect(one(tree, 'h2').properties['id']).toBe('intro');
  });

  it('turns headlines deeper than H: into list items, as Emacs does', () => {
    const { tree } = renderOrg(`#+OPTIONS: H:1\n${OUTLINE}`);
    expect(all(tree, 'h2').map((h) => text(h).replace(/ #$/, ''))).toEqual(['One', 'Two']);
    expect(all(tree, 'h3, h4')).toHaveLength(0);
    const list = one(tree, 'h2 + ul.org-ul');
    const titles = all(list, ':scope > li').map((li) => (li.children[0]?.type === 'text' ? li.children[0].value : ''));
    expect(titles).toEqual(['One.A', 'One.B']);
    expect(one(list, 'li > br + ul.org-ul')).toBeTruthy();
    expect(text(one(list, 'li > ul.org-ul > li'))).toBe('One.A.i');
  });

  it('puts a list item headline, a line break, then its text', () => {
    const { tree } = renderOrg('#+OPTIONS: H:1\n* Top\n** TODO Deep :tag:\nDeep text.\n');
    const li = one(tree, 'ul.org-ul > li');
    expect(one(li, '.todo-keyword')).toBeTruthy();
    expect(one(li, '.tags')).toBeTruthy();
    expect(one(li, 'br + p').children).toBeTruthy();
    expect(text(one(li, 'p'))).toBe('Deep text.');
  });

  it('uses an ordered list for numbered low-level headlines', () => {
    const { tree } = renderOrg('#+OPTIONS: H:1 num:t\n* Top\n** Deep\n** Deeper\n');
    expect(all(one(tree, 'ol.org-ol'), 'li')).toHaveLength(2);
  });

  it('gives a low-level headline its :CUSTOM_ID: on the list item', () => {
    const { tree } = renderOrg('#+OPTIONS: H:1\n* Top\n** Deep\n:PROPERTIES:\n:CUSTOM_ID: deep\n:END:\n');
    expect(one(tree, 'li').properties['id']).toBe('deep');
  });

  it('keeps TODO notes of low-level headlines in dev only', () => {
    const { doc, tree } = renderOrg('#+OPTIONS: H:1\n* Top\n** TODO Fix this\n');
    expect(doc.devHtml).toMatch(/<li>.*<aside class="todo-note"/s);
    expect(all(tree, 'aside')).toHaveLength(0);
    expect(classes(one(tree, 'li > .todo-keyword'))).toContain('todo');
  });
});
