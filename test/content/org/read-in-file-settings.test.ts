import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS, readExportOptions } from '../../../src/content/org/read-in-file-settings.js';

describe('in-file export settings', () => {
  it('gives the defaults for a file without settings', () => {
    expect(readExportOptions('Text.\n')).toEqual(DEFAULT_EXPORT_OPTIONS);
  });

  it('reads flags, numbers and the unusual keys of #+OPTIONS:', () => {
    const o = readExportOptions('#+OPTIONS: toc:2 num:t H:3 todo:nil tags:not-in-toc pri:t ^:nil \\n:t f:nil arch:nil\n');
    expect(o).toMatchObject({ toc: 2, num: true, headlineLevels: 3, todo: false, tags: true, priority: true });
    expect(o).toMatchObject({ subSuperscripts: false, preserveBreaks: true, footnotes: false, archived: false });
  });

  it('adds up several #+OPTIONS: lines, in any case', () => {
    expect(readExportOptions('#+OPTIONS: num:t\n#+options: toc:nil\n')).toMatchObject({ num: true, toc: false });
  });

  it('reads d: as a flag or a Lisp list of drawer names', () => {
    expect(readExportOptions('#+OPTIONS: d:t').drawers).toBe(true);
    expect(readExportOptions('#+OPTIONS: d:("NOTES" "MORE") toc:t').drawers).toEqual({ only: ['NOTES', 'MORE'] });
    expect(readExportOptions('#+OPTIONS: d:(not "LOGBOOK")').drawers).toEqual({ except: ['LOGBOOK'] });
  });

  it('lets #+EXCLUDE_TAGS: and #+SELECT_TAGS: replace their defaults, lines adding up', () => {
    const o = readExportOptions('#+EXCLUDE_TAGS: private draft\n#+EXCLUDE_TAGS: wip\n#+SELECT_TAGS: pick\n');
    expect(o.excludeTags).toEqual(['private', 'draft', 'wip']);
    expect(o.selectTags).toEqual(['pick']);
    expect(readExportOptions('').excludeTags).toEqual(['noexport']);
  });

  it('reads #+TOC: headlines with and without a depth', () => {
    expect(readExportOptions('#+TOC: headlines 2\n').tocKeyword).toEqual({ depth: 2 });
    expect(readExportOptions('#+TOC: headlines\n').tocKeyword).toEqual({ depth: null });
    expect(readExportOptions('#+TOC: tables\n').tocKeyword).toBeNull();
  });
});
