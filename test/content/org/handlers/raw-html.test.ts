import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

const RAW = `\
Before.

#+BEGIN_EXPORT html
<div class="raw-block"><b>bold</b> &amp; <em>kept</em></div>
#+END_EXPORT

#+HTML: <span class="raw-keyword">kw</span>

Inline @@html:<kbd>C-c</kbd>@@ snippet.

#+BEGIN_EXPORT latex
\\LaTeX{} only
#+END_EXPORT

Also @@latex:\\newline@@ here.
`;

describe('raw HTML (export blocks, #+HTML:, snippets)', () => {
  it('passes an html export block through as elements, not escaped text', () => {
    const { tree, doc } = renderOrg(RAW);
    const block = one(tree, 'div.raw-block');
    expect(one(block, 'b').children).toEqual([expect.objectContaining({ value: 'bold' })]);
    expect(text(block)).toBe('bold & kept');
    expect(doc.html).not.toContain('&lt;div');
  });

  it('passes #+HTML: lines and @@html:…@@ snippets through', () => {
    const { tree } = renderOrg(RAW);
    expect(text(one(tree, 'span.raw-keyword'))).toBe('kw');
    expect(text(one(tree, 'p kbd'))).toBe('C-c');
  });

  it('matches the backend name case-insensitively, as Emacs does for blocks', () => {
    const { tree } = renderOrg('#+begin_export HTML\n<aside class="upper">u</aside>\n#+end_export\n');
    expect(text(one(tree, 'aside.upper'))).toBe('u');
  });

  it('drops export blocks and snippets for other backends', () => {
    const { doc, tree } = renderOrg(RAW);
    expect(doc.html).not.toContain('LaTeX');
    expect(doc.html).not.toContain('newline');
    expect(text(all(tree, 'p').at(-1)!)).toBe('Also here.');
  });

  it('renders a paragraph with a latex snippet instead of crashing', () => {
    expect(() => renderOrg('A @@latex:\\foo@@ b.\n')).not.toThrow();
  });

  it('lets #+HTML: lines open and close an element around org content', () => {
    const { tree } = renderOrg('#+HTML: <div class="wrap">\nInside.\n#+HTML: </div>\n');
    expect(text(one(tree, 'div.wrap > p'))).toBe('Inside.');
  });

  it('drops all raw HTML when the site sets rawHtml: false', () => {
    const { tree, doc } = renderOrg(RAW, { rawHtml: false });
    expect(all(tree, '.raw-block, .raw-keyword, kbd')).toHaveLength(0);
    expect(doc.html).not.toContain('bold');
    expect(doc.html).not.toContain('C-c');
    expect(text(one(tree, 'p'))).toBe('Before.');
  });
});
