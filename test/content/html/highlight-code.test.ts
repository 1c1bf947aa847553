import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { loadFormats, renderDocument } from '../../../src/content/render-document.js';
import { defaultConfig } from '../../../src/config/schema.js';
import type { Document } from '../../../src/content/document.js';
import { codeBlock, highlightCodeBlocks } from '../../../src/content/html/highlight-code.js';
import { highlightLines, resolveLanguage } from '../../../src/content/html/highlighter.js';

await loadFormats([{ path: 'drafts/x.md', text: '' }]);

function renderMarkdown(body: string): Document {
  return renderDocument({ path: 'drafts/x.md', text: `---\ntitle: Md\n---\n${body}` }, defaultConfig());
}

function renderOrg(body: string): Document {
  return renderDocument({ path: 'drafts/x.org', text: `---\ntitle: Org\n---\n${body}` }, defaultConfig());
}

function tree(html: string): Root {
  return fromHtml(html, { fragment: true });
}

function one(node: Root | Element, selector: string): Element {
  const found = select(selector, node);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** A highlight.js token span (`hljs-keyword`, …). */
function isToken(node: Element): boolean {
  return classes(node).some((c) => c.startsWith('hljs-'));
}

/** Structure with token spans left out: what both paths must agree on. */
function shape(node: Element): unknown {
  return {
    tag: node.tagName,
    className: classes(node),
    children: node.children.filter((c): c is Element => c.type === 'element' && !isToken(c)).map(shape),
  };
}

describe('markdown fenced code', () => {
  it('gets the same markup and highlighting as an org src block', () => {
    const md = tree(renderMarkdown('```python\ndef f(x):\n    return x\n```\n').html);
    const org = tree(renderOrg('#+BEGIN_SRC python\ndef f(x):\n    return x\n#+END_SRC\n').html);
    const mdBlock = one(md, 'div.src-block');
    const orgBlock = one(org, 'div.src-block');
    expect(shape(mdBlock)).toEqual(shape(orgBlock));
    expect(toString(one(mdBlock, 'pre.src.src-python > code.language-python'))).toBe('def f(x):\n    return x');
    const tokens = (block: Element): string[][] => selectAll('code span', block).filter(isToken).map(classes);
    expect(tokens(mdBlock).length).toBeGreaterThan(0);
    expect(tokens(mdBlock)).toEqual(tokens(orgBlock));
  });

  it('an unknown language is shown as plain escaped text', () => {
    const t = tree(renderMarkdown('```klingon\n<i>qapla</i> & more\n```\n').html);
    expect(toString(one(t, 'pre.src.src-klingon > code'))).toBe('<i>qapla</i> & more');
    expect(select('i', t)).toBeUndefined();
    expect(selectAll('pre span', t)).toHaveLength(0);
  });

  it('code without a language and indented code are plain blocks without a label', () => {
    const t = tree(renderMarkdown('```\nplain\n```\n\n    indented\n').html);
    const blocks = selectAll('div.src-block', t);
    expect(blocks.map((b) => toString(one(b, 'pre.src > code')))).toEqual(['plain', 'indented']);
    expect(select('.src-lang', t)).toBeUndefined();
  });

  it('inline code is left as it is', () => {
    const t = tree(renderMarkdown('Use `npm ci` here.\n').html);
    expect(classes(one(t, 'p > code'))).toEqual([]);
  });
});

describe('the shared highlighter', () => {
  it('resolves the language names authors write, and nothing else', () => {
    expect(resolveLanguage('Python')).toBe('python');
    // highlight.js has no Emacs Lisp grammar: generic Lisp.
    expect(resolveLanguage('emacs-lisp')).toBe('lisp');
    expect(resolveLanguage('elisp')).toBe('lisp');
    expect(resolveLanguage('C')).toBe('c');
    expect(resolveLanguage('c++')).toBe('cpp');
    expect(resolveLanguage('cpp')).toBe('cpp');
    expect(resolveLanguage('jupyter-python')).toBe('python');
    expect(resolveLanguage('ipython')).toBe('python');
    // highlight.js's own `shell` is a console session; org's is a script.
    expect(['sh', 'shell', 'bash', 'zsh'].map(resolveLanguage)).toEqual(['bash', 'bash', 'bash', 'bash']);
    expect(resolveLanguage('js')).toBe('js');
    expect(resolveLanguage('ts')).toBe('ts');
    expect(resolveLanguage('conf')).toBe('ini');
    expect(resolveLanguage('ini')).toBe('ini');
    expect(resolveLanguage('nix')).toBe('nix');
    expect(resolveLanguage('python-mode')).toBe('python');
    expect(resolveLanguage('sqlite')).toBe('sql');
    expect(resolveLanguage('org')).toBeNull();
    expect(resolveLanguage('no-such-language')).toBeNull();
    expect(resolveLanguage('constructor')).toBeNull();
    expect(resolveLanguage('../../etc/passwd')).toBeNull();
    expect(resolveLanguage('text')).toBeNull();
    expect(resolveLanguage('')).toBeNull();
  });

  it('keeps every character of the code, line by line', () => {
    const code = 'const s = "<&>";\t// tab\n\n  let x = `${s}`;';
    const lines = highlightLines(code, 'javascript');
    expect(lines).toHaveLength(3);
    const text = lines.map((line) => line.map((n) => toString(n)).join('')).join('\n');
    expect(text).toBe(code);
  });

  it('gives the same tokens the first time a grammar is used as later', () => {
    const code = '(defun f (x) "doc" (let* ((y 1)) (+ x y)))';
    const first = JSON.stringify(highlightLines(code, resolveLanguage('emacs-lisp')));
    expect(first).toContain('hljs-string');
    expect(JSON.stringify(highlightLines(code, resolveLanguage('emacs-lisp')))).toBe(first);
  });

  it('splits a token that spans lines into one span per line', () => {
    const lines = highlightLines('s = """one\ntwo"""\nt = 1', 'python');
    expect(lines).toHaveLength(3);
    const strings = lines.map((line) =>
      line.filter((n): n is Element => n.type === 'element' && classes(n).includes('hljs-string')).map((n) => toString(n)),
    );
    expect(strings).toEqual([['"""one'], ['two"""'], []]);
  });

  it('keeps the tokens of an embedded language without a wrapper of their own', () => {
    const line = highlightLines('<script>let a = 1;</script>', 'html')[0] ?? [];
    const spans = line.filter((n): n is Element => n.type === 'element');
    expect(spans.map((s) => classes(s)[0])).toEqual(['hljs-tag', 'hljs-keyword', 'hljs-number', 'hljs-tag']);
  });

  it('leaves a block with an overlong line plain', () => {
    const long = 'y'.repeat(6000);
    expect(highlightLines(`x = 1\n${long}`, 'python')).toEqual([[{ type: 'text', value: 'x = 1' }], [{ type: 'text', value: long }]]);
  });

  it('numbers lines with data-line, keeping the numbers out of the text', () => {
    const block = codeBlock({ code: 'a\nb\nc', language: 'text', firstLine: 98 });
    const lines = selectAll('pre.src.numbered span.line', block);
    expect(lines.map((l) => l.properties['dataLine'])).toEqual(['98', '99', '100']);
    expect(toString(one(block, 'code'))).toBe('a\nb\nc');
    expect(String(one(block, 'code').properties['style'])).toBe('--line-digits:3');
  });

  it('leaves math and blocks already rendered alone', () => {
    const root: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-math'] }, children: [{ type: 'text', value: 'x' }] }] },
        codeBlock({ code: 'y', language: 'python' }),
      ],
    };
    const before = JSON.stringify(root);
    highlightCodeBlocks(root);
    expect(JSON.stringify(root)).toBe(before);
  });
});

describe('markdown math', () => {
  it('$…$ and $$…$$ are typeset with the same KaTeX options as org', () => {
    const md = tree(renderMarkdown('Inline $x^2$ here.\n\n$$\n\\int_0^1 x\\,dx\n$$\n').html);
    const org = tree(renderOrg('Inline $x^2$ here.\n').html);
    expect(toString(one(md, 'span.math.math-inline annotation'))).toBe('x^2');
    expect(shape(one(md, 'span.math.math-inline'))).toEqual(shape(one(org, 'span.math.math-inline')));
    expect(select('div.math.math-display .katex-display', md)).toBeDefined();
  });

  it('a TeX error warns with the line and keeps the build going', () => {
    const doc = renderMarkdown('Fine.\n\nBroken $\\frac{$ here.\n');
    const t = tree(doc.html);
    expect(toString(one(t, 'code.math-error'))).toBe('$\\frac{$');
    expect(doc.diagnostics.map((d) => [d.file, d.severity, d.line, d.code])).toEqual([['drafts/x.md', 'warning', 6, 'math/katex']]);
  });
});
