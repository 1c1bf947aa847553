import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { OrgData } from 'uniorg';
import uniorgParse from 'uniorg-parse';
import uniorgRehype from 'uniorg-rehype';
import { restoreTableKeywords, tableHandler } from '../../../../src/content/org/handlers/table.js';

const parseOptions = { trackPosition: true, useSubSuperscripts: '{}' } as const;

/** Org → HTML string through the real pipeline, with or without the keyword pass. */
function toHtml(org: string, { keywords = true } = {}): string {
  const processor = unified()
    .use(uniorgParse, parseOptions)
    .use(uniorgRehype, { handlers: { table: tableHandler } })
    .use(rehypeStringify);
  const tree = processor.parse(org);
  if (keywords) restoreTableKeywords(tree, org, parseOptions);
  return processor.stringify(processor.runSync(tree));
}

/** Render, then read the HTML back as a browser would, to assert on structure. */
function render(org: string, options?: { keywords?: boolean }): Root {
  return fromHtml(toHtml(org, options), { fragment: true });
}

function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(node: Element | Root): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** Cell texts, row by row, for a section selector (`thead`, `tbody`, `table`). */
function grid(tree: Root | Element, selector = 'table'): string[][] {
  return selectAll(`${selector} tr`, tree).map((tr) => selectAll('th, td', tr).map((c) => text(c).trim()));
}

const USER_TABLE = `\
|-----------+-----------+-----------------------+-----------------------------------------------|
| Call from | Call to | When/where | How |
|-----------+-----------+-----------------------+-----------------------------------------------|
| Either | Function | Now, same thread | Normal function call |
| Function | Coroutine | Now, same thread | ~.run_*~ in event loop |
| Coroutine | Coroutine | Now, same thread | ~await~ |
| Either | Function | Whenever, same thread | Event loop ~.call_*()~ |
| Either | Coroutine | Whenever, same thread | Event loop ~.create_task()~ |
| | | | ~asyncio.ensure_future()~ |
| Either | Function | Now, another thread | ~.run_in_executor()~ on ~ThreadPoolExecutor~ |
| Either | Function | Now, another process | ~.run_in_executor()~ on ~ProcessPoolExecutor~ |
|-----------+-----------+-----------------------+-----------------------------------------------|
`;

describe('the user’s asyncio table', () => {
  const tree = render(USER_TABLE);

  it('has a one-row header of four column headers', () => {
    expect(selectAll('table > thead', tree)).toHaveLength(1);
    expect(selectAll('thead > tr', tree)).toHaveLength(1);
    const headers = selectAll('thead > tr > th', tree);
    expect(headers.map((th) => th.properties['scope'])).toEqual(['col', 'col', 'col', 'col']);
    expect(headers.map((th) => text(th))).toEqual(['Call from', 'Call to', 'When/where', 'How']);
  });

  it('has exactly one body of eight rows, the sixth continuing the fifth', () => {
    expect(selectAll('table > tbody', tree)).toHaveLength(1);
    const rows = selectAll('tbody > tr', tree);
    expect(rows).toHaveLength(8);
    expect(rows.map((tr) => classes(tr).includes('continuation'))).toEqual([
      false, false, false, false, false, true, false, false,
    ]);
    expect(text(one(rows[5]!, 'td:last-child code'))).toBe('asyncio.ensure_future()');
  });

  it('makes no empty group from its opening and closing rules', () => {
    for (const group of selectAll('thead, tbody', tree)) {
      expect(selectAll('tr', group).length).toBeGreaterThan(0);
    }
  });

  it('sits in a focusable scrolling region labelled "Table"', () => {
    const wrap = one(tree, 'div.table-wrap');
    expect(wrap.properties['role']).toBe('region');
    expect(wrap.properties['tabIndex']).toBe(0);
    expect(wrap.properties['ariaLabel']).toBe('Table');
    expect(classes(one(wrap, ':scope > table'))).toEqual(['org-table']);
  });

  it('gives every cell of a row the same column count', () => {
    expect(grid(tree).every((row) => row.length === 4)).toBe(true);
  });
});

describe('row groups', () => {
  it('a leading rule is a border, not an empty group', () => {
    const tree = render('|---+---|\n| a | b |\n| c | d |\n');
    expect(select('thead', tree)).toBeUndefined();
    expect(selectAll('tbody', tree)).toHaveLength(1);
    expect(grid(tree, 'tbody')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('a trailing rule is a border, not a header rule', () => {
    const tree = render('| a | b |\n| c | d |\n|---+---|\n');
    expect(select('thead', tree)).toBeUndefined();
    expect(selectAll('tbody', tree)).toHaveLength(1);
    expect(selectAll('tbody tr', tree)).toHaveLength(2);
  });

  it('the header is the rows above the first rule that follows data', () => {
    const tree = render('|---|\n| h1 |\n| h2 |\n|---|\n| a |\n');
    expect(grid(tree, 'thead')).toEqual([['h1'], ['h2']]);
    expect(selectAll('thead th', tree)).toHaveLength(2);
    expect(grid(tree, 'tbody')).toEqual([['a']]);
  });

  it('without a rule after data there is no header, only one body', () => {
    const tree = render('| a | b |\n| c | d |\n');
    expect(select('thead', tree)).toBeUndefined();
    expect(select('th', tree)).toBeUndefined();
    expect(selectAll('tbody', tree)).toHaveLength(1);
  });

  it('consecutive rules make no empty group', () => {
    const tree = render('|---|\n|---|\n| h |\n|---|\n|---|\n| a |\n|---|\n|---|\n');
    expect(grid(tree, 'thead')).toEqual([['h']]);
    expect(selectAll('tbody', tree)).toHaveLength(1);
    expect(grid(tree, 'tbody')).toEqual([['a']]);
  });

  it('each later rule starts a new body', () => {
    const tree = render('| h |\n|---|\n| a |\n|---|\n| b |\n| c |\n|---|\n| d |\n');
    const bodies = selectAll('table > tbody', tree);
    expect(bodies.map((b) => grid(b, ':scope'))).toEqual([[['a']], [['b'], ['c']], [['d']]]);
  });

  it('a table of rules only renders an empty table, with no empty group', () => {
    const tree = render('|---+---|\n|---+---|\n');
    expect(select('table.org-table', tree)).toBeDefined();
    expect(select('thead, tbody, tr', tree)).toBeUndefined();
  });
});

describe('continuation rows', () => {
  it('every row after an anchored row with an empty first cell continues it', () => {
    const tree = render('| h | i |\n|---|\n| a | b |\n|   | c |\n|   | d |\n| e | f |\n');
    expect(selectAll('tbody tr', tree).map((tr) => classes(tr))).toEqual([[], ['continuation'], ['continuation'], []]);
  });

  it('the first row of a group never continues anything', () => {
    const tree = render('| h | i |\n|---|\n| a | b |\n|---|\n|   | c |\n');
    expect(select('tr.continuation', tree)).toBeUndefined();
  });

  it('a header row is never a continuation', () => {
    const tree = render('| a | b |\n|   | c |\n|---|\n| d | e |\n');
    expect(selectAll('thead tr', tree)).toHaveLength(2);
    expect(select('tr.continuation', tree)).toBeUndefined();
  });

  it('a column empty from the top of its group does not chain rows together', () => {
    const tree = render('|   | a |\n|   | b |\n|   | c |\n');
    expect(select('tr.continuation', tree)).toBeUndefined();
  });

  it('an entirely empty row is not a continuation', () => {
    const tree = render('| a | b |\n|   |   |\n');
    expect(select('tr.continuation', tree)).toBeUndefined();
  });

  it('cells of a continuation row are kept, not merged', () => {
    const tree = render('| a | b |\n|   | c |\n');
    const row = one(tree, 'tr.continuation');
    expect(selectAll('td', row).map((td) => text(td))).toEqual(['', 'c']);
  });
});

describe('column groups', () => {
  // Checked against Emacs 28 / org 9.5 `org-html-export-to-html`:
  // colgroups (a b c) (d) (e) (f), the `/` row not rendered.
  const TABLE = '| / | < |   | > |   | <> |   |\n| # | a | b | c | d | e | f |\n';

  it('a column-group row becomes colgroups and is not rendered', () => {
    const tree = render(TABLE);
    const groups = selectAll('table > colgroup', tree);
    expect(groups.map((g) => selectAll('col', g).length)).toEqual([3, 1, 1, 1]);
    expect(groups.map((g) => classes(g))).toEqual([['colgroup'], [], ['colgroup'], []]);
    expect(grid(tree)).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
  });

  it('colgroups come after the caption and before the rows', () => {
    const tree = render(`#+CAPTION: c\n${TABLE}`);
    const tags = one(tree, 'table').children.flatMap((c) => (c.type === 'element' ? [c.tagName] : []));
    expect(tags).toEqual(['caption', 'colgroup', 'colgroup', 'colgroup', 'colgroup', 'tbody']);
  });

  it('a table without a column-group row has no colgroup', () => {
    expect(select('colgroup', render('| a | b |\n'))).toBeUndefined();
  });

  it('a column-group row that marks nothing gives no colgroup', () => {
    const tree = render('| / |   |   |\n| # | a | b |\n');
    expect(select('colgroup', tree)).toBeUndefined();
    expect(grid(tree)).toEqual([['a', 'b']]);
  });
});

describe('alignment', () => {
  it('a cookie row sets column alignment and is not rendered', () => {
    const tree = render('| <l> | <c> | <r10> | <10> |\n| 1 | b | c | 4 |\n| 2 | d | e | 5 |\n');
    expect(grid(tree)).toEqual([['1', 'b', 'c', '4'], ['2', 'd', 'e', '5']]);
    const firstRow = selectAll('tr:first-child td', tree);
    expect(firstRow.map((td) => classes(td))).toEqual([
      ['align-left'], ['align-center'], ['align-right'], ['align-right'],
    ]);
  });

  it('a cookie row between rules makes no header', () => {
    const tree = render('|---+---|\n| <r> |  |\n|---+---|\n| a | b |\n');
    expect(select('thead', tree)).toBeUndefined();
    expect(grid(tree)).toEqual([['a', 'b']]);
    expect(classes(one(tree, 'td'))).toEqual(['align-right']);
  });

  it('a column of mostly numbers is right-aligned, its header too', () => {
    const tree = render('| Name | Count |\n|---+---|\n| a | 1 |\n| b | 22 |\n| c | -3.5e2 |\n');
    expect(selectAll('th', tree).map((th) => classes(th))).toEqual([['align-left'], ['align-right']]);
    expect(selectAll('td:nth-child(2)', tree).every((td) => classes(td).includes('align-right'))).toBe(true);
    expect(selectAll('td:nth-child(1)', tree).every((td) => classes(td).includes('align-left'))).toBe(true);
  });

  it('a column where numbers are fewer than half stays left-aligned', () => {
    const tree = render('| 1 |\n| x |\n| y |\n');
    expect(selectAll('td', tree).every((td) => classes(td).includes('align-left'))).toBe(true);
  });

  it('a number in markup does not count as a number', () => {
    const tree = render('| ~1~ |\n| ~2~ |\n| x |\n');
    expect(classes(one(tree, 'td'))).toEqual(['align-left']);
  });

  it('an empty cell below a number counts as a number, as in Emacs', () => {
    const tree = render('| 1 |\n|   |\n| x |\n');
    expect(classes(one(tree, 'td'))).toEqual(['align-right']);
  });
});

describe('the marker column', () => {
  const TABLE = [
    '| ! | name | qty |',
    '| ^ |      | top |',
    '| # | nuts | 12  |',
    '|   | bolts| 4   |',
    '| * | sum  | 16  |',
    '| $ | max=9 |',
    '| _ |      | low |',
    '',
  ].join('\n');

  it('a first column of markers only is dropped', () => {
    const tree = render(TABLE);
    expect(grid(tree)).toEqual([['nuts', '12'], ['bolts', '4'], ['sum', '16']]);
  });

  it('rows marked ! ^ _ $ are not rendered', () => {
    const html = toHtml(TABLE);
    for (const hidden of ['name', 'top', 'max=9', 'low']) expect(html).not.toContain(hidden);
  });

  it('the marker column is not counted for alignment', () => {
    const tree = render(TABLE);
    expect(selectAll('td:nth-child(2)', tree).every((td) => classes(td).includes('align-right'))).toBe(true);
  });

  it('a first column with any non-marker is kept, with its ! row', () => {
    const tree = render('| ! | a |\n| x | b |\n');
    expect(grid(tree)).toEqual([['!', 'a'], ['x', 'b']]);
  });

  it('a first column of empty cells only is kept', () => {
    expect(grid(render('|   | a |\n|   | b |\n'))).toEqual([['', 'a'], ['', 'b']]);
  });
});

describe('caption, name and attributes', () => {
  const TABLE = [
    '#+CAPTION: Call *styles* compared',
    '#+NAME: tbl:call styles!',
    '#+ATTR_HTML: :class wide striped :border 2 :rules all',
    '#+ATTR_HTML: :style color: red :cellpadding 4 :width 100% :title "Two words" :data-x nil :onclick alert(1)',
    '| a | b |',
    '|---+---|',
    '| 1 | 2 |',
    '',
  ].join('\n');

  it('#+CAPTION becomes the caption, with its inline markup', () => {
    const caption = one(render(TABLE), 'table > caption');
    expect(text(caption)).toBe('Call styles compared');
    expect(text(one(caption, 'strong'))).toBe('styles');
  });

  it('the scrolling region is labelled with the caption’s plain text', () => {
    expect(one(render(TABLE), 'div.table-wrap').properties['ariaLabel']).toBe('Call styles compared');
  });

  it('#+NAME becomes a sanitised id on the table', () => {
    expect(one(render(TABLE), 'table').properties['id']).toBe('tbl:call-styles');
  });

  it(':id in #+ATTR_HTML wins over #+NAME', () => {
    const tree = render('#+NAME: named\n#+ATTR_HTML: :id chosen\n| a |\n');
    expect(one(tree, 'table').properties['id']).toBe('chosen');
  });

  it(':class adds classes after org-table', () => {
    expect(classes(one(render(TABLE), 'table'))).toEqual(['org-table', 'wide', 'striped']);
  });

  it('presentational attributes and event handlers are dropped', () => {
    const table = one(render(TABLE), 'table');
    for (const dropped of ['border', 'rules', 'style', 'cellPadding', 'width', 'onClick']) {
      expect(table.properties[dropped]).toBeUndefined();
    }
  });

  it('other attributes pass through, quotes removed, nil dropped', () => {
    const table = one(render(TABLE), 'table');
    expect(table.properties['title']).toBe('Two words');
    expect(table.properties['dataX']).toBeUndefined();
  });

  it('several #+CAPTION lines join with a space, long form over short', () => {
    const tree = render('#+CAPTION[short]: Long\n#+CAPTION: caption\n| a |\n');
    expect(text(one(tree, 'caption'))).toBe('Long caption');
  });

  it('without the keyword pass the table still renders, labelled "Table"', () => {
    const tree = render(TABLE, { keywords: false });
    expect(select('caption', tree)).toBeUndefined();
    expect(one(tree, 'div.table-wrap').properties['ariaLabel']).toBe('Table');
    expect(grid(tree, 'thead')).toEqual([['a', 'b']]);
  });

  it('keywords separated from the table by a blank line are not its keywords', () => {
    const tree = render('#+CAPTION: orphan\n\n| a |\n');
    expect(select('caption', tree)).toBeUndefined();
  });

  it('a caption keeps its position in the document', () => {
    const org = 'Intro.\n\n#+CAPTION: see *this*\n| a |\n';
    const processor = unified().use(uniorgParse, parseOptions);
    const tree = processor.parse(org) as OrgData;
    restoreTableKeywords(tree, org, parseOptions);
    const table = tree.children.find((c) => c.type === 'table') as unknown as {
      affiliated: { CAPTION: { type: string; position?: { start: { line: number; column: number; offset?: number } } }[][] };
    };
    const bold = table.affiliated.CAPTION[0]?.find((o) => o.type === 'bold');
    expect(bold?.position?.start).toMatchObject({ line: 3, column: 16, offset: 23 });
    expect(org.slice(23, 29)).toBe('*this*');
  });
});

describe('cell contents', () => {
  it('#+TBLFM is never shown', () => {
    const html = toHtml('| 1 | 2 |\n#+TBLFM: $2=$1*2\n');
    expect(html).not.toContain('TBLFM');
    expect(html).not.toContain('$1*2');
  });

  it('inline markup works inside cells', () => {
    const tree = render('| ~code~ | *bold* | [[https://example.org][a link]] | /it/ |\n');
    expect(text(one(tree, 'td:nth-child(1) > code'))).toBe('code');
    expect(text(one(tree, 'td:nth-child(2) > strong'))).toBe('bold');
    const link = one(tree, 'td:nth-child(3) > a');
    expect(link.properties['href']).toBe('https://example.org');
    expect(text(link)).toBe('a link');
    expect(text(one(tree, 'td:nth-child(4) > em'))).toBe('it');
  });

  it('ragged rows are padded to the widest row', () => {
    const tree = render('| a | b | c |\n| d |\n| e | f |\n|\n');
    expect(grid(tree)).toEqual([['a', 'b', 'c'], ['d', '', ''], ['e', 'f', ''], ['', '', '']]);
  });

  it('padding cells carry their column’s alignment', () => {
    const tree = render('| x | 1 |\n| y |\n| z | 3 |\n');
    expect(classes(one(tree, 'tr:nth-child(2) td:nth-child(2)'))).toEqual(['align-right']);
  });
});

describe('table.el tables', () => {
  it('render as preformatted text', () => {
    const org = '#+NAME: el\n+-----+\n| a   |\n+-----+\n';
    const tree = render(org);
    const pre = one(tree, 'pre.table-el');
    expect(text(pre)).toBe('+-----+\n| a   |\n+-----+');
    expect(pre.properties['id']).toBe('el');
    expect(select('table', tree)).toBeUndefined();
  });
});
