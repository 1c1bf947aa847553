import fc from 'fast-check';
import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/content/html/text-stats.js';

const tree = (...children: ReturnType<typeof h>[]): Root => ({ type: 'root', children });

/** The first formula, kept as the reference: ideographs count one each, the rest is split into words. */
function referenceCount(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  return cjk + (text.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0);
}

describe('countWords (reading time)', () => {
  it('counts words, code included, and leaves out TODO notes, footnotes and footnote markers', () => {
    const t = tree(
      h('p', ["It's a well-known fact: 42 answers", h('sup', '1'), ' everything.']),
      h('pre', h('code', 'print("hi")')),
      h('aside.todo-note', 'check this later'),
      h('section.footnotes', h('p', 'A footnote.')),
    );
    // It's · a · well-known · fact · 42 · answers · everything · print · hi
    expect(countWords(t)).toBe(9);
  });

  it('counts each ideograph as a word, and the words around them as usual', () => {
    expect(countWords(tree(h('p', '東京で hello world を見た')))).toBe(3 + 2 + 3);
    expect(countWords(tree(h('p', '한국어 text')))).toBe(3 + 1);
  });

  it('gives what the first formula gave on any text', () => {
    const pieces = fc.constantFrom('word', ' ', '東', 'か', '한', "'", '’', '-', '42', 'é', '\n', '.', 'x-y', 'ü');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(tree(h('p', text)))).toBe(referenceCount(text));
      }),
      { numRuns: 500 },
    );
  });
});
