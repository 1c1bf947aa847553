import { describe, expect, it } from 'vitest';
import { toString } from 'hast-util-to-string';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('example blocks', () => {
  it('renders a <pre class="example"> that keeps whitespace exactly', () => {
    const { tree } = renderOrg('#+BEGIN_EXAMPLE\n  two  spaces\n\tand <tags> & tabs\nend\n#+END_EXAMPLE\n');
    expect(toString(one(tree, 'pre.example'))).toBe('  two  spaces\n\tand <tags> & tabs\nend');
  });

  it('removes the indentation all lines share, unless -i', () => {
    expect(toString(one(renderOrg('#+BEGIN_EXAMPLE\n    a\n      b\n#+END_EXAMPLE\n').tree, 'pre'))).toBe('a\n  b');
    expect(toString(one(renderOrg('#+BEGIN_EXAMPLE -i\n    a\n      b\n#+END_EXAMPLE\n').tree, 'pre'))).toBe('    a\n      b');
  });

  it('removes the commas that protect headlines and keywords', () => {
    const { tree } = renderOrg('#+BEGIN_EXAMPLE\n,* Not a headline\n,#+TITLE: x\n,,* one comma left\n#+END_EXAMPLE\n');
    expect(toString(one(tree, 'pre'))).toBe('* Not a headline\n#+TITLE: x\n,* one comma left');
  });

  it('numbers lines with -n, drawn by the stylesheet so copying the text never copies the numbers', () => {
    const { tree } = renderOrg('#+BEGIN_EXAMPLE -n\nfirst\nsecond\n#+END_EXAMPLE\n');
    expect(all(tree, 'pre.example.numbered > span.line').map((s) => s.properties['dataLine'])).toEqual(['1', '2']);
    expect(toString(one(tree, 'pre'))).toBe('first\nsecond');
  });

  it('starts at N with -n N and sizes the gutter for the widest number', () => {
    const { tree } = renderOrg('#+BEGIN_EXAMPLE -n 9\na\nb\n#+END_EXAMPLE\n');
    expect(all(tree, '.line').map((s) => s.properties['dataLine'])).toEqual(['9', '10']);
    expect(one(tree, 'pre.example').properties['style']).toBe('--line-digits:2');
  });

  it('continues the previous numbered block with +n, skipping unnumbered ones', () => {
    const { tree } = renderOrg(
      '#+BEGIN_EXAMPLE -n\na\nb\n#+END_EXAMPLE\n#+BEGIN_EXAMPLE\nplain\n#+END_EXAMPLE\n#+BEGIN_EXAMPLE +n\nc\n#+END_EXAMPLE\n#+BEGIN_EXAMPLE +n 5\nd\n#+END_EXAMPLE\n',
    );
    expect(all(tree, '.line').map((s) => s.properties['dataLine'])).toEqual(['1', '2', '3', '8']);
  });

  it('uses #+NAME: as the id', () => {
    const { tree } = renderOrg('#+NAME: output\n#+BEGIN_EXAMPLE -n\nx\n#+END_EXAMPLE\n');
    expect(one(tree, 'pre.example').properties['id']).toBe('output');
    expect(all(tree, '.line')).toHaveLength(1);
  });
});
