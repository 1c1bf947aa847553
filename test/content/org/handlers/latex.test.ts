import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { renderDocument } from '../../../../src/content/render-document.js';
import { defaultConfig } from '../../../../src/config/schema.js';
import type { Document } from '../../../../src/content/document.js';

const FRONT_MATTER = '---\ntitle: Math\n---\n';
/** Lines the front matter takes: org positions are offset by it. */
const FM_LINES = 3;

function renderOrg(body: string): Document {
  return renderDocument({ path: 'drafts/x.org', text: FRONT_MATTER + body }, defaultConfig());
}

function tree(body: string): Root {
  return fromHtml(renderOrg(body).html, { fragment: true });
}

function one(node: Root | Element, selector: string): Element {
  const found = select(selector, node);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The TeX KaTeX typeset, from its MathML annotation. */
function tex(node: Element): string {
  return toString(one(node, 'annotation[encoding="application/x-tex"]'));
}

describe('org LaTeX fragments', () => {
  it('\\( … \\) and $…$ are inline math typeset by KaTeX, with MathML for screen readers', () => {
    const t = tree('For a step \\(h\\) and $x^2$ it reads.\n');
    const inline = selectAll('p > span.math.math-inline', t);
    expect(inline.map(tex)).toEqual(['h', 'x^2']);
    for (const m of inline) {
      expect(select('.katex .katex-html', m)).toBeDefined();
      expect(select('.katex math', m)).toBeDefined();
      expect(select('.katex-display', m)).toBeUndefined();
    }
  });

  it('\\[ … \\] and $$ … $$ are display math', () => {
    const t = tree('It reads \\[ \\int_a^b f(x)\\,dx \\] and $$\\sum_k k$$ too.\n');
    const display = selectAll('span.math.math-display', t);
    expect(display.map(tex)).toEqual([' \\int_a^b f(x)\\,dx ', '\\sum_k k']);
    for (const m of display) expect(select('.katex-display', m)).toBeDefined();
  });

  it("single dollars follow org's rules: prices stay text", () => {
    const t = tree('It costs $5 or $10, and $a$ is math.\n');
    expect(selectAll('.math', t).map(tex)).toEqual(['a']);
    expect(toString(one(t, 'p'))).toContain('It costs $5 or $10');
  });

  it('LaTeX environments are display math blocks, #+NAME gives the id', () => {
    const t = tree(`\
#+NAME: eq:energy
\\begin{equation}
E = mc^2
\\end{equation}

\\begin{align*}
a &= b \\\\
c &= d
\\end{align*}

\\begin{gather}
x = 1
\\end{gather}
`);
    const blocks = selectAll('div.math.math-display', t);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]?.properties['id']).toBe('eq:energy');
    expect(tex(blocks[0]!)).toContain('\\begin{equation}');
    for (const b of blocks) expect(select('.katex-display', b)).toBeDefined();
    // Numbered environments carry KaTeX's equation number (CSS counters number them in order).
    expect(select('.eqn-num', blocks[0]!)).toBeDefined();
    expect(select('.eqn-num', blocks[1]!)).toBeUndefined();
  });

  it('\\label inside an environment does not break it', () => {
    const doc = renderOrg('\\begin{equation}\\label{eq:one}\na = b\n\\end{equation}\n');
    expect(doc.diagnostics).toEqual([]);
    expect(select('div.math .katex', fromHtml(doc.html, { fragment: true }))).toBeDefined();
  });

  it('a TeX error warns with the line and keeps the build going', () => {
    const doc = renderOrg('First line.\n\nBroken \\(\\frac{\\) here, fine \\(x\\).\n');
    const t = fromHtml(doc.html, { fragment: true });
    const error = one(t, 'code.math-error');
    expect(toString(error)).toBe('\\(\\frac{\\)');
    expect(selectAll('.math', t).map(tex)).toEqual(['x']);
    expect(doc.diagnostics).toHaveLength(1);
    const d = doc.diagnostics[0]!;
    expect(d).toMatchObject({ file: 'drafts/x.org', severity: 'warning', line: FM_LINES + 3, code: 'math/katex' });
    // The column of the error inside the formula: after `Broken \(\frac{` (1-based).
    expect(d.column).toBe('Broken \\(\\frac{'.length + 1);
    expect(d.message).toMatch(/expected '}'/);
  });

  it('an environment KaTeX does not know warns at its line and shows the source as a block', () => {
    const doc = renderOrg('Text.\n\n\\begin{multline}\na \\\\ b\n\\end{multline}\n');
    const t = fromHtml(doc.html, { fragment: true });
    const pre = one(t, 'pre.math-error');
    expect(toString(one(pre, 'code.math-error'))).toBe('\\begin{multline}\na \\\\ b\n\\end{multline}');
    expect(select('.src-block', t)).toBeUndefined();
    expect(doc.diagnostics.map((d) => [d.severity, d.line])).toEqual([['warning', FM_LINES + 3]]);
  });

  it('math in a table caption and in a heading is typeset too', () => {
    const t = tree('* Rule for \\(O(h^2)\\)\n#+CAPTION: Error of \\(\\sin x\\).\n| a |\n');
    expect(tex(one(t, 'h2 .math, h1 .math, h3 .math'))).toBe('O(h^2)');
    expect(tex(one(t, 'caption .math'))).toBe('\\sin x');
  });
});
