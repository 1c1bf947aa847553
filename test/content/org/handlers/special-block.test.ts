import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('special blocks', () => {
  it('renders #+BEGIN_NOTE as <div class="note">', () => {
    const { tree } = renderOrg('#+BEGIN_NOTE\nMind the *gap*.\n#+END_NOTE\n');
    const div = one(tree, 'div.note');
    expect(classes(div)).toEqual(['note', 'special-block']);
    expect(text(one(div, 'p'))).toBe('Mind the gap.');
  });

  it('lower-cases the class whatever case the block name has', () => {
    expect(all(renderOrg('#+begin_Warning\nx\n#+end_Warning\n').tree, 'div.warning')).toHaveLength(1);
  });

  it('renders an HTML5 element name as that element, as ox-html with html5', () => {
    const { tree } = renderOrg('#+BEGIN_ASIDE\nBy the way.\n#+END_ASIDE\n');
    expect(text(one(tree, 'aside > p'))).toBe('By the way.');
  });

  it('keeps an HTML5 aside block in the published page (only TODO notes are stripped)', () => {
    const { doc } = renderOrg('#+BEGIN_aside\nBy the way.\n#+END_aside\n');
    expect(doc.html).toContain('<aside><p>By the way.');
  });

  it('applies #+ATTR_HTML to the block', () => {
    const { tree } = renderOrg('#+ATTR_HTML: :title Careful\n#+BEGIN_NOTE\nx\n#+END_NOTE\n');
    expect(one(tree, 'div.note').properties['title']).toBe('Careful');
  });
});
