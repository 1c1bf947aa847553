import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import uniorgParse from 'uniorg-parse';
import type { OrgData } from 'uniorg';
import { markDedicatedTargets } from '../../../../src/content/org/transforms/dedicated-targets.js';

function targetsOf(org: string) {
  const tree = unified().use(uniorgParse).parse(org) as OrgData;
  return { targets: markDedicatedTargets(tree), tree };
}

describe('markDedicatedTargets', () => {
  it('cuts <<words>> out of the text into target nodes with slugged ids', () => {
    const { targets, tree } = targetsOf('A <<My Target>> here.\n');
    expect(targets.map((t) => [t.value, t.id])).toEqual([['My Target', 'my-target']]);
    const paragraph = tree.children[0] as unknown as { children: { type: string; value?: string }[] };
    expect(paragraph.children.map((c) => c.type)).toEqual(['text', 'target', 'text']);
    expect(paragraph.children[2]?.value).toBe(' here.\n');
  });

  it('ignores radio targets and targets with space inside the brackets', () => {
    expect(targetsOf('<<<radio>>> and << spaced>> and <<spaced >>\n').targets).toEqual([]);
  });

  it('finds targets in headings and list items but not in link descriptions', () => {
    const { targets } = targetsOf('* Head <<h>>\n- item <<i>>\n- [[https://x][<<not>>]]\n');
    expect(targets.map((t) => t.value)).toEqual(['h', 'i']);
  });
});
