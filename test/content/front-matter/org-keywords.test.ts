import { describe, expect, it } from 'vitest';
import { readOrgKeywords } from '../../../src/content/front-matter/org-keywords.js';

describe('readOrgKeywords', () => {
  it('reads keywords with their line in the file and the column of their value', () => {
    const body = '#+TITLE: Hello\n#+filetags: :a:b:\nText\n';
    expect(readOrgKeywords(body, 5)).toEqual([
      { key: 'TITLE', value: 'Hello', line: 5, column: 1, valueColumn: 10 },
      { key: 'FILETAGS', value: ':a:b:', line: 6, column: 1, valueColumn: 13 },
    ]);
  });

  it('reads keywords anywhere in the file, as Emacs does', () => {
    const body = 'Some text.\n\n* Heading\n  #+DATE: <2018-03-09 Fri>\n';
    expect(readOrgKeywords(body, 1)).toMatchObject([{ key: 'DATE', value: '<2018-03-09 Fri>', line: 4, column: 3, valueColumn: 11 }]);
  });

  it('ignores keyword lines inside blocks', () => {
    const body = '#+BEGIN_SRC org\n#+TITLE: Not me\n#+END_SRC\n#+begin_example\n#+AUTHOR: Nor me\n#+end_example\n#+TITLE: Me\n';
    expect(readOrgKeywords(body, 1).map((k) => [k.key, k.value, k.line])).toEqual([['TITLE', 'Me', 7]]);
  });

  it('treats a block that never ends as no block', () => {
    const body = '#+BEGIN_QUOTE\n#+TITLE: Still read\n';
    expect(readOrgKeywords(body, 1).map((k) => k.value)).toContain('Still read');
  });

  it('keeps an empty value as empty', () => {
    expect(readOrgKeywords('#+TITLE:\n', 1)).toEqual([{ key: 'TITLE', value: '', line: 1, column: 1, valueColumn: 9 }]);
  });

  it('does not mistake comments for keywords', () => {
    expect(readOrgKeywords('# TODO: later\n#+ not a keyword\n', 1)).toEqual([]);
  });
});
