import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The HTML parser and serialiser, loaded on the first post with math (some
 * 100 modules, ~0.1 s): most sites have none, and a build that renders no
 * page should not pay for them. Node ≥ 20.19 `require`s these ES modules
 * synchronously, so feeds stay a synchronous function.
 */
interface HtmlTools {
  fromHtml: typeof import('hast-util-from-html').fromHtml;
  selectAll: typeof import('hast-util-select').selectAll;
  remove: typeof import('unist-util-remove').remove;
  stringify: (tree: import('hast').Root) => string;
}

let tools: HtmlTools | null = null;

function loadTools(): HtmlTools {
  if (!tools) {
    const { unified } = require('unified') as typeof import('unified');
    const rehypeStringify = (require('rehype-stringify') as typeof import('rehype-stringify')).default;
    const processor = unified().use(rehypeStringify);
    tools = {
      fromHtml: (require('hast-util-from-html') as typeof import('hast-util-from-html')).fromHtml,
      selectAll: (require('hast-util-select') as typeof import('hast-util-select')).selectAll,
      remove: (require('unist-util-remove') as typeof import('unist-util-remove')).remove,
      stringify: (tree) => processor.stringify(tree),
    };
  }
  return tools;
}

/**
 * Post HTML as feed readers should get it. Readers load no stylesheets, so
 * KaTeX's visual copy of each formula (`span.katex-html`, hidden from
 * assistive tech) would show next to its MathML twin: keep the MathML only.
 * Posts without math pass through untouched.
 */
export function feedContent(html: string): string {
  if (!html.includes('katex-html')) return html;
  const { fromHtml, selectAll, remove, stringify } = loadTools();
  const tree = fromHtml(html, { fragment: true });
  const hidden = new Set(selectAll('.katex-html', tree));
  remove(tree, (node) => hidden.has(node as never));
  return stringify(tree);
}
