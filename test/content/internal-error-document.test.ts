import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';

describe('a draft the content stage fails on', () => {
  afterEach(() => {
    vi.doUnmock('../../src/content/org/org-to-hast.js');
    vi.resetModules();
  });

  it('gives an error at the file asking for a report, instead of an exception', async () => {
    vi.resetModules();
    vi.doMock('../../src/content/org/org-to-hast.js', () => ({
      orgToHast: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }));
    const { renderDocument } = await import('../../src/content/render-document.js');
    const doc = renderDocument({ path: 'drafts/x.org', text: '#+TITLE: Still named\n#+DATE: 2020-01-01\nx\n' }, defaultConfig());
    expect(doc.html).toBe('');
    expect(doc.meta.title).toBe('Still named');
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        file: 'drafts/x.org',
        severity: 'error',
        code: 'internal/content',
        message: 'orgpress failed on this draft (RangeError: Maximum call stack size exceeded)',
      }),
    ]);
  });
});
