import { describe, expect, it } from 'vitest';
import { expandMacros, splitArguments } from '../../../../src/content/org/transforms/expand-macros.js';
import { one, renderOrg, text } from '../../../helpers/render-org.js';

const ctx = { file: 'drafts/x.org', startLine: 1 };

describe('macros', () => {
  it('expands #+MACRO: definitions with $N arguments', () => {
    const { tree } = renderOrg('#+MACRO: greet Hello, $1 and $2!\n{{{greet(World, you)}}}\n');
    expect(text(one(tree, 'p'))).toBe('Hello, World and you!');
  });

  it('splits arguments on commas, keeps escaped commas and drops leading whitespace, as Emacs', () => {
    expect(splitArguments(' a , b\\, c,d')).toEqual(['a ', 'b, c', 'd']);
    expect(splitArguments('x\\\\,y')).toEqual(['x\\', 'y']);
  });

  it('leaves missing arguments empty and expands macros inside replacements', () => {
    const { text: out } = expandMacros('#+MACRO: inner <$1>\n#+MACRO: outer [{{{inner(x)}}}$2]\n{{{outer(a)}}}\n', ctx);
    expect(out.split('\n')[2]).toBe('[<x>]');
  });

  it('treats macro names case-insensitively', () => {
    expect(expandMacros('#+MACRO: Name v\n{{{NAME}}}', ctx).text.split('\n')[1]).toBe('v');
  });

  it('gives title, author and date from the front matter, else from the org keywords', () => {
    const meta = { title: 'From YAML', author: 'Ann', date: { day: '2024-01-02', instant: null } };
    expect(expandMacros('{{{title}}} by {{{author}}} on {{{date}}}', { ...ctx, meta }).text).toBe('From YAML by Ann on 2024-01-02');
    const { tree } = renderOrg('#+AUTHOR: Bob\n#+DATE: 2024-03-04\n{{{title}}} by {{{author}}} on {{{date}}} ({{{keyword(AUTHOR)}}})\n');
    expect(text(one(tree, 'p'))).toBe('Test by Bob on 2024-03-04 (Bob)');
  });

  it('keeps every line in place', () => {
    const source = '#+MACRO: m a much longer replacement\nx {{{m}}} y\n# TODO: note\n';
    const { text: out } = expandMacros(source, ctx);
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out.split('\n')[2]).toBe('# TODO: note');
  });

  it('leaves calls in comments, code blocks, fixed-width lines and verbatim text alone', () => {
    const source = '#+MACRO: m X\n# {{{m}}}\n#+BEGIN_SRC org\n{{{m}}}\n#+END_SRC\n: {{{m}}}\n=a {{{m}}}= and {{{m}}}\n';
    expect(expandMacros(source, ctx).text.split('\n').slice(1)).toEqual([
      '# {{{m}}}',
      '#+BEGIN_SRC org',
      '{{{m}}}',
      '#+END_SRC',
      ': {{{m}}}',
      '=a {{{m}}}= and X',
      '',
    ]);
  });

  it('warns about an unknown macro at its position and leaves it as written', () => {
    const { tree, diagnostics } = renderOrg('Say {{{nope(1)}}}.\n');
    expect(text(one(tree, 'p'))).toBe('Say {{{nope(1)}}}.');
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'org/macro', line: 3, column: 5 }]);
  });

  it('stops a macro that expands into itself with a warning', () => {
    const { diagnostics } = expandMacros('#+MACRO: loop {{{loop}}}\n{{{loop}}}\n', ctx);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/itself/);
  });

  it('does not run (eval …) macros', () => {
    const { text: out, diagnostics } = expandMacros('#+MACRO: now (eval (current-time-string))\n{{{now}}}\n', ctx);
    expect(out.split('\n')[1]).toBe('{{{now}}}');
    expect(diagnostics[0]?.message).toMatch(/Emacs Lisp/);
  });
});
