/**
 * What the property tests found, kept as examples so a change that brings
 * one back fails here by name, whatever the random search tries that day.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { readFrontMatter } from '../../src/content/front-matter/read-front-matter.js';
import { renderDocument } from '../../src/content/render-document.js';
import { htmlProblems } from '../helpers/well-formed-html.js';

const render = (body: string, config = defaultConfig()) => renderDocument({ path: 'drafts/x.org', text: `#+TITLE: T\n#+DATE: 2024-01-01\n${body}` }, config);

describe('found by the property tests', () => {
  it('a `\\\\` line break alone on a line after text is a line break, not a parser crash (uniorg-parse, patched)', () => {
    const doc = render('alpha\n\\\\\nbeta\n');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.html).toMatch(/alpha\n<br>\s*beta/);
  });

  it('an unresolved YAML alias (`title: *alias`) is an error at the value, not a crash', () => {
    const r = readFrontMatter({ path: 'drafts/x.org', text: '---\ntitle: *alias\ndate: 2020-01-01\n---\nx\n' }, 'org', defaultConfig());
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 2, column: 8, code: 'front-matter/yaml', message: expect.stringContaining('Unresolved alias') }),
    ]);
  });

  it('control characters (NUL, the ESC of terminal colours) are left out of the page, with one warning at the first', () => {
    const doc = render('Output: \u001b[31mred\u001b[0m and \u0000 done.\n');
    expect(doc.html).toContain('Output: [31mred[0m and  done.');
    expect(htmlProblems(doc.html)).toEqual([]);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 3, column: 9, code: 'content/control-character' })]);
  });

  it('raw HTML with a mistyped tag still gives well-formed HTML', () => {
    const doc = render('#+HTML: <s#+HTML: <span>kw</span>\n');
    expect(htmlProblems(doc.html)).toEqual([]);
    expect(doc.html).toContain('kw');
  });
});

describe('found by the property tests: block names', () => {
  it('a block name with regexp characters (`#+BEGIN_SRC<**`) inside a paragraph or list is text, not a parser crash (uniorg-parse, patched)', () => {
    for (const body of ['<** [fn:1]\n#+BEGIN_SRC<** [fn:1]\n', '- item\n  #+BEGIN_a+(b\n  x\n']) {
      const doc = render(body);
      expect(doc.diagnostics.filter((d) => d.code === 'internal/content')).toEqual([]);
      expect(htmlProblems(doc.html)).toEqual([]);
    }
  });
});

describe('found by the property tests: attributes', () => {
  it('#+ATTR_HTML: :class on an element whose handler sets a class gives one class attribute with both', () => {
    const doc = render('#+ATTR_HTML: :class wide :tabindex 0\n- term :: description\n');
    expect(htmlProblems(doc.html)).toEqual([]);
    expect(doc.html).toContain('<dl class="org-dl wide" tabindex="0">');
  });
});
