import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/schema.js';
import { renderDocument } from '../../src/content/render-document.js';
import {
  expandIncludes,
  originOf,
  readIncludeFromDisk,
  remapPositions,
  type ReadInclude,
} from '../../src/source/expand-includes.js';

/** A read function over an in-memory folder of root-relative paths. */
function files(map: Record<string, string>): ReadInclude {
  return async (rel) => map[rel] ?? null;
}

const draft = (text: string) => ({ path: 'drafts/post.org', text });

describe('#+INCLUDE expansion', () => {
  it('puts an org file next to the draft in place of the include line', async () => {
    const r = await expandIncludes(draft('Before.\n#+INCLUDE: "part.org"\nAfter.\n'), files({ 'drafts/part.org': '* Part\nPart text.\n' }));
    expect(r.source.text).toBe('Before.\n* Part\nPart text.\nAfter.\n');
    expect(r.diagnostics).toEqual([]);
    expect([...r.included.keys()]).toEqual(['drafts/part.org']);
  });

  it('leaves a draft without includes untouched', async () => {
    const source = draft('Text.\n');
    const r = await expandIncludes(source, files({}));
    expect(r.source).toBe(source);
    expect(r.lineMap).toBeNull();
  });

  it('wraps src and example includes in blocks, escaping lines that would end them', async () => {
    const read = files({ 'drafts/code.py': 'print(1)\n', 'drafts/log.txt': '* starred\n#+END_EXAMPLE\nok\n' });
    const r = await expandIncludes(draft('#+INCLUDE: "code.py" src python\n#+INCLUDE: "log.txt" example\n'), read);
    expect(r.source.text).toBe(
      '#+BEGIN_SRC python\nprint(1)\n#+END_SRC\n#+BEGIN_EXAMPLE\n,* starred\n,#+END_EXAMPLE\nok\n#+END_EXAMPLE\n',
    );
  });

  it('takes :lines "3-5" as lines 3 and 4, as Emacs', async () => {
    const read = files({ 'drafts/n.txt': 'l1\nl2\nl3\nl4\nl5\nl6\n' });
    const r = await expandIncludes(draft('#+INCLUDE: "n.txt" example :lines "3-5"\n#+INCLUDE: "n.txt" example :lines "-2"\n'), read);
    expect(r.source.text).toBe('#+BEGIN_EXAMPLE\nl3\nl4\n#+END_EXAMPLE\n#+BEGIN_EXAMPLE\nl1\n#+END_EXAMPLE\n');
  });

  it('moves included headlines down with :minlevel', async () => {
    const r = await expandIncludes(draft('#+INCLUDE: "part.org" :minlevel 2\n'), files({ 'drafts/part.org': '* A\n** B\n' }));
    expect(r.source.text).toBe('** A\n*** B\n');
  });

  it('expands includes of included files, relative to each file', async () => {
    const read = files({ 'drafts/parts/a.org': 'A\n#+INCLUDE: "b.org"\n', 'drafts/parts/b.org': 'B\n' });
    const r = await expandIncludes(draft('#+INCLUDE: "parts/a.org"\n'), read);
    expect(r.source.text).toBe('A\nB\n');
  });

  it('reports a missing file as an error at the include line, which stays', async () => {
    const r = await expandIncludes(draft('---\ntitle: T\n---\nText.\n#+INCLUDE: "gone.org"\n'), files({}));
    expect(r.diagnostics).toMatchObject([{ severity: 'error', file: 'drafts/post.org', line: 5, column: 13, code: 'source/include' }]);
    expect(r.diagnostics[0]?.message).toContain('drafts/gone.org');
    expect(r.source.text).toContain('#+INCLUDE: "gone.org"');
  });

  it('stops include cycles with an error', async () => {
    const read = files({ 'drafts/a.org': '#+INCLUDE: "b.org"\n', 'drafts/b.org': '#+INCLUDE: "a.org"\n' });
    const r = await expandIncludes(draft('#+INCLUDE: "a.org"\n'), read);
    expect(r.diagnostics).toMatchObject([{ severity: 'error', file: 'drafts/b.org', line: 1 }]);
    expect(r.diagnostics[0]?.message).toMatch(/cycle: drafts\/post\.org → drafts\/a\.org → drafts\/b\.org → drafts\/a\.org/);
  });

  it('refuses paths that leave the site folder', async () => {
    const r = await expandIncludes(draft('#+INCLUDE: "../../etc/passwd" example\n#+INCLUDE: "/etc/passwd"\n'), files({}));
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 2]);
  });

  it('ignores include lines inside blocks and in the YAML front matter', async () => {
    const text = '---\n#+INCLUDE: "a.org"\ntitle: T\n---\n#+BEGIN_SRC org\n#+INCLUDE: "a.org"\n#+END_SRC\n';
    const r = await expandIncludes(draft(text), files({ 'drafts/a.org': 'A\n' }));
    expect(r.source.text).toBe(text);
  });

  it('maps every expanded line back to its file and line', async () => {
    const r = await expandIncludes(draft('One\n#+INCLUDE: "n.txt" example :lines "2-"\nThree\n'), files({ 'drafts/n.txt': 'a\nb\nc\n' }));
    const lines = r.source.text.split('\n');
    const origins = lines.map((_, i) => originOf(r.lineMap, 'drafts/post.org', i + 1));
    expect(lines.slice(0, 6)).toEqual(['One', '#+BEGIN_EXAMPLE', 'b', 'c', '#+END_EXAMPLE', 'Three']);
    expect(origins.slice(0, 6)).toEqual([
      { file: 'drafts/post.org', line: 1 },
      { file: 'drafts/post.org', line: 2 },
      { file: 'drafts/n.txt', line: 2 },
      { file: 'drafts/n.txt', line: 3 },
      { file: 'drafts/post.org', line: 2 },
      { file: 'drafts/post.org', line: 3 },
    ]);
  });

  it('moves TODO notes and diagnostics of the rendered post back to where they were written', async () => {
    const read = files({ 'drafts/part.org': 'Part.\n# TODO: fix the part\n' });
    const text = '---\ntitle: T\n---\n#+INCLUDE: "part.org"\n# TODO: after the include\nSee [[file:gone.org][x]] {{{nope}}}.\n';
    const r = await expandIncludes(draft(text), read);
    const doc = remapPositions(renderDocument(r.source, defaultConfig()), r);
    expect(doc.todos.map((n) => [n.file, n.line, n.text])).toEqual([
      ['drafts/part.org', 2, 'fix the part'],
      ['drafts/post.org', 5, 'after the include'],
    ]);
    expect(doc.diagnostics.filter((d) => d.code === 'org/macro').map((d) => [d.file, d.line])).toEqual([['drafts/post.org', 6]]);
    expect(doc.links.map((l) => l.line)).toEqual([6]);
  });

  it('reads included files from disk, relative to the site root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'orgpress-include-'));
    try {
      await mkdir(path.join(root, 'drafts'));
      await writeFile(path.join(root, 'drafts', 'part.org'), 'Disk part.\r\n');
      const read = readIncludeFromDisk(root);
      expect(await read('drafts/part.org')).toBe('Disk part.\n');
      expect(await read('drafts/none.org')).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
