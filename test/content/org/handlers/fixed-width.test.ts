import { describe, expect, it } from 'vitest';
import { toString } from 'hast-util-to-string';
import { one, renderOrg } from '../../../helpers/render-org.js';

describe('fixed-width lines', () => {
  it('renders `: ` lines as <pre class="example"> keeping their whitespace', () => {
    const { tree } = renderOrg('Output:\n: $ ls   -l\n:   total 0\n:\n: <done>\n');
    expect(toString(one(tree, 'pre.example'))).toBe('$ ls   -l\n  total 0\n\n<done>');
  });
});
