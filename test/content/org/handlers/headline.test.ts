import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('headlines', () => {
  it('shows the TODO keyword in a span with its state and name', () => {
    const { tree } = renderOrg('* TODO Write the intro\n* DONE Pick a title\n');
    const [open, done] = all(tree, 'h2 > span.todo-keyword');
    expect(classes(open!)).toEqual(['todo-keyword', 'todo', 'TODO']);
    expect(text(open!)).toBe('TODO');
    expect(classes(done!)).toEqual(['todo-keyword', 'done', 'DONE']);
  });

  it('takes done keywords from #+TODO:', () => {
    const { tree } = renderOrg('#+TODO: DRAFT | PUBLISHED\n* PUBLISHED Old post\n* DRAFT New post\n');
    expect(classes(one(tree, 'h2:nth-of-type(1) .todo-keyword'))).toContain('done');
    expect(classes(one(tree, 'h2:nth-of-type(2) .todo-keyword'))).toContain('todo');
  });

  it('hides keywords with todo:nil', () => {
    const { tree } = renderOrg('#+OPTIONS: todo:nil\n* TODO Write the intro\n');
    expect(all(tree, '.todo-keyword')).toHaveLength(0);
    expect(text(one(tree, 'h2'))).toMatch(/^Write the intro/);
  });

  it('hides priorities by default, as Emacs does, and shows them with pri:t', () => {
    expect(all(renderOrg('* [#A] Urgent\n').tree, '.priority')).toHaveLength(0);
    const { tree } = renderOrg('#+OPTIONS: pri:t\n* TODO [#A] Urgent\n');
    expect(text(one(tree, 'h2 > span.priority'))).toBe('[#A]');
  });

  it('shows tags as span.tags > span.tag after the title', () => {
    const { tree } = renderOrg('* Title :emacs:org:\n');
    const h2 = one(tree, 'h2');
    expect(all(h2, 'span.tags > span.tag').map(text)).toEqual(['emacs', 'org']);
    expect(text(h2)).toMatch(/^Title emacs org/);
  });

  it('hides tags with tags:nil', () => {
    const { tree } = renderOrg('#+OPTIONS: tags:nil\n* Title :emacs:\n');
    expect(all(tree, '.tags')).toHaveLength(0);
  });

  it('keeps keyword, priority and tags out of the heading id and the outline', () => {
    const { tree, doc } = renderOrg('#+OPTIONS: pri:t\n* TODO [#B] Ship it :work:\n');
    expect(one(tree, 'h2').properties['id']).toBe('ship-it');
    expect(doc.toc.map((e) => e.text)).toEqual(['Ship it']);
  });

  it('uses :CUSTOM_ID: as the heading id and never :ID:', () => {
    const { tree, doc } = renderOrg('* Setup\n:PROPERTIES:\n:ID: 1b2c-uuid\n:CUSTOM_ID: getting-started\n:END:\nText.\n');
    expect(one(tree, 'h2').properties['id']).toBe('getting-started');
    expect(doc.html).not.toContain('1b2c-uuid');
    expect(doc.toc[0]?.id).toBe('getting-started');
  });

  it('lets [[#custom-id]] links reach the heading', () => {
    const { tree } = renderOrg('See [[#later][below]].\n* Later\n:PROPERTIES:\n:CUSTOM_ID: later\n:END:\n');
    expect(one(tree, 'p a').properties['href']).toBe('#later');
    expect(one(tree, 'h2').properties['id']).toBe('later');
  });

  it('puts the section number first with num:t', () => {
    const { tree } = renderOrg('#+OPTIONS: num:t\n* TODO First :x:\n');
    const h2 = one(tree, 'h2');
    const first = h2.children.find((c) => c.type === 'element');
    expect(first && first.type === 'element' && classes(first)).toEqual(['section-number']);
    expect(text(one(h2, 'span.section-number'))).toBe('1');
  });

  it('still follows a TODO headline with its note in dev, and never in the published page', () => {
    const { doc } = renderOrg('#+OPTIONS: num:t\n* TODO Write the intro :draft:\nBody.\n');
    expect(doc.devHtml).toMatch(/<\/h2><aside class="todo-note"/);
    expect(doc.html).not.toContain('todo-note');
    expect(doc.todos).toHaveLength(1);
  });
});
