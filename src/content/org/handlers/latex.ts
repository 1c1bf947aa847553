/**
 * uniorg-rehype `latex-fragment` and `latex-environment` handlers: math
 * typeset with KaTeX at build time (`html/render-math.ts`, shared with
 * markdown).
 *
 *   \( … \)  and  $…$            → <span class="math math-inline">KaTeX</span>
 *   \[ … \]  and  $$ … $$        → <span class="math math-display">KaTeX display</span>
 *   \begin{equation} … \end{…}   → <div class="math math-display" id="NAME">KaTeX display</div>
 *   (align, align*, gather, … as KaTeX supports them)
 *   \mathbb{R} and other bare macros → inline, as Emacs' LaTeX image export does
 *
 * Which `$…$` are math is uniorg-parse's call, with org's rules (no space
 * inside the dollars, punctuation or space after). Numbered environments are
 * numbered by KaTeX's CSS counters, in document order. `\label{…}` is
 * dropped (KaTeX has no cross-references).
 *
 * A formula KaTeX cannot typeset is shown as written, in
 * `<code class="math-error">`, and reported as a warning at the line and
 * column of the error.
 */
import type { LatexEnvironment, LatexFragment } from 'uniorg';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { OrgHandlers } from './index.js';
import { keywordString } from '../affiliated-keywords.js';
import { sanitiseId } from './table/html-attributes.js';
import { errorPosition, mathElement, mathWarning, type MathRendering } from '../../html/render-math.js';

export interface LatexContext {
  /** Path of the draft relative to the site root, for warnings. */
  file: string;
  /** 1-based line of the file where the parsed body starts. */
  startLine: number;
  /** Where warnings go. */
  diagnostics: Diagnostic[];
}

type Point = { line: number; column: number };

export function latexHandlers(ctx: LatexContext): Pick<OrgHandlers, 'latex-fragment' | 'latex-environment'> {
  const report = (rendering: MathRendering, start: Point | undefined, prefix: string, tex: string): void => {
    if (rendering.ok) return;
    const at = start ? errorPosition(start, prefix, tex, rendering.offset) : { line: 0, column: 0 };
    ctx.diagnostics.push(mathWarning(ctx.file, at.line === 0 ? 0 : at.line + ctx.startLine - 1, at.column, rendering.message));
  };

  return {
    'latex-fragment': function (org: LatexFragment) {
      const { prefix, tex, display } = splitFragment(org);
      const { element, rendering } = mathElement(tex, { display, source: org.value });
      report(rendering, org.position?.start, prefix, tex);
      if (org.position) element.position = org.position;
      return element;
    },
    'latex-environment': function (org: LatexEnvironment) {
      const indent = /^\s*/.exec(org.value)?.[0] ?? '';
      const tex = org.value.slice(indent.length).replace(/\s+$/, '');
      const name = keywordString(org.affiliated, 'NAME');
      const id = name === undefined ? undefined : sanitiseId(name);
      const { element, rendering } = mathElement(tex, { display: true, block: true, source: tex, ...(id ? { id } : {}) });
      report(rendering, org.position?.start, indent, tex);
      if (org.position) element.position = org.position;
      return element;
    },
  };
}

/** The delimiters, the TeX inside them and whether it is display math. */
function splitFragment(org: LatexFragment): { prefix: string; tex: string; display: boolean } {
  const v = org.value;
  if (v.startsWith('\\(')) return { prefix: '\\(', tex: org.contents, display: false };
  if (v.startsWith('\\[')) return { prefix: '\\[', tex: org.contents, display: true };
  if (v.startsWith('$$')) return { prefix: '$$', tex: org.contents, display: true };
  if (v.startsWith('$')) return { prefix: '$', tex: org.contents, display: false };
  return { prefix: '', tex: v, display: false };
}
