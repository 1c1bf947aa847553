import { describe, expect, it } from 'vitest';
import { slugFromPath, slugify } from '../../../src/content/front-matter/slug.js';

describe('slugify', () => {
  it.each([
    ['Some Python asyncio disambiguation', 'some-python-asyncio-disambiguation'],
    ['Café Déjà Vu', 'cafe-deja-vu'],
    ['Straße & Ærø', 'strasse-aero'],
    ['İstanbul', 'istanbul'],
    ["Don't panic!", 'dont-panic'],
    ['  --Hello,   World--  ', 'hello-world'],
    ['ﬁle Ａbc ①', 'file-abc-1'],
    ['C++ & Rust: 2018', 'c-rust-2018'],
  ])('folds Latin text to ASCII: %j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    ['日本語', '日本語'],
    ['日本語 のテスト', '日本語-のテスト'],
    ['がぎぐ', 'がぎぐ'],
    ['Привет мир', 'привет-мир'],
    ['हिन्दी पाठ', 'हिन्दी-पाठ'],
  ])('keeps letters of other scripts instead of dropping them: %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('gives an empty slug for text without letters or digits', () => {
    expect(slugify('!!! ---')).toBe('');
  });

  it('is idempotent', () => {
    for (const s of ['Café Déjà Vu', '日本語 のテスト', 'a--b']) expect(slugify(slugify(s))).toBe(slugify(s));
  });
});

describe('slugFromPath', () => {
  it('drops the directory, the extension and the date prefix', () => {
    expect(slugFromPath('drafts/2018-03-09-python-asyncio.org')).toBe('python-asyncio');
  });

  it('slugifies a name without a date prefix', () => {
    expect(slugFromPath('drafts/My Great Post.md')).toBe('my-great-post');
  });

  it('keeps a name that is only a date', () => {
    expect(slugFromPath('drafts/2018-03-09.org')).toBe('2018-03-09');
  });
});
