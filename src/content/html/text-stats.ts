import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words a reader reads: code blocks count, TODO notes (dev only) and footnote markers do not. */
export function countWords(tree: Root): number {
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'element' && isNotReadingMatter(node)) return SKIP;
    if (node.type === 'text') {
      const text = node.value;
      // CJK has no spaces: count each ideograph as a word, which is close to how readers pace it.
      // Most text has none, and then one pass does (this ran for every text node of every post).
      if (!HAS_CJK.test(text)) words += text.match(WORD)?.length ?? 0;
      else words += (text.match(CJK)?.length ?? 0) + (text.replace(CJK, ' ').match(WORD)?.length ?? 0);
    }
    return undefined;
  });
  return words;
}

/** Plain text of the first real paragraph, cut at a word boundary. */
export function firstParagraphText(tree: Root, maxLength = 280): string | null {
  let found: string | null = null;
  visit(tree, 'element', (node: Element) => {
    if (found !== null) return SKIP;
    if (isNotReadingMatter(node)) return SKIP;
    if (node.tagName !== 'p') return undefined;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) found = truncate(text, maxLength);
    return SKIP;
  });
  return found;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}

function isNotReadingMatter(node: Element): boolean {
  const c = node.properties.className;
  const classes = Array.isArray(c) ? c.map(String) : [];
  return classes.includes('todo-note') || classes.includes('footnotes') || classes.includes('heading-anchor') || node.tagName === 'sup';
}
