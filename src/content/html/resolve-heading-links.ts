import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TocEntry } from '../document.js';

/**
 * `[[*Heading]]` links were written as placeholders because heading ids are
 * only known once every heading has one; now point them at the id of the
 * heading with that text (org matches headings case-insensitively, ignoring
 * extra spaces).
 */
export function resolveHeadingLinks(
  tree: Root,
  toc: TocEntry[],
  links: { placeholder: string; text: string; line: number; column: number }[],
  file: string,
): Diagnostic[] {
  if (links.length === 0) return [];
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const byText = new Map<string, string>();
  for (const e of toc) if (!byText.has(norm(e.text))) byText.set(norm(e.text), e.id);
  const byPlaceholder = new Map(links.map((l) => [l.placeholder, l]));
  const diagnostics: Diagnostic[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const link = byPlaceholder.get(node.properties.href);
    if (!link) return;
    const id = byText.get(norm(link.text));
    if (id) node.properties.href = `#${id}`;
    else {
      node.properties.href = `#${link.text}`;
      diagnostics.push(
        warning(file, link.line, link.column, `no heading “${link.text}” in this post`, {
          code: 'link/heading',
          hint: 'check the heading text after `*` in the link (it must match a heading of this post)',
        }),
      );
    }
  });
  return diagnostics;
}
