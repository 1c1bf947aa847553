import { describe, expect, it } from 'vitest';
import { unsafeUrlScheme } from '../../../src/content/html/neutralize-unsafe-urls.js';

describe('unsafeUrlScheme', () => {
  it('finds script schemes the way a browser reads them', () => {
    expect(unsafeUrlScheme('javascript:alert(1)')).toBe('javascript');
    expect(unsafeUrlScheme('JaVaScRiPt:alert(1)')).toBe('javascript');
    expect(unsafeUrlScheme('  \u0001javascript:x')).toBe('javascript');
    expect(unsafeUrlScheme('java\tscr\nipt:x')).toBe('javascript');
    expect(unsafeUrlScheme('vbscript:msgbox(1)')).toBe('vbscript');
    expect(unsafeUrlScheme('data:text/html,<script>')).toBe('data');
  });

  it('lets images be data:image/…, and leaves ordinary addresses alone', () => {
    expect(unsafeUrlScheme('data:image/png;base64,AAAA', { image: true })).toBeNull();
    expect(unsafeUrlScheme('data:image/png;base64,AAAA')).toBe('data');
    expect(unsafeUrlScheme('data:text/html,x', { image: true })).toBe('data');
    for (const ok of ['https://x.org/javascript:', '/javascript:x', 'page.html#javascript:', 'mailto:a@b.c', 'java%09script:x', '#top', '']) {
      expect(unsafeUrlScheme(ok), ok).toBeNull();
    }
  });
});
