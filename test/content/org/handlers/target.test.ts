import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('dedicated targets', () => {
  it('renders <<target>> as an empty anchor with an id, hiding the words', () => {
    const { tree } = renderOrg('A <<my target>> here.\n');
    const anchor = one(tree, 'p > span.target');
    expect(anchor.properties['id']).toBe('my-target');
    expect(anchor.children).toHaveLength(0);
    expect(text(one(tree, 'p'))).toBe('A here.');
  });

  it('gives a second target with the same words another id', () => {
    const { tree } = renderOrg('<<x>> and <<x>>.\n');
    expect(all(tree, 'span.target').map((s) => s.properties['id'])).toEqual(['x', 'x-1']);
  });
});
