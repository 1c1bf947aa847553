import { describe, expect, it } from 'vitest';
import { normalizeTags, splitTagString } from '../../../src/content/front-matter/normalize-tags.js';

describe('normalizeTags', () => {
  it('takes a YAML list as it is', () => {
    expect(normalizeTags(['python', 'asyncio'])).toEqual({ tags: ['python', 'asyncio'], problems: [] });
  });

  it('takes a single string as one tag', () => {
    expect(normalizeTags('technobabble').tags).toEqual(['technobabble']);
  });

  it('splits a string on commas, keeping multi-word tags', () => {
    expect(normalizeTags('python, machine learning ,asyncio').tags).toEqual(['python', 'machine learning', 'asyncio']);
  });

  it('splits a string without commas on whitespace', () => {
    expect(normalizeTags('python  asyncio\tevents').tags).toEqual(['python', 'asyncio', 'events']);
  });

  it('splits the org :a:b: form', () => {
    expect(normalizeTags(':python:asyncio:').tags).toEqual(['python', 'asyncio']);
  });

  it('trims entries and drops empty ones', () => {
    expect(normalizeTags(['  a ', '', null, '   ', 'b']).tags).toEqual(['a', 'b']);
    expect(normalizeTags('a,,b,').tags).toEqual(['a', 'b']);
  });

  it('removes duplicates ignoring case, keeping the first spelling', () => {
    expect(normalizeTags(['Python', 'python', 'PYTHON', 'Go']).tags).toEqual(['Python', 'Go']);
  });

  it('turns numbers into strings, in their written spelling when known', () => {
    expect(normalizeTags([3, 1], ['3', '1.0']).tags).toEqual(['3', '1.0']);
    expect(normalizeTags([2018]).tags).toEqual(['2018']);
  });

  it('reports a list entry that is a mapping as an error with its index', () => {
    const r = normalizeTags(['a', { x: 1 }, 'b']);
    expect(r.tags).toEqual(['a', 'b']);
    expect(r.problems).toEqual([{ index: 1, severity: 'error', message: 'tag 2 is a mapping, not text' }]);
  });

  it('reports tags given as a mapping as an error', () => {
    const r = normalizeTags({ a: 1 });
    expect(r.tags).toEqual([]);
    expect(r.problems[0]?.severity).toBe('error');
    expect(r.problems[0]?.index).toBeNull();
  });

  it('gives no tags for an empty value', () => {
    expect(normalizeTags(null)).toEqual({ tags: [], problems: [] });
  });
});

describe('splitTagString', () => {
  it('does not treat a colon inside a word as the org form', () => {
    expect(splitTagString('c++ lang:en')).toEqual(['c++', 'lang:en']);
  });
});
