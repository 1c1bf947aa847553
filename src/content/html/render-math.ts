/**
 * Math typeset at build time with KaTeX, one version and one set of options
 * for org and markdown. Readers need KaTeX's stylesheet and fonts, which the
 * site serves itself (`/assets/katex/`, linked by `templates/base.liquid`
 * on pages that contain math); no script runs in the browser.
 *
 * A formula KaTeX cannot typeset never stops the build: it is shown as its
 * TeX source in `<code class="math-error">` and reported as a warning.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import katex from 'katex';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';

/** The KaTeX options every formula is rendered with. */
export const KATEX_OPTIONS = {
  // Errors are caught and reported (see renderMath), not drawn in red by KaTeX.
  throwOnError: true,
  // HTML for the eye, MathML for screen readers and copy as text.
  output: 'htmlAndMathml',
  // LaTeX-compatibility remarks (Unicode in math…) are not problems worth a warning.
  strict: 'ignore',
  // No \href, \includegraphics, \htmlClass… from content.
  trust: false,
} as const;

export type MathRendering =
  | { ok: true; nodes: ElementContent[] }
  | { ok: false; message: string; /** 0-based offset of the error in the TeX, when KaTeX knows it. */ offset: number | null };

const cache = new Map<string, ElementContent[]>();
const CACHE_LIMIT = 2000;

/**
 * Typesets TeX. `\label{…}` is dropped first (KaTeX has no cross-references;
 * equation numbers still come from KaTeX's CSS counters).
 */
export function renderMath(tex: string, displayMode: boolean): MathRendering {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit) return { ok: true, nodes: structuredClone(hit) };
  let html: string;
  try {
    html = katex.renderToString(withoutLabels(tex), { ...KATEX_OPTIONS, displayMode });
  } catch (err) {
    if (err instanceof katex.ParseError) {
      // Offsets past a removed \label would be off; they are rare and still point at the formula.
      const position: unknown = err.position;
      return { ok: false, message: err.rawMessage, offset: typeof position === 'number' ? position : null };
    }
    return { ok: false, message: err instanceof Error ? err.message : String(err), offset: null };
  }
  const nodes = fromHtml(html, { fragment: true }).children.filter((n): n is ElementContent => n.type === 'element' || n.type === 'text');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, structuredClone(nodes));
  return { ok: true, nodes };
}

function withoutLabels(tex: string): string {
  return tex.replace(/\\label\{[^{}]*\}/g, '');
}

/** What a formula is wrapped in: `span.math` inline or in a paragraph, `div.math` as a block. */
export interface MathElementOptions {
  display: boolean;
  /** `div` for block-level math (a LaTeX environment, a markdown `$$` block). */
  block?: boolean;
  /** Shown when KaTeX fails: what the author wrote, delimiters included. */
  source: string;
  id?: string;
}

/**
 * The element for one formula, and the rendering (to report its error).
 * Failed: `<code class="math-error">source</code>`, in a `pre.math-error`
 * when the formula is a block (so its lines stay lines).
 */
export function mathElement(tex: string, options: MathElementOptions): { element: Element; rendering: MathRendering } {
  const rendering = renderMath(tex, options.display);
  const idProps = options.id ? { id: options.id } : {};
  if (!rendering.ok) {
    const code: Element = {
      type: 'element',
      tagName: 'code',
      properties: { className: ['math-error'], title: `KaTeX: ${rendering.message}`, ...(options.block ? {} : idProps) },
      children: [{ type: 'text', value: options.source }],
    };
    const element: Element = options.block
      ? { type: 'element', tagName: 'pre', properties: { className: ['math-error'], ...idProps }, children: [code] }
      : code;
    return { element, rendering };
  }
  const className = ['math', options.display ? 'math-display' : 'math-inline'];
  return {
    element: { type: 'element', tagName: options.block ? 'div' : 'span', properties: { className, ...idProps }, children: rendering.nodes },
    rendering,
  };
}

/** The warning for a formula KaTeX could not typeset. */
export function mathWarning(file: string, line: number, column: number, message: string): Diagnostic {
  return warning(file, line, column, `cannot typeset this math: ${message}`, {
    code: 'math/katex',
    hint: 'It is shown as TeX source. KaTeX supports most LaTeX math, not every package: see https://katex.org/docs/supported',
  });
}

/**
 * Where the error is in the file: `start` is the formula's written start
 * (1-based line and column in the file), `prefix` the characters between it
 * and the TeX (`\(` or `$`), `offset` the error's offset in the TeX.
 */
export function errorPosition(
  start: { line: number; column: number },
  prefix: string,
  tex: string,
  offset: number | null,
): { line: number; column: number } {
  if (offset === null) return start;
  const before = prefix + tex.slice(0, Math.max(0, Math.min(offset, tex.length)));
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line: start.line, column: start.column + before.length };
  return { line: start.line + newlines, column: before.length - before.lastIndexOf('\n') };
}

export interface MathTransformContext {
  file: string;
  /** 1-based line of the file where the converted text starts (positions in the tree are relative to it). */
  startLine: number;
  diagnostics: Diagnostic[];
}

/**
 * Markdown math (remark-math → remark-rehype gives `<code class="language-math
 * math-inline">` and `<pre><code class="language-math math-display">`; a
 * fenced ```math block is display math too, as on GitHub) → KaTeX.
 */
export function renderMathElements(tree: Root, ctx: MathTransformContext): void {
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const code = child.tagName === 'pre' ? mathCode(child.children.find((c): c is Element => c.type === 'element')) : mathCode(child);
      if (!code) {
        visit(child);
        return;
      }
      const block = child.tagName === 'pre';
      const display = block || classes(code).includes('math-display');
      const tex = toString(code).replace(/\n$/, '');
      const source = block ? tex : `$${tex}$`;
      const { element, rendering } = mathElement(tex, { display, block, source });
      if (!rendering.ok) {
        const start = child.position?.start ?? code.position?.start;
        ctx.diagnostics.push(
          mathWarning(ctx.file, start ? start.line + ctx.startLine - 1 : 0, start?.column ?? 0, rendering.message),
        );
      }
      if (child.position) element.position = child.position;
      (parent.children as RootContent[])[index] = element;
    });
  };
  visit(tree);
}

function mathCode(node: Element | undefined): Element | null {
  if (!node || node.tagName !== 'code') return null;
  return classes(node).includes('language-math') ? node : null;
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}
