/**
 * The one markup for code blocks, shared by org src blocks and markdown
 * fenced code, highlighted at build time (`highlighter.ts`):
 *
 *   <div class="src-block" id="NAME">                   (<figure> when captioned)
 *     <figcaption class="src-caption">…</figcaption>     (only with a caption)
 *     <span class="src-lang">python</span>               (only with a language)
 *     <pre class="src src-python"><code class="language-python">…</code></pre>
 *   </div>
 *
 * Numbered blocks (`pre.src.numbered`) wrap each line in
 * `<span class="line" data-line="N">`; the number is drawn by CSS from
 * `data-line`, so copying the code never copies the numbers. A line that is
 * the target of a coderef gets `id="coderef-NAME"` (the id ox-html gives it).
 *
 * Org's handler calls `codeBlock()` directly; markdown goes through
 * `highlightCodeBlocks()`, a hast transform over `pre > code`.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { highlightLines, resolveLanguage } from './highlighter.js';

export interface CodeBlockOptions {
  /** The code, without a final newline. */
  code: string;
  /** The language as the author wrote it (`python`, `emacs-lisp`, `C`); null or empty: none. */
  language?: string | null;
  /** Number the lines from this number; null or absent: no numbers. */
  firstLine?: number | null;
  /** 0-based line index → id, for lines that coderef links point at. */
  lineIds?: ReadonlyMap<number, string>;
  /** 0-based line index → label shown at the end of the line (a coderef kept in the output). */
  lineLabels?: ReadonlyMap<number, string>;
  /** Caption content; a captioned block is a `<figure>`. */
  caption?: ElementContent[];
  id?: string;
}

/** A complete code block element (see the module comment for its shape). */
export function codeBlock(options: CodeBlockOptions): Element {
  const written = cleanLanguage(options.language);
  const lines = highlightLines(options.code, resolveLanguage(written));
  const numbered = options.firstLine !== null && options.firstLine !== undefined;
  const wrapLines = numbered || (options.lineIds?.size ?? 0) > 0 || (options.lineLabels?.size ?? 0) > 0;

  const codeChildren: ElementContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) codeChildren.push(text('\n'));
    const label = options.lineLabels?.get(i);
    const content = label === undefined ? line : [...line, text(' '), span({ className: ['coderef-label'] }, [text(label)])];
    if (!wrapLines) {
      codeChildren.push(...content);
      return;
    }
    const properties: Properties = { className: ['line'] };
    if (numbered) properties['dataLine'] = String((options.firstLine ?? 1) + i);
    const id = options.lineIds?.get(i);
    if (id !== undefined) properties['id'] = id;
    codeChildren.push(span(properties, content));
  });

  const codeProperties: Properties = written ? { className: [`language-${written}`] } : {};
  if (numbered) {
    const last = (options.firstLine ?? 1) + Math.max(0, lines.length - 1);
    // Width of the number gutter, in digits (the stylesheet multiplies by 1ch).
    codeProperties['style'] = `--line-digits:${Math.max(String(last).length, String(options.firstLine).length)}`;
  }
  const preClasses = ['src', ...(written ? [`src-${written}`] : []), ...(numbered ? ['numbered'] : [])];
  const pre = element('pre', { className: preClasses }, [element('code', codeProperties, codeChildren)]);

  const children: ElementContent[] = [];
  const captioned = (options.caption?.length ?? 0) > 0;
  if (captioned) children.push(element('figcaption', { className: ['src-caption'] }, options.caption ?? []));
  if (written) children.push(span({ className: ['src-lang'] }, [text(written)]));
  children.push(pre);
  const properties: Properties = { className: ['src-block'] };
  if (options.id) properties['id'] = options.id;
  return element(captioned ? 'figure' : 'div', properties, children);
}

/** Inline code in a language (org's `src_python{…}`): `<code class="src src-python">`, highlighted. */
export function inlineCode(code: string, language: string | null | undefined): Element {
  const written = cleanLanguage(language);
  const lines = highlightLines(code, resolveLanguage(written));
  const children: ElementContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push(text('\n'));
    children.push(...line);
  });
  return element('code', { className: ['src', ...(written ? [`src-${written}`] : [])] }, children);
}

/**
 * Markdown's code blocks (`<pre><code class="language-js">` from
 * remark-rehype, or raw HTML of that shape) → `codeBlock()`. Blocks already
 * in a `.src-block`, math (`language-math`) and formulas KaTeX could not
 * typeset (`code.math-error`) are left alone.
 */
export function highlightCodeBlocks(tree: Root): void {
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (classList(child).includes('src-block')) return;
      const code = child.tagName === 'pre' ? soleCode(child) : null;
      if (code) {
        const language = classList(code)
          .find((c) => c.startsWith('language-'))
          ?.slice('language-'.length);
        if (language === 'math' || classList(code).includes('math-error')) return;
        const block = codeBlock({ code: toString(code).replace(/\n$/, ''), language: language ?? null });
        if (child.position) block.position = child.position;
        (parent.children as RootContent[])[index] = block;
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}

/** The `<code>` that is a `<pre>`'s only content (whitespace aside), or null. */
function soleCode(pre: Element): Element | null {
  let code: Element | null = null;
  for (const child of pre.children) {
    if (child.type === 'element' && child.tagName === 'code' && code === null) code = child;
    else if (child.type === 'text' && child.value.trim() === '') continue;
    else if (child.type === 'comment') continue;
    else return null;
  }
  return code;
}

/** A language name safe to put in a class: what the author wrote, without spaces or quotes. */
function cleanLanguage(language: string | null | undefined): string {
  return (language ?? '').trim().replace(/[^\p{L}\p{N}+#._-]/gu, '');
}

function classList(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function span(properties: Properties, children: ElementContent[]): Element {
  return element('span', properties, children);
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
