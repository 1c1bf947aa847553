import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { feedContent } from '../../src/render/feed-content.js';

describe('feed content', () => {
  it('keeps only the MathML copy of KaTeX formulas, since readers load no stylesheet', () => {
    const math = katex.renderToString('h^2', { output: 'htmlAndMathml' });
    const out = feedContent(`<p>Error is ${math}.</p>`);
    expect(out).toContain('<math');
    expect(out).not.toContain('katex-html');
    expect(out.startsWith('<p>Error is ')).toBe(true);
  });

  it('passes HTML without math through untouched', () => {
    const html = '<p>a &#x26; <a href="/x/">b</a></p>';
    expect(feedContent(html)).toBe(html);
  });
});
