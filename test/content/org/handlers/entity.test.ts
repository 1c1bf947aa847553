import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('entities', () => {
  it('renders entities as their characters, with or without braces', () => {
    const { tree } = renderOrg('Greek \\alpha and \\Alpha{}x, arrows \\rarr and \\to, a\\nbsp{}b.\n');
    expect(text(one(tree, 'p'))).toBe('Greek α and Αx, arrows → and →, a\u00a0b.');
  });

  it('leaves entities as written with #+OPTIONS: e:nil', () => {
    const { tree } = renderOrg('#+OPTIONS: e:nil\n\nGreek \\alpha and \\alpha{}x.\n');
    expect(text(one(tree, 'p'))).toBe('Greek \\alpha and \\alpha{}x.');
  });

  it('turns \\\\ at the end of a line into <br>, whatever e: says', () => {
    for (const options of ['', '#+OPTIONS: e:nil\n\n']) {
      const { tree } = renderOrg(`${options}line one\\\\\nline two\n`);
      const p = one(tree, 'p');
      expect(p.children.map((c) => (c.type === 'element' ? `<${c.tagName}>` : c.type === 'text' ? c.value.trim() : ''))).toEqual([
        'line one',
        '<br>',
        'line two',
      ]);
    }
  });

  it('keeps \\\\ in the middle of a line as text', () => {
    const { tree } = renderOrg('a \\\\ b\n');
    expect(all(tree, 'br')).toHaveLength(0);
    expect(text(one(tree, 'p'))).toBe('a \\\\ b');
  });
});
