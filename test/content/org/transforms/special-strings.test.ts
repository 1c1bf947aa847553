import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';
import { specialStrings } from '../../../../src/content/org/transforms/special-strings.js';

describe('special strings (typography)', () => {
  it('turns --, --- and ... into en dash, em dash and ellipsis', () => {
    const { tree } = renderOrg('pages 10--20 --- or so... fine\n');
    expect(text(one(tree, 'p'))).toBe('pages 10\u201320 \u2014 or so\u2026 fine');
  });

  it('turns \\- into a soft hyphen', () => {
    const { tree } = renderOrg('hyphen\\-ation\n');
    expect(text(one(tree, 'p'))).toBe('hyphen\u00adation');
  });

  it('keeps quotes as typed, as ox-html does by default', () => {
    const { tree } = renderOrg('"double" and \'single\' and it\'s\n');
    expect(text(one(tree, 'p'))).toBe('"double" and \'single\' and it\'s');
  });

  it('needs a character after the dashes, as ox-html does', () => {
    expect(specialStrings('a----b')).toBe('a-\u2014b');
    expect(specialStrings('10--')).toBe('10--');
  });

  it('never touches code, verbatim, src or example blocks', () => {
    const { tree } = renderOrg('~a -- b~ and =c ... d=\n\n#+BEGIN_SRC sh\nls -- x ...\n#+END_SRC\n\n#+BEGIN_EXAMPLE\ne -- f ...\n#+END_EXAMPLE\n');
    expect(all(tree, 'p code').map(text)).toEqual(['a -- b', 'c ... d']);
    expect(text(one(tree, '.src-block, pre.src'))).toContain('ls -- x ...');
    expect(text(one(tree, '.example'))).toContain('e -- f ...');
  });

  it('never touches link addresses, but does link descriptions', () => {
    const { tree } = renderOrg('[[https://example.com/a--b...c][from -- to...]]\n');
    const a = one(tree, 'a');
    expect(a.properties['href']).toBe('https://example.com/a--b...c');
    expect(text(a)).toBe('from \u2013 to\u2026');
  });

  it('applies in headings, table cells and captions', () => {
    const { tree } = renderOrg('* One -- two\n\n#+CAPTION: Cap -- tion\n| a -- b |\n');
    expect(text(one(tree, 'h2'))).toContain('One \u2013 two');
    expect(text(one(tree, 'td'))).toBe('a \u2013 b');
    expect(text(one(tree, 'caption'))).toBe('Cap \u2013 tion');
  });

  it('is off with #+OPTIONS: -:nil', () => {
    const { tree } = renderOrg('#+OPTIONS: -:nil\n\na -- b --- c... d\\-e\n');
    expect(text(one(tree, 'p'))).toBe('a -- b --- c... d\\-e');
  });
});
