import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every token colour of templates/assets/code.css must stay readable: WCAG
 * AA (4.5:1) against the code background of its scheme, and against the
 * background of a line a coderef link points at. The colours and the
 * backgrounds are read from the stylesheets, so changing either side is
 * checked.
 */
const codeCss = readFileSync(new URL('../../../templates/assets/code.css', import.meta.url), 'utf8');
const styleCss = readFileSync(new URL('../../../templates/assets/style.css', import.meta.url), 'utf8');

/** `--name: #rrggbb;` declarations of the first rule after `start` in `css`. */
function declarations(css: string, start: string): Map<string, string> {
  const at = css.indexOf(start);
  if (at < 0) throw new Error(`no ${start}`);
  const body = css.slice(at, css.indexOf('}', at));
  return new Map([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const schemes = {
  light: {
    tokens: declarations(codeCss, ':is(pre.src, code.src) {'),
    page: declarations(styleCss, ':root {'),
  },
  dark: {
    tokens: declarations(codeCss.slice(codeCss.indexOf('@media screen and (prefers-color-scheme: dark)')), ':is(pre.src, code.src) {'),
    page: declarations(styleCss.slice(styleCss.indexOf('@media (prefers-color-scheme: dark)')), ':root {'),
  },
};

describe('code token colours', () => {
  it.each(Object.entries(schemes))('%s: every colour reaches 4.5:1 on its background', (_scheme, { tokens, page }) => {
    const backgrounds = ['--surface', '--accent-soft'].map((name) => page.get(name));
    expect(backgrounds.every((b) => b !== undefined)).toBe(true);
    const colours = [...tokens].filter(([name]) => !name.endsWith('-bg'));
    expect(colours.length).toBeGreaterThanOrEqual(8);
    const failing: string[] = [];
    for (const [name, colour] of colours) {
      // Inserted and deleted lines have their own background.
      const own = tokens.get(`${name}-bg`);
      for (const bg of own ? [own] : (backgrounds as string[])) {
        const ratio = contrast(colour, bg);
        if (ratio < 4.5) failing.push(`${name} ${colour} on ${bg}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it('both schemes define the same colours', () => {
    expect([...schemes.dark.tokens.keys()].sort()).toEqual([...schemes.light.tokens.keys()].sort());
  });
});
