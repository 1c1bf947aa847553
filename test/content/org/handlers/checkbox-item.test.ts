import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

const LIST = `\
- [ ] open
- [X] done
- [-] partly
- plain
`;

describe('checkbox list items', () => {
  it('marks each item with its state class', () => {
    const { tree } = renderOrg(LIST);
    const items = all(tree, 'ul > li');
    expect(items.map(classes)).toEqual([
      ['checkbox', 'checkbox-off'],
      ['checkbox', 'checkbox-on'],
      ['checkbox', 'checkbox-trans'],
      [],
    ]);
    expect(items.map(text)).toEqual(['open', 'done', 'partly', 'plain']);
  });

  it('shows done and open items as disabled checkboxes, checked when done', () => {
    const { tree } = renderOrg(LIST);
    const open = one(tree, 'li.checkbox-off > input[type=checkbox]');
    const done = one(tree, 'li.checkbox-on > input[type=checkbox]');
    expect(open.properties['disabled']).toBe(true);
    expect(open.properties['checked']).toBeFalsy();
    expect(done.properties['disabled']).toBe(true);
    expect(done.properties['checked']).toBe(true);
  });

  it('shows a partly done item as a mixed-state checkbox role, not an input', () => {
    const { tree } = renderOrg(LIST);
    const item = one(tree, 'li.checkbox-trans');
    expect(all(item, 'input')).toHaveLength(0);
    const box = one(item, '[role=checkbox]');
    expect(box.properties['ariaChecked']).toBe('mixed');
    expect(box.properties['ariaDisabled']).toBe('true');
    expect(box.properties['dataState']).toBe('partial');
  });

  it('leaves items without a checkbox alone', () => {
    const { tree } = renderOrg(LIST);
    expect(all(tree, 'li:not(.checkbox) input, li:not(.checkbox) [role=checkbox]')).toHaveLength(0);
  });

  it('puts the box on the first line of an item with several paragraphs', () => {
    const { tree } = renderOrg('- [X] first\n\n  second\n');
    const item = one(tree, 'li.checkbox-on');
    expect(all(item, ':scope > p')).toHaveLength(2);
    expect(one(item, 'p:first-child > input:first-child').properties['checked']).toBe(true);
  });

  it('shows statistics cookies as written, in a span', () => {
    const { tree } = renderOrg('- [-] tasks [1/3] and [50%]\n  - [X] a\n  - [ ] b\n  - [ ] c\n');
    expect(all(tree, 'span.statistics-cookie').map(text)).toEqual(['[1/3]', '[50%]']);
  });
});

describe('tagged items of lists that are not description lists', () => {
  // A list's type is its first item's; a paragraph ends the first list.
  const mixed = '- plain\n- *bold* term :: its text\n- [X] done term :: done text\n\nBetween.\n\n1. first\n2. numbered :: text\n';

  it('stay list items, never a <dt>/<dd> pair inside <ul> or <ol> (invalid HTML)', () => {
    const { tree } = renderOrg(mixed);
    expect(all(tree, 'ul > dt, ul > dd, ol > dt, ol > dd')).toHaveLength(0);
    expect(all(tree, 'ul > li').map(text)).toEqual(['plain', 'bold term :: its text', 'done term :: done text']);
    expect(all(tree, 'ol > li').map(text)).toEqual(['first', 'numbered :: text']);
  });

  it('keep the markup of the term, and a checkbox before it', () => {
    const { tree } = renderOrg(mixed);
    expect(text(one(tree, 'ul > li:nth-child(2) > strong'))).toBe('bold');
    const done = one(tree, 'li.checkbox-on');
    expect(done.children[0]).toMatchObject({ type: 'element', tagName: 'input' });
  });

  it('put the term in the first paragraph when the item has several', () => {
    const { tree } = renderOrg('- plain\n- term :: first paragraph\n\n  second paragraph\n');
    const paragraphs = all(tree, 'ul > li:nth-child(2) > p');
    expect(paragraphs.map(text)).toEqual(['term :: first paragraph', 'second paragraph']);
  });
});
