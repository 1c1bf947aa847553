import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/schema.js';
import type { SourceFormat } from '../../../src/content/document.js';
import { readFrontMatter } from '../../../src/content/front-matter/read-front-matter.js';

function read(text: string, path = 'drafts/post.org', format: SourceFormat = 'org', timeZone = 'UTC') {
  return readFrontMatter({ path, text }, format, defaultConfig({ timeZone }));
}

const errors = (r: ReturnType<typeof read>) => r.diagnostics.filter((d) => d.severity === 'error');
const warnings = (r: ReturnType<typeof read>) => r.diagnostics.filter((d) => d.severity === 'warning');

const SEED_HEADER = `---
title: Some Python asyncio disambiguation
author: Chris Hodapp
date: March 9, 2018
tags: technobabble
---
# TODO: Generators? ...
`;

describe("readFrontMatter: the user's draft", () => {
  it('reads the seed header: human date, single string tag, slug from the file name', () => {
    const r = read(SEED_HEADER, 'drafts/2018-03-09-python-asyncio.org');
    expect(r.diagnostics).toEqual([]);
    expect(r.meta).toEqual({
      title: 'Some Python asyncio disambiguation',
      date: { day: '2018-03-09', instant: null },
      updated: null,
      tags: ['technobabble'],
      slug: 'python-asyncio',
      draft: false,
      author: 'Chris Hodapp',
      summary: null,
      extra: {},
    });
    expect(r.bodyStartLine).toBe(7);
    expect(r.body).toBe('# TODO: Generators? ...\n');
  });

  it('gives the same calendar day in every site zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
      expect(read(SEED_HEADER, 'drafts/2018-03-09-python-asyncio.org', 'org', zone).meta.date).toEqual({
        day: '2018-03-09',
        instant: null,
      });
    }
  });
});

describe('readFrontMatter: splitting', () => {
  it('gives the whole text as body from line 1 when there is no front matter', () => {
    const r = read('#+TITLE: Hi\nText\n');
    expect(r.body).toBe('#+TITLE: Hi\nText\n');
    expect(r.bodyStartLine).toBe(1);
    expect(r.meta.title).toBe('Hi');
  });

  it('strips a leading byte-order mark and keeps positions right', () => {
    const r = read('\uFEFF---\ntitle: x\ndate: nope\n---\nbody\n');
    expect(r.meta.title).toBe('x');
    expect(r.body).toBe('body\n');
    expect(r.bodyStartLine).toBe(5);
    expect(errors(r)).toMatchObject([{ line: 3, column: 7 }]);
  });

  it('reports front matter that is never closed at the opening fence', () => {
    const r = read('---\ntitle: x\ndate: 2018-03-09\nSome text.\n');
    expect(errors(r)).toEqual([
      expect.objectContaining({
        file: 'drafts/post.org',
        line: 1,
        column: 1,
        message: expect.stringContaining('front matter is never closed'),
        hint: expect.stringMatching(/add a closing `---` line.*before line 4/),
      }),
    ]);
    expect(r.bodyStartLine).toBe(1);
    expect(r.meta.title).toBe('');
  });

  it('accepts an empty front matter block', () => {
    const r = read('---\n---\n#+TITLE: T\n');
    expect(r.meta.title).toBe('T');
    expect(r.bodyStartLine).toBe(3);
    expect(r.diagnostics).toEqual([]);
  });

  it('warns when a --- block is pushed down by blank lines and so is not front matter', () => {
    const r = read('\n---\ntitle: x\n---\n', 'drafts/post.md', 'markdown');
    expect(warnings(r)).toMatchObject([{ line: 2, code: 'front-matter/not-at-top' }]);
  });
});

describe('readFrontMatter: YAML errors', () => {
  it('reports malformed YAML at its line in the file, fence included', () => {
    const r = read('---\ntitle: ok\ntitle2: Python: a tour\n---\nbody\n');
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatchObject({ file: 'drafts/post.org', line: 3, column: 9, code: 'front-matter/yaml' });
    expect(errors(r)[0]?.hint).toMatch(/double quotes/);
  });

  it('reports a tab used as indentation on its line', () => {
    const r = read('---\ntitle: ok\ntags:\n\t- a\n---\n');
    expect(errors(r)[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('reports an unclosed quote at the opening quote, not at the end of the block', () => {
    const r = read('---\ntitle: x\nfoo: "bar\nbaz: 1\n---\n');
    expect(errors(r)).toMatchObject([{ line: 3, column: 6, code: 'front-matter/yaml' }]);
  });

  it('reports a repeated key', () => {
    const r = read('---\ntitle: a\ntitle: b\n---\n');
    expect(errors(r)).toMatchObject([{ line: 3, column: 1, hint: expect.stringMatching(/once/) }]);
  });

  it('does not add a "no title" error on top of a YAML error', () => {
    const r = read('---\ntitle: [unclosed\n---\n');
    expect(errors(r).every((d) => d.code === 'front-matter/yaml')).toBe(true);
  });

  it('reports front matter that is a list, not keys', () => {
    const r = read('---\n- a\n- b\n---\n');
    expect(errors(r)).toMatchObject([{ line: 2, column: 1, code: 'front-matter/not-a-mapping' }]);
  });

  it('keeps `date: 2018-03-09` a calendar date, not a Date at UTC midnight', () => {
    const r = read('---\ntitle: t\ndate: 2018-03-09\n---\n', 'drafts/p.org', 'org', 'Pacific/Pago_Pago');
    expect(r.meta.date).toEqual({ day: '2018-03-09', instant: null });
  });
});

describe('readFrontMatter: title', () => {
  it('reports a missing title naming the file at line 1, column 1', () => {
    const r = read('---\ndate: 2018-03-09\n---\nbody\n', 'drafts/untitled.org');
    expect(r.meta.title).toBe('');
    expect(errors(r)).toEqual([
      expect.objectContaining({
        file: 'drafts/untitled.org',
        line: 1,
        column: 1,
        message: expect.stringContaining('drafts/untitled.org'),
        hint: 'add `title: …` to the front matter or a `#+TITLE:` line',
      }),
    ]);
  });

  it('treats an empty title as missing', () => {
    expect(errors(read('---\ntitle:\n---\n'))).toMatchObject([{ line: 1, column: 1, code: 'front-matter/no-title' }]);
    expect(errors(read('---\ntitle: "  "\n---\n'))).toMatchObject([{ code: 'front-matter/no-title' }]);
  });

  it('does not suggest #+TITLE: for markdown', () => {
    const r = read('---\ndate: 2018-03-09\n---\n', 'drafts/x.md', 'markdown');
    expect(errors(r)[0]?.hint).toBe('add `title: …` to the front matter');
  });

  it('turns a number title into text as written', () => {
    expect(read('---\ntitle: 1984\n---\n').meta.title).toBe('1984');
    expect(read('---\ntitle: 1e3\n---\n').meta.title).toBe('1e3');
  });

  it('reports a title that is a mapping at its position', () => {
    const r = read('---\ntitle: {a: 1}\n---\n');
    expect(r.meta.title).toBe('');
    expect(errors(r)).toMatchObject([{ line: 2, column: 8, code: 'front-matter/title' }]);
  });
});

describe('readFrontMatter: dates', () => {
  it('falls back to the YYYY-MM-DD- prefix of the file name', () => {
    const r = read('---\ntitle: t\n---\n', 'drafts/2018-03-09-x.org', 'org', 'Pacific/Kiritimati');
    expect(r.meta.date).toEqual({ day: '2018-03-09', instant: null });
    expect(r.diagnostics).toEqual([]);
  });

  it('leaves the date null without a date or a prefix, and says nothing', () => {
    const r = read('---\ntitle: t\n---\n', 'drafts/x.org');
    expect(r.meta.date).toBeNull();
    expect(r.diagnostics).toEqual([]);
  });

  it('reports an impossible date at its line and column with the accepted forms', () => {
    const r = read('---\ntitle: t\ndate: February 30, 2018\n---\n', 'drafts/2018-02-01-x.org');
    expect(r.meta.date).toBeNull(); // a wrong date is not silently replaced by the file name's
    expect(errors(r)).toMatchObject([
      { line: 3, column: 7, code: 'front-matter/date', hint: expect.stringContaining('March 9, 2018') },
    ]);
  });

  it('reports an unparseable #+DATE: at the keyword value', () => {
    const r = read('#+TITLE: t\n#+DATE: someday\n');
    expect(errors(r)).toMatchObject([{ line: 2, column: 9, code: 'front-matter/date' }]);
  });

  it('reads a datetime without offset in the configured zone', () => {
    const r = read('---\ntitle: t\ndate: 2018-07-04 14:30\nupdated: 2018-12-04 14:30\n---\n', 'drafts/x.org', 'org', 'America/New_York');
    expect(r.meta.date).toEqual({ day: '2018-07-04', instant: '2018-07-04T14:30:00-04:00' });
    expect(r.meta.updated).toEqual({ day: '2018-12-04', instant: '2018-12-04T14:30:00-05:00' });
  });

  it('reads `lastmod` as the update date', () => {
    expect(read('---\ntitle: t\nlastmod: 2018-04-01\n---\n').meta.updated).toEqual({ day: '2018-04-01', instant: null });
  });

  it('warns about a date given as a list and falls back to the file name', () => {
    const r = read('---\ntitle: t\ndate:\n  - 2018-03-09\n  - 2018-03-10\n---\n', 'drafts/2018-01-01-x.org');
    expect(r.meta.date).toEqual({ day: '2018-01-01', instant: null });
    expect(warnings(r)).toMatchObject([{ line: 4, column: 3, code: 'front-matter/date' }]);
  });

  it('warns when the update date is before the post date', () => {
    const r = read('---\ntitle: t\ndate: 2018-03-09\nupdated: 2018-01-01\n---\n');
    expect(warnings(r)).toMatchObject([{ line: 4, code: 'front-matter/date' }]);
  });

  it('reports an impossible date in the file name when it is used', () => {
    const r = read('---\ntitle: t\n---\n', 'drafts/2018-02-30-x.org');
    expect(r.meta.date).toBeNull();
    expect(errors(r)).toMatchObject([{ line: 0, code: 'front-matter/date' }]);
  });
});

describe('readFrontMatter: tags', () => {
  it.each([
    ['a YAML list', 'tags: [python, asyncio]'],
    ['a block list', 'tags:\n  - python\n  - asyncio'],
    ['a comma string', 'tags: python, asyncio'],
    ['a space string', 'tags: python asyncio'],
    ['`keywords`', 'keywords: python, asyncio'],
  ])('reads tags from %s', (_, yaml) => {
    expect(read(`---\ntitle: t\n${yaml}\n---\n`).meta.tags).toEqual(['python', 'asyncio']);
  });

  it('reads #+FILETAGS: in the :a:b: form', () => {
    expect(read('#+TITLE: t\n#+FILETAGS: :python:asyncio:\n').meta.tags).toEqual(['python', 'asyncio']);
  });

  it('reads #+FILETAGS: space separated', () => {
    expect(read('#+TITLE: t\n#+FILETAGS: python asyncio\n').meta.tags).toEqual(['python', 'asyncio']);
  });

  it('reports a tag that is a mapping at the entry', () => {
    const r = read('---\ntitle: t\ntags:\n  - ok\n  - {x: 1}\n---\n');
    expect(r.meta.tags).toEqual(['ok']);
    expect(errors(r)).toMatchObject([{ line: 5, column: 5, code: 'front-matter/tags' }]);
  });

  it('keeps the spelling of number tags', () => {
    expect(read('---\ntitle: t\ntags: [2018, 1.0]\n---\n').meta.tags).toEqual(['2018', '1.0']);
  });

  it('uses `tags` over `keywords` and warns about the one ignored', () => {
    const r = read('---\ntitle: t\ntags: a\nkeywords: b\n---\n');
    expect(r.meta.tags).toEqual(['a']);
    expect(warnings(r)).toMatchObject([{ line: 4, column: 1, code: 'front-matter/duplicate-field' }]);
  });
});

describe('readFrontMatter: org keywords', () => {
  it('reads every supported keyword', () => {
    const r = read(
      '#+TITLE: Org post\n#+DATE: <2018-03-09 Fri>\n#+AUTHOR: Chris\n#+FILETAGS: :a:b:\n#+DESCRIPTION: About  things.\n#+SLUG: My Slug\n#+DRAFT: t\nBody\n',
    );
    expect(r.meta).toEqual({
      title: 'Org post',
      date: { day: '2018-03-09', instant: null },
      updated: null,
      tags: ['a', 'b'],
      slug: 'my-slug',
      draft: true,
      author: 'Chris',
      summary: 'About things.',
      extra: {},
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('lets YAML win over a keyword and warns at the keyword line', () => {
    const r = read('---\ntitle: From YAML\n---\n#+TITLE: From keyword\nBody\n');
    expect(r.meta.title).toBe('From YAML');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        column: 1,
        code: 'front-matter/conflict',
        message: expect.stringMatching(/#\+TITLE:.*YAML.*line 2/),
      }),
    ]);
  });

  it('uses a keyword when the YAML key is empty, without a warning', () => {
    const r = read('---\ntitle:\n---\n#+TITLE: K\n');
    expect(r.meta.title).toBe('K');
    expect(r.diagnostics).toEqual([]);
  });

  it('takes the first of repeated keywords and warns about the others', () => {
    const r = read('#+TITLE: First\nText\n#+TITLE: Second\n');
    expect(r.meta.title).toBe('First');
    expect(warnings(r)).toMatchObject([{ line: 3, code: 'front-matter/duplicate-keyword' }]);
  });

  it('reads keywords found later in the file, outside blocks', () => {
    const r = read('Intro.\n#+BEGIN_SRC org\n#+TITLE: Example\n#+END_SRC\n#+TITLE: Real\n');
    expect(r.meta.title).toBe('Real');
  });

  it('ignores org keywords in markdown files', () => {
    const r = read('---\ntitle: t\n---\n#+DATE: 2018-03-09\n', 'drafts/x.md', 'markdown');
    expect(r.meta.date).toBeNull();
    expect(r.diagnostics).toEqual([]);
  });
});

describe('readFrontMatter: other fields', () => {
  it('slugifies an explicit slug', () => {
    expect(read('---\ntitle: t\nslug: Hello World!\n---\n').meta.slug).toBe('hello-world');
  });

  it('keeps non-Latin slugs', () => {
    expect(read('---\ntitle: t\n---\n', 'drafts/2018-03-09-日本語.org').meta.slug).toBe('日本語');
  });

  it('warns about a slug without letters and uses the file name', () => {
    const r = read('---\ntitle: t\nslug: "!!!"\n---\n', 'drafts/2018-03-09-real.org');
    expect(r.meta.slug).toBe('real');
    expect(warnings(r)).toMatchObject([{ line: 3, code: 'front-matter/slug' }]);
  });

  it.each([
    ['true', true],
    ['"yes"', true],
    ['"true"', true],
    ['false', false],
    ['no', false],
  ])('reads draft: %s', (value, expected) => {
    const r = read(`---\ntitle: t\ndraft: ${value}\n---\n`);
    expect(r.meta.draft).toBe(expected);
    expect(r.diagnostics).toEqual([]);
  });

  it('warns about a draft value that is not yes or no, and keeps the post back', () => {
    const r = read('---\ntitle: t\ndraft: [a]\n---\n');
    expect(r.meta.draft).toBe(true);
    expect(warnings(r)).toMatchObject([{ line: 3, column: 8, code: 'front-matter/draft' }]);
  });

  it('reads summary, else description, as plain text', () => {
    expect(read('---\ntitle: t\nsummary: >\n  A folded\n  summary.\n---\n').meta.summary).toBe('A folded summary.');
    expect(read('---\ntitle: t\ndescription: Desc\n---\n').meta.summary).toBe('Desc');
    expect(read('---\ntitle: t\n---\n').meta.summary).toBeNull();
  });

  it('reads author as text or null, and joins a list of authors', () => {
    expect(read('---\ntitle: t\nauthor: A\n---\n').meta.author).toBe('A');
    expect(read('---\ntitle: t\n---\n').meta.author).toBeNull();
    expect(read('---\ntitle: t\nauthor: [A, B]\n---\n').meta.author).toBe('A, B');
  });

  it('passes every other key to extra untouched', () => {
    const r = read('---\ntitle: t\naliases: [/old/]\nimage: {src: a.png, alt: A}\ncount: 3\n---\n');
    expect(r.meta.extra).toEqual({ aliases: ['/old/'], image: { src: 'a.png', alt: 'A' }, count: 3 });
  });

  it('keeps a __proto__ key as data in extra', () => {
    const r = read('---\ntitle: t\n__proto__: {polluted: true}\n---\n');
    expect(Object.getPrototypeOf(r.meta.extra)).toBe(Object.prototype);
    expect(Object.keys(r.meta.extra)).toEqual(['__proto__']);
  });

  it('warns about a key that differs from a known one only in case', () => {
    const r = read('---\ntitle: t\nDate: 2018-03-09\ntag: x\n---\n');
    expect(r.meta.date).toBeNull();
    expect(r.meta.extra).toEqual({ Date: '2018-03-09', tag: 'x' });
    expect(warnings(r).map((d) => [d.line, d.hint])).toEqual([
      [3, 'rename it to `date`'],
      [4, 'rename it to `tags`'],
    ]);
  });

  it('uses the same YAML rules for markdown', () => {
    const r = read('---\ntitle: MD\ndate: 9 March 2018\ntags: a, b\n---\n# Heading\n', 'drafts/2018-03-09-md-post.md', 'markdown');
    expect(r.meta).toMatchObject({ title: 'MD', date: { day: '2018-03-09', instant: null }, tags: ['a', 'b'], slug: 'md-post' });
    expect(r.bodyStartLine).toBe(6);
  });
});
