import { describe, expect, it } from 'vitest';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { LineNumbering, countLines, numberLines, parseLineNumberSwitch, splitLines } from '../../../src/content/org/line-numbers.js';

const span = (className: string, value: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text', value }],
});

describe('line numbers', () => {
  it('reads -n, +n and their numbers among other switches', () => {
    expect(parseLineNumberSwitch('-n')).toEqual({ mode: 'new', value: null });
    expect(parseLineNumberSwitch('-i +n 10')).toEqual({ mode: 'continue', value: 10 });
    expect(parseLineNumberSwitch('-r -l "(ref:%s)"')).toBeNull();
  });

  it('restarts with -n and continues with +n, as Emacs', () => {
    const numbering = new LineNumbering();
    expect(numbering.start({ mode: 'new', value: null }, 2)).toBe(1);
    expect(numbering.start({ mode: 'continue', value: null }, 3)).toBe(3);
    expect(numbering.start({ mode: 'continue', value: 5 }, 1)).toBe(10);
    expect(numbering.start({ mode: 'new', value: 20 }, 1)).toBe(20);
  });

  it('does not count a final newline as a line', () => {
    expect(countLines('a\nb\n')).toBe(2);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('')).toBe(0);
  });

  it('wraps each line of plain text in span.line with its number in data-line', () => {
    const html = toHtml({ type: 'root', children: numberLines([{ type: 'text', value: 'a\nb\n' }], 9) });
    expect(html).toBe('<span class="line" data-line="9">a</span>\n<span class="line" data-line="10">b</span>');
  });

  it('splits highlighted spans that cross line ends, so src blocks can reuse it', () => {
    const code: ElementContent[] = [span('string', '"one\ntwo"'), { type: 'text', value: ';\n' }];
    expect(splitLines(code).map((line) => toHtml({ type: 'root', children: line }))).toEqual([
      '<span class="string">"one</span>',
      '<span class="string">two"</span>;',
      '',
    ]);
    const html = toHtml({ type: 'root', children: numberLines(code, 1) });
    expect(html).toBe('<span class="line" data-line="1"><span class="string">"one</span></span>\n<span class="line" data-line="2"><span class="string">two"</span>;</span>');
  });
});
