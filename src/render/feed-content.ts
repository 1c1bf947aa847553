import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { remove } from 'unist-util-remove';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';

const stringify = unified().use(rehypeStringify);

/**
 * Post HTML as feed readers should get it. Readers load no stylesheets, so
 * KaTeX's visual copy of each formula (`span.katex-html`, hidden from
 * assistive tech) would show next to its MathML twin: keep the MathML only.
 * Posts without math pass through untouched.
 */
export function feedContent(html: string): string {
  if (!html.includes('katex-html')) return html;
  const tree = fromHtml(html, { fragment: true });
  const hidden = new Set(selectAll('.katex-html', tree));
  remove(tree, (node) => hidden.has(node as never));
  return stringify.stringify(tree);
}
