/**
 * Reads an org table the way Emacs' exporter (ox.el, org 9.5) does, and
 * says what to render: which rows are the header, the row groups, which
 * column is dropped, column groups, alignment and continuation rows.
 * Pure: org nodes in, a plain description out; no hast here.
 */
import type { TableCell, TableOrg, TableRow } from 'uniorg';

export type Alignment = 'left' | 'center' | 'right';

export interface RenderedRow {
  row: TableRow;
  /**
   * One entry per rendered column, the special column already dropped.
   * `null` is padding for a ragged row (the row has fewer cells).
   */
  cells: (TableCell | null)[];
  /** The row continues the one above it (see `isContinuation`). */
  continuation: boolean;
}

export interface ColumnGroup {
  /** Number of columns in the group. */
  span: number;
  /** True for a group the author marked with `<`, `>` or `<>`; false for a run of unmarked columns. */
  authored: boolean;
}

export interface TableLayout {
  /** Rendered column count: the widest exported row, minus the special column. */
  columnCount: number;
  /** Alignment of each rendered column. */
  alignments: Alignment[];
  /** Column groups, or null when the author defined none. */
  columnGroups: ColumnGroup[] | null;
  /** Rows of the `<thead>`; empty when the table has no header. */
  header: RenderedRow[];
  /** One entry per `<tbody>`; never an empty group. */
  bodies: RenderedRow[][];
}

/** `org-table-number-regexp`'s default. Emacs matches it with `case-fold-search` on, hence `i`. */
const NUMBER_RE =
  /^(?:[<>]?[-+^.0-9]*[0-9][-+^.0-9eEdDx()%:]*|[<>]?[-+]?0[xX][0-9a-fA-F.]+|[<>]?[-+]?[0-9]+#[0-9a-zA-Z.]+|nan|[-+u]?inf)$/i;
/** `org-table-number-fraction`'s default. */
const NUMBER_FRACTION = 0.5;
/** A width/alignment cookie, as `org-export-table-row-is-special-p` recognises it (`<>` included). */
const COOKIE_RE = /^<([lrc])?([0-9]+)?>$/;
/** Markers allowed in the first cell of every row of a special column. */
const SPECIAL_MARKERS = new Set(['/', '#', '!', '$', '*', '_', '^']);
/** Rows starting with these markers (in a special column) are not exported. */
const HIDDEN_ROW_MARKERS = new Set(['^', '_', '$', '!']);
const GROUP_MARKERS = new Set(['<', '<>', '>']);

export function analyseTable(table: TableOrg): TableLayout {
  const rows = table.children;
  const standard = rows.filter((r) => r.rowType === 'standard');
  const specialColumn = hasSpecialColumn(standard);
  const specialRows = new Set(standard.filter((r) => isSpecialRow(r, specialColumn)));
  const isSpecial = (row: TableRow): boolean => specialRows.has(row);
  const offset = specialColumn ? 1 : 0;

  const exported = standard.filter((r) => !isSpecial(r));
  const fullWidth = exported.reduce((w, r) => Math.max(w, r.children.length), offset);
  const columnCount = fullWidth - offset;

  const alignments: Alignment[] = [];
  for (let c = offset; c < fullWidth; c++) alignments.push(columnAlignment(rows, c, isSpecial));

  const groups = rowGroups(rows, isSpecial);
  const [first, ...rest] = groups;
  // A header needs a rule after data AND data after that rule: that is
  // "at least two row groups" (`org-export-table-has-header-p`). Leading,
  // trailing and repeated rules never open a group of their own.
  const hasHeader = first !== undefined && rest.length > 0;

  const render = (group: TableRow[], inBody: boolean): RenderedRow[] => {
    const out: RenderedRow[] = [];
    for (const row of group) {
      const cells: (TableCell | null)[] = [];
      for (let c = offset; c < fullWidth; c++) cells.push(row.children[c] ?? null);
      const previous = out[out.length - 1];
      out.push({ row, cells, continuation: inBody && isContinuation(cells, previous) });
    }
    return out;
  };

  return {
    columnCount,
    alignments,
    columnGroups: columnGroups(standard, offset, fullWidth),
    header: hasHeader && first ? render(first, false) : [],
    bodies: (hasHeader ? rest : groups).map((g) => render(g, true)),
  };
}

/**
 * Continuation rows. A row continues the row above it (one logical row
 * written over several lines, like the seed's `ensure_future` row) when:
 *   1. it is in a `<tbody>` (never in the header), and not the first row
 *      of its group: a rule always ends the row above;
 *   2. its first rendered cell is empty and at least one other cell is not;
 *   3. the row above is an anchor: its first cell is non-empty, or it is
 *      itself a continuation. So a column that is empty from the top of a
 *      group does not chain every row into one.
 * Cells are never merged: the table keeps its real structure, and the row
 * is only marked so the theme can drop the rule between the two.
 */
function isContinuation(cells: (TableCell | null)[], previous: RenderedRow | undefined): boolean {
  if (!previous) return false;
  const [head, ...tail] = cells;
  if (!isEmpty(head) || !tail.some((c) => !isEmpty(c))) return false;
  return previous.continuation || !isEmpty(previous.cells[0]);
}

export function isEmpty(cell: TableCell | null | undefined): boolean {
  return !cell || cell.children.length === 0;
}

/** The cell's text when it is a single plain text node (no markup), else null. */
function plainText(cell: TableCell | null | undefined): string | null {
  if (!cell || cell.children.length !== 1) return null;
  const only = cell.children[0];
  return only?.type === 'text' ? only.value : null;
}

/**
 * `org-export-table-has-special-column-p`: every first cell is empty or a
 * marker (`/ # ! $ * _ ^`), and at least one is a marker.
 */
function hasSpecialColumn(standard: TableRow[]): boolean {
  let seenMarker = false;
  for (const row of standard) {
    const first = row.children[0];
    if (isEmpty(first)) continue;
    const text = plainText(first);
    if (text === null || !SPECIAL_MARKERS.has(text)) return false;
    seenMarker = true;
  }
  return seenMarker;
}

/**
 * `org-export-table-row-is-special-p`: column-group rows (first cell `/`),
 * field-name/parameter rows (`! ^ _ $`, only with a special column), and
 * rows made only of cookies and empty cells. None of them is rendered.
 */
function isSpecialRow(row: TableRow, specialColumn: boolean): boolean {
  if (row.rowType !== 'standard') return false;
  const first = plainText(row.children[0]);
  if (first === '/') return true;
  if (specialColumn && first !== null && HIDDEN_ROW_MARKERS.has(first)) return true;
  let sawCookie = false;
  for (const cell of row.children) {
    if (isEmpty(cell)) continue;
    const text = plainText(cell);
    if (text === null || !COOKIE_RE.test(text)) return false;
    sawCookie = true;
  }
  return sawCookie;
}

/** Exported rows split at rules; empty groups (leading, trailing, doubled rules) dropped. */
function rowGroups(rows: TableRow[], isSpecial: (r: TableRow) => boolean): TableRow[][] {
  const groups: TableRow[][] = [];
  let current: TableRow[] = [];
  for (const row of rows) {
    if (row.rowType === 'rule') {
      if (current.length) groups.push(current);
      current = [];
    } else if (!isSpecial(row)) {
      current.push(row);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * `org-export-table-cell-alignment`: the last `<l>`/`<c>`/`<r>` cookie in
 * the column wins; without one, the column is right-aligned when at least
 * half of its cells are numbers. As in Emacs, every exported row counts
 * (header included), a cell with markup is not a number, and an empty cell
 * counts as a number when the cell above it was one (and as a non-number
 * otherwise): sparse numeric columns stay right-aligned.
 */
function columnAlignment(rows: TableRow[], column: number, isSpecial: (r: TableRow) => boolean): Alignment {
  let cookie: string | undefined;
  let numbers = 0;
  let total = 0;
  let previousWasNumber = false;
  for (const row of rows) {
    if (row.rowType === 'rule') continue;
    const cell = row.children[column];
    if (isSpecial(row)) {
      const letter = COOKIE_RE.exec(plainText(cell) ?? '')?.[1];
      if (letter) cookie = letter;
      continue;
    }
    if (cookie) continue;
    total++;
    const text = plainText(cell);
    const isNumber: boolean = (text !== null && NUMBER_RE.test(text)) || (isEmpty(cell) && previousWasNumber);
    previousWasNumber = isNumber;
    if (isNumber) numbers++;
  }
  if (cookie === 'l') return 'left';
  if (cookie === 'c') return 'center';
  if (cookie === 'r') return 'right';
  return total > 0 && numbers / total >= NUMBER_FRACTION ? 'right' : 'left';
}

/**
 * Column groups from the last row whose first cell is `/` (as in Emacs):
 * `<` opens a group, `>` closes one, `<>` is a group of one column. Columns
 * between marked groups form plain groups of their own, one per run, the way
 * ox-html splits them. Null when there is no such row or it marks nothing.
 * Unlike ox-html, which sizes the groups from the first row only, they
 * cover every column of the padded table.
 */
function columnGroups(standard: TableRow[], offset: number, fullWidth: number): ColumnGroup[] | null {
  const groupRow = standard.filter((r) => plainText(r.children[0]) === '/').pop();
  if (!groupRow) return null;
  const markers = groupRow.children.map((cell) => {
    const text = plainText(cell);
    return text !== null && GROUP_MARKERS.has(text) ? text : null;
  });
  const opens = (c: number): boolean => markers[c] === '<' || markers[c] === '<>';
  const closes = (c: number): boolean => markers[c] === '>' || markers[c] === '<>';

  const groups: ColumnGroup[] = [];
  let start = offset;
  for (let c = offset; c < fullWidth; c++) {
    // A group ends at c when c closes one, the next column opens one, or the row ends.
    const last = c === fullWidth - 1;
    const boundaryAfter = last || closes(c) || opens(c + 1);
    if (boundaryAfter) {
      groups.push({ span: c - start + 1, authored: opens(start) || closes(c) });
      start = c + 1;
    }
  }
  return groups.some((g) => g.authored) ? groups : null;
}
