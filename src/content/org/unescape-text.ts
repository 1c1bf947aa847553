import type { OrgData } from 'uniorg';
import { visit } from 'unist-util-visit';

/**
 * Writers (and pandoc's org writer) escape markup characters with a backslash
 * to keep them literal: `ensure\_future`. Org has no such escape and would
 * print the backslash; we print the character, which is what the author meant.
 * Only characters that would otherwise start markup are unescaped, so
 * `\alpha` entities and `\\` line breaks are untouched.
 */
const ESCAPED_MARKUP = /\\([_^*=~+$%#])/g;

export function unescapeMarkupCharacters(tree: OrgData): void {
  visit(tree, 'text', (node: { value: string }) => {
    if (node.value.includes('\\')) node.value = node.value.replace(ESCAPED_MARKUP, '$1');
  });
}

/**
 * Org link paths escape `[`, `]` and `\` with a backslash (`org-link-escape`).
 * A path that ends in a lone backslash lost its escaped `]` to the parser
 * (`[[https://x/uvloop\][uvloop]]`): the author meant the URL without it.
 */
export function unescapeLinkPath(raw: string): string {
  return raw.replace(/\\([[\]\\])/g, '$1').replace(/\\+$/, '');
}
