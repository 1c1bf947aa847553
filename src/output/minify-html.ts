import type { Options } from 'html-minifier-terser';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/render-pages.js';

/**
 * html-minifier-terser, set to change nothing a reader could see:
 * - whitespace runs become one space but never disappear
 *   (`conservativeCollapse`), so text between inline elements keeps its
 *   spaces; `<pre>` and `<textarea>` are left byte for byte;
 * - comments go (TODO notes are already gone; KaTeX and the theme need none);
 * - scripts and styles are left as written (`minifyJS`, `minifyCSS` off):
 *   the theme's one script line is already small, terser on every page cost
 *   more than it saved, and clean-css on every highlighted token's `style=""`
 *   added a third to the time for not one byte less;
 * - attribute quotes, optional closing tags, `/>` and letter case are kept,
 *   so MathML and SVG stay intact and URLs are never re-encoded.
 * Measured: parsing dominates, about 0.5 µs per byte of HTML once warm
 * (2–3 ms for a sample-blog page, plus 0.1 s to load the minifier); it
 * saves about 4 % of the sample blog's bytes, the theme's indentation. The
 * post bodies are already compact, so long posts gain little.
 */
const OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  minifyCSS: false,
  minifyJS: false,
  collapseBooleanAttributes: true,
  decodeEntities: false,
  caseSensitive: true,
  keepClosingSlash: true,
  removeAttributeQuotes: false,
  removeOptionalTags: false,
};

/**
 * Minifies every HTML file; anything else passes through. A page the
 * minifier cannot parse (raw HTML from a draft can be anything) is written
 * as rendered, with a warning. Loaded on first use, so `dev` never pays for it.
 */
export async function minifyPages(files: readonly OutputFile[]): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const isPage = (f: OutputFile): f is OutputFile & { content: string } => f.path.endsWith('.html') && typeof f.content === 'string';
  // A build that kept every page from the previous output (they arrive as bytes) has nothing to minify.
  if (!files.some(isPage)) return { files: [...files], diagnostics: [] };
  const { minify } = await import('html-minifier-terser');
  const diagnostics: Diagnostic[] = [];
  // One page at a time: the work is synchronous underneath, and thousands of pages
  // in flight at once held all their parse states together (2.9 GiB at N = 4000).
  const out: OutputFile[] = [];
  for (const f of files) {
    if (!isPage(f)) {
      out.push(f);
      continue;
    }
    try {
      out.push({ ...f, content: await minify(f.content, OPTIONS) });
    } catch (err) {
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
      diagnostics.push(
        warning(f.path, 0, 0, `this page could not be minified, so it is written as rendered: ${why}`, {
          code: 'output/minify',
          hint: 'look for unbalanced raw HTML (#+BEGIN_EXPORT html, #+HTML:) in the post behind this page',
        }),
      );
      out.push(f);
    }
  }
  return { files: out, diagnostics };
}
