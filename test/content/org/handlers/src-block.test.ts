import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { renderDocument } from '../../../../src/content/render-document.js';
import { defaultConfig } from '../../../../src/config/schema.js';
import type { Document } from '../../../../src/content/document.js';

/** An org draft through the real content stage (front matter included). */
function renderOrg(body: string): Document {
  const text = `---\ntitle: Code\n---\n${body}`;
  return renderDocument({ path: 'drafts/x.org', text }, defaultConfig());
}

function tree(body: string): Root {
  return fromHtml(renderOrg(body).html, { fragment: true });
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

/** The code as a reader copies it: the `<code>` text (numbers are CSS, not text). */
function codeText(node: Root | Element, selector = 'pre.src > code'): string {
  return toString(one(node, selector));
}

const PYTHON = `\
#+BEGIN_SRC python
def f(x):
    return x * 2  # double
#+END_SRC
`;

describe('org src blocks', () => {
  it('renders the theme markup: div.src-block with the language label and pre.src > code.language-x', () => {
    const t = tree(PYTHON);
    const block = one(t, 'div.src-block');
    expect(toString(one(block, ':scope > span.src-lang'))).toBe('python');
    const pre = one(block, ':scope > pre');
    expect(classes(pre)).toEqual(['src', 'src-python']);
    expect(classes(one(pre, ':scope > code'))).toEqual(['language-python']);
    expect(codeText(t)).toBe('def f(x):\n    return x * 2  # double');
  });

  it('highlights tokens at build time as highlight.js classes, coloured by the stylesheet', () => {
    const t = tree(PYTHON);
    const spans = selectAll('pre.src code span', t);
    expect(spans.length).toBeGreaterThan(3);
    const classOf = (text: string): string[] | undefined => {
      const span = spans.find((s) => toString(s) === text);
      return span && classes(span);
    };
    expect(classOf('def')).toEqual(['hljs-keyword']);
    expect(classOf('f')).toEqual(['hljs-title', 'function_']);
    expect(classOf('2')).toEqual(['hljs-number']);
    expect(classOf('# double')).toEqual(['hljs-comment']);
    // No colour is hard-wired: the stylesheet picks the scheme.
    expect(spans.every((s) => s.properties['style'] === undefined)).toBe(true);
  });

  it('header arguments never reach the output', () => {
    const doc = renderOrg(`\
#+BEGIN_SRC python :results output :exports both :session *py* :var n=3
print(n)
#+END_SRC
`);
    expect(doc.html).not.toMatch(/:results|:exports|:session|:var|\*py\*/);
    const t = fromHtml(doc.html, { fragment: true });
    expect(codeText(t)).toBe('print(n)');
    expect(classes(one(t, 'pre.src'))).toContain('src-python');
  });

  it(':exports none and :exports results hide the block; code and both show it', () => {
    const t = tree(`\
#+BEGIN_SRC sh :exports none
echo none
#+END_SRC

#+BEGIN_SRC sh :exports results
echo results
#+END_SRC

#+BEGIN_SRC sh :exports code
echo code
#+END_SRC

#+BEGIN_SRC sh :exports both
echo both
#+END_SRC
`);
    const shown = selectAll('pre.src > code', t).map((c) => toString(c));
    expect(shown).toEqual(['echo code', 'echo both']);
  });

  it('an unknown language is shown as plain escaped text', () => {
    const doc = renderOrg(`\
#+BEGIN_SRC no-such-language
<b>not bold</b> & <script>alert(1)</script>
#+END_SRC
`);
    expect(doc.diagnostics).toEqual([]);
    const t = fromHtml(doc.html, { fragment: true });
    expect(select('b, script', t)).toBeUndefined();
    expect(codeText(t)).toBe('<b>not bold</b> & <script>alert(1)</script>');
    expect(selectAll('pre.src span', t)).toHaveLength(0);
    expect(toString(one(t, '.src-lang'))).toBe('no-such-language');
  });

  it('a block without a language is plain, without a label', () => {
    const t = tree('#+BEGIN_SRC\nplain text\n#+END_SRC\n');
    expect(select('.src-lang', t)).toBeUndefined();
    expect(classes(one(t, 'pre'))).toEqual(['src']);
    expect(codeText(t)).toBe('plain text');
  });

  it.each([
    // Emacs Lisp is highlighted as generic Lisp: the head of a list is a name.
    ['emacs-lisp', '(defun f () "doc")', 'defun', 'hljs-name'],
    ['elisp', '(defun f () "doc")', '"doc"', 'hljs-string'],
    ['sh', 'if true; then echo hi; fi', 'if', 'hljs-keyword'],
    ['shell', 'if true; then echo hi; fi', 'if', 'hljs-keyword'],
    ['bash', 'if true; then echo hi; fi', 'if', 'hljs-keyword'],
    ['zsh', 'if true; then echo hi; fi', 'if', 'hljs-keyword'],
    ['js', 'const x = 1;', 'const', 'hljs-keyword'],
    ['ts', 'let x: number = 1;', 'let', 'hljs-keyword'],
    ['C', 'int main(void) { return 0; }', 'return', 'hljs-keyword'],
    ['c++', 'int main() { return 0; }', 'return', 'hljs-keyword'],
    ['cpp', 'int main() { return 0; }', 'return', 'hljs-keyword'],
    ['jupyter-python', 'def f(): pass', 'def', 'hljs-keyword'],
    ['ipython', 'def f(): pass', 'def', 'hljs-keyword'],
    ['conf', '[section]\nkey = "v"', '"v"', 'hljs-string'],
    ['nix', 'let x = "v"; in x', 'let', 'hljs-keyword'],
  ])('the org language name %s is highlighted', (language, code, token, className) => {
    const t = tree(`#+BEGIN_SRC ${language}\n${code}\n#+END_SRC\n`);
    const span = selectAll('pre.src code span', t).find((s) => toString(s) === token);
    expect(span && classes(span)).toEqual([className]);
    // The label and classes keep what the author wrote.
    expect(toString(one(t, '.src-lang'))).toBe(language);
    expect(classes(one(t, 'pre.src'))).toContain(`src-${language}`);
  });

  it('-n numbers the lines from 1, and -n 10 from 10, with the numbers outside the code text', () => {
    const t = tree(`\
#+BEGIN_SRC python -n
a = 1
b = 2
#+END_SRC

#+BEGIN_SRC python -n 10
c = 3
#+END_SRC
`);
    const [first, second] = selectAll('pre.src', t);
    expect(first && classes(first)).toContain('numbered');
    expect(selectAll('span.line', first!).map((l) => l.properties['dataLine'])).toEqual(['1', '2']);
    expect(selectAll('span.line', second!).map((l) => l.properties['dataLine'])).toEqual(['10']);
    // Copy-paste takes the text of <code>: no numbers in it.
    expect(toString(one(first!, 'code'))).toBe('a = 1\nb = 2');
  });

  it('+n continues from the previous numbered block, and +n 5 skips ahead', () => {
    const t = tree(`\
#+BEGIN_SRC python -n 3
a = 1
b = 2
#+END_SRC

#+BEGIN_SRC python
unnumbered = True
#+END_SRC

#+BEGIN_SRC python +n
c = 3
#+END_SRC

#+BEGIN_SRC python +n 5
d = 4
#+END_SRC
`);
    const numbers = selectAll('pre.src.numbered', t).map((pre) => selectAll('span.line', pre).map((l) => l.properties['dataLine']));
    expect(numbers).toEqual([['3', '4'], ['5'], ['10']]);
    expect(selectAll('pre.src:not(.numbered) span.line', t)).toHaveLength(0);
  });

  it('+n continues after a numbered example block too (one counter per document)', () => {
    const t = tree('#+BEGIN_EXAMPLE -n\na\nb\n#+END_EXAMPLE\n\n#+BEGIN_SRC python +n\nc = 1\n#+END_SRC\n');
    expect(selectAll('pre.src span.line', t).map((l) => l.properties['dataLine'])).toEqual(['3']);
  });

  it('coderef labels are taken out of the code; the line gets an id, and -r drops the label', () => {
    const t = tree(`\
#+BEGIN_SRC python
x = 1  (ref:init)
y = x
#+END_SRC

#+BEGIN_SRC python -r -n
z = 2 (ref:zed)
#+END_SRC

#+BEGIN_SRC python -l "<<%s>>"
w = 3 <<dub>>
#+END_SRC
`);
    const [kept, removed, custom] = selectAll('pre.src', t);
    expect(toString(one(kept!, 'code'))).toBe('x = 1 (init)\ny = x');
    expect(one(kept!, 'span.line#coderef-init')).toBeDefined();
    expect(toString(one(kept!, '.coderef-label'))).toBe('(init)');
    expect(toString(one(removed!, 'code'))).toBe('z = 2');
    expect(one(removed!, 'span.line#coderef-zed').properties['dataLine']).toBe('1');
    expect(toString(one(custom!, 'code'))).toBe('w = 3 (dub)');
    expect(t && toString(t)).not.toContain('ref:');
  });

  it('#+CAPTION makes a figure with a caption; #+NAME gives the id', () => {
    const t = tree(`\
#+NAME: trapezoid rule
#+CAPTION: The /trapezoid/ rule.
#+BEGIN_SRC python
pass
#+END_SRC
`);
    const figure = one(t, 'figure.src-block');
    expect(figure.properties['id']).toBe('trapezoid-rule');
    const caption = one(figure, ':scope > figcaption.src-caption');
    expect(toString(caption)).toBe('The trapezoid rule.');
    expect(select('em', caption)).toBeDefined();
    expect(one(figure, ':scope > pre.src')).toBeDefined();
  });

  it('removes common indentation and keeps tabs; -i keeps the indentation', () => {
    const t = tree(`\
#+BEGIN_SRC makefile
    all:
    \techo hi
#+END_SRC

#+BEGIN_SRC python -i
    indented = True
#+END_SRC
`);
    const [make, kept] = selectAll('pre.src > code', t);
    expect(toString(make!)).toBe('all:\n\techo hi');
    expect(toString(kept!)).toBe('    indented = True');
  });

  it('comma-escaped lines lose the comma, as in Emacs', () => {
    const t = tree('#+BEGIN_SRC org\n,* Heading\n,#+TITLE: x\n#+END_SRC\n');
    expect(codeText(t)).toBe('* Heading\n#+TITLE: x');
  });
});

describe('inline src blocks', () => {
  it('src_python{…} is inline code in the language, highlighted', () => {
    const t = tree('Call src_python{print(1)} now.\n');
    const code = one(t, 'p > code.src.src-python');
    expect(toString(code)).toBe('print(1)');
    expect(selectAll('span.hljs-built_in', code).map((s) => toString(s))).toEqual(['print']);
    expect(toString(one(t, 'p')).trim()).toBe('Call print(1) now.');
  });

  it('header arguments of inline blocks never reach the output; :exports none hides it', () => {
    const t = tree('A src_sh[:exports code]{ls -l} B src_sh[:exports none]{rm -rf x} C\n');
    expect(toString(one(t, 'p')).trim()).toBe('A ls -l B  C');
    expect(toString(t)).not.toContain(':exports');
  });

  it('is found even when sub/superscripts would split it (#+OPTIONS: ^:t)', () => {
    const t = tree('#+OPTIONS: ^:t\nRun src_emacs-lisp{(message "a--b")} here.\n');
    const code = one(t, 'code.src.src-emacs-lisp');
    // Code is not prose: no en dash from the special-strings rule.
    expect(toString(code)).toBe('(message "a--b")');
    expect(select('sub', t)).toBeUndefined();
  });

  it('a word merely containing src_ is left alone', () => {
    const t = tree('The mysrc_x{y} stays, and so does src_ alone.\n');
    expect(select('code', t)).toBeUndefined();
  });
});
