import { describe, expect, it } from 'vitest';
import { all, renderOrg, text } from '../../../helpers/render-org.js';

describe('ordered list counters ([@N])', () => {
  it('set the item number with value, and the items after it go on from there (as ox-html)', () => {
    const { tree } = renderOrg('1. one\n2. [@5] five\n3. six\n');
    const items = all(tree, 'ol > li');
    expect(items.map(text)).toEqual(['one', 'five', 'six']);
    expect(items.map((li) => li.properties['value'])).toEqual([undefined, '5', undefined]);
  });

  it('take a letter as its place in the alphabet', () => {
    const { tree } = renderOrg('a. [@c] cee\nb. dee\n');
    expect(all(tree, 'ol > li').map((li) => li.properties['value'])).toEqual(['3', undefined]);
  });

  it('leave lists without counters as they were', () => {
    const { tree } = renderOrg('1. one\n2. two\n\nBetween.\n\n- [@3] not ordered\n');
    expect(all(tree, 'li').every((li) => li.properties['value'] === undefined)).toBe(true);
  });
});
