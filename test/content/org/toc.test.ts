import { describe, expect, it } from 'vitest';
import type { TocEntry } from '../../../src/content/document.js';
import { readExportOptions } from '../../../src/content/org/read-in-file-settings.js';
import { selectToc } from '../../../src/content/org/toc.js';
import { renderOrg } from '../../helpers/render-org.js';

const OUTLINE = '* One\n** One.A\n*** One.A.i\n* Two\n';

/** The outline of a real rendered post, and the entries its options select. */
function toc(options: string): { all: TocEntry[]; selected: string[] | null } {
  const body = `${options}\n${OUTLINE}`;
  const { doc } = renderOrg(body);
  const selected = selectToc(readExportOptions(body), doc.toc);
  return { all: doc.toc, selected: selected === null ? null : selected.map((e) => e.text) };
}

describe('table of contents selection', () => {
  it('leaves the choice to the theme when the author says nothing', () => {
    expect(toc('').selected).toBeNull();
  });

  it('lists every heading with toc:t', () => {
    expect(toc('#+OPTIONS: toc:t').selected).toEqual(['One', 'One.A', 'One.A.i', 'Two']);
  });

  it('lists headings down to level N with toc:N', () => {
    expect(toc('#+OPTIONS: toc:1').selected).toEqual(['One', 'Two']);
    expect(toc('#+OPTIONS: toc:2').selected).toEqual(['One', 'One.A', 'Two']);
  });

  it('asks for no table of contents with toc:nil', () => {
    expect(toc('#+OPTIONS: toc:nil').selected).toEqual([]);
  });

  it('takes #+TOC: headlines N as a request, even with toc:nil', () => {
    expect(toc('#+OPTIONS: toc:nil\n#+TOC: headlines 2').selected).toEqual(['One', 'One.A', 'Two']);
    expect(toc('#+TOC: headlines').selected).toEqual(['One', 'One.A', 'One.A.i', 'Two']);
  });

  it('never goes deeper than H:, whose deeper headlines are list items', () => {
    const { all, selected } = toc('#+OPTIONS: toc:t H:2');
    expect(all.map((e) => e.text)).toEqual(['One', 'One.A', 'Two']);
    expect(selected).toEqual(['One', 'One.A', 'Two']);
  });

  it('keeps the whole outline in Document.toc, for heading links', () => {
    expect(toc('#+OPTIONS: toc:1').all.map((e) => e.text)).toEqual(['One', 'One.A', 'One.A.i', 'Two']);
  });
});
