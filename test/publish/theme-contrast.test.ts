import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixture-site.js';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The `--name: #hex` custom properties of the first `:root { … }` at or after `from`. */
function tokens(css: string, from: number): Record<string, string> {
  const start = css.indexOf(':root {', from);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

describe('theme colour contrast (WCAG AA, 4.5:1 for text)', async () => {
  const css = (await readFile(path.join(REPO, 'templates/assets/style.css'), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  const light = tokens(css, 0);
  const dark = { ...light, ...tokens(css, css.indexOf('@media (prefers-color-scheme: dark)')) };
  const pairs: [string, string][] = [
    ['fg', 'bg'],
    ['fg-strong', 'bg'],
    ['muted', 'bg'],
    ['accent', 'bg'],
    ['accent-hover', 'bg'],
    ['accent', 'accent-soft'],
    ['muted', 'surface'],
    ['muted', 'surface-strong'],
    ['code-fg', 'surface'],
    ['table-caption', 'bg'],
    ['todo-fg', 'todo-bg'],
    ['draft-fg', 'draft-bg'],
    ['done-fg', 'done-bg'],
  ];
  for (const [scheme, t] of [['light', light], ['dark', dark]] as const) {
    it.each(pairs)(`${scheme}: --%s on --%s`, (fg, bg) => {
      expect(t[fg], fg).toMatch(/^#/);
      expect(t[bg], bg).toMatch(/^#/);
      expect(contrast(t[fg]!, t[bg]!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the dark scheme really overrides the colours', () => {
    expect(dark['bg']).not.toBe(light['bg']);
    expect(dark['fg']).not.toBe(light['fg']);
  });
});
