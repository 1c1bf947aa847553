import { describe, expect, it } from 'vitest';
import { toString } from 'hast-util-to-string';
import { all, one, renderOrg, text } from '../../helpers/render-org.js';

// Blocks uniorg-rehype converts the way we want without a handler of ours.
describe('quote, verse and rule blocks', () => {
  it('renders #+BEGIN_QUOTE as <blockquote>', () => {
    const { tree } = renderOrg('#+BEGIN_QUOTE\nSimple things should be simple.\n#+END_QUOTE\n');
    expect(text(one(tree, 'blockquote > p'))).toBe('Simple things should be simple.');
  });

  it('keeps the line breaks and relative indentation of a verse block', () => {
    const { tree } = renderOrg('#+BEGIN_VERSE\n  Great /clouds/ overhead\n    Tiny black birds\n\n  Snow\n#+END_VERSE\n');
    const verse = one(tree, 'pre.verse');
    expect(toString(verse)).toBe('Great clouds overhead\n  Tiny black birds\n\nSnow\n');
    expect(one(verse, 'em')).toBeTruthy();
  });

  it('renders ----- as <hr>', () => {
    const { tree } = renderOrg('Above.\n\n-----\n\nBelow.\n');
    expect(all(tree, 'hr')).toHaveLength(1);
  });
});
