/**
 * uniorg-parse 3.2.2 reads the affiliated keywords above an org table
 * (`#+CAPTION:`, `#+NAME:`, `#+ATTR_HTML:`, ...) and then throws them
 * away: only table.el tables get an `affiliated` field. This pass puts
 * them back, in the shape uniorg gives other elements, so the table
 * handler can read `table.affiliated` whichever uniorg version parsed the
 * file (tables that already carry keywords are left alone).
 *
 * Run it on the tree straight after parsing, with the exact text that was
 * parsed (offsets must match), before other tree transforms.
 */
import type { AffiliatedKeywords, ObjectType, OrgData, OrgNode, TableOrg, WithAffiliatedKeywords } from 'uniorg';
import type { ParseOptions } from 'uniorg-parse/lib/parse-options.js';
import { parse } from 'uniorg-parse/lib/parser.js';

/** Keywords as uniorg-parse 3.2.2 defines them (`affiliatedKeywords`, `keywordTranslationTable`, ...). */
const KEYWORD_LINE =
  /^(?<prefix>[ \t]*#\+(?:(?<dual>CAPTION|RESULTS)(?:\[(?<secondary>.*)\])?|(?<regular>DATA|HEADERS?|LABEL|NAME|PLOT|RESNAME|RESULT|SOURCE|SRCNAME|TBLNAME)|(?<attribute>ATTR_[-_A-Za-z0-9]+)):[ \t]*)(?<value>.*)$/i;
const TRANSLATED: Record<string, string> = {
  DATA: 'NAME',
  LABEL: 'NAME',
  RESNAME: 'NAME',
  SOURCE: 'NAME',
  SRCNAME: 'NAME',
  TBLNAME: 'NAME',
  RESULT: 'RESULTS',
  HEADERS: 'HEADER',
};
const MULTIPLE = new Set(['CAPTION', 'HEADER']);

type CaptionParseOptions = Pick<Partial<ParseOptions>, 'useSubSuperscripts' | 'emphasisRegexpComponents' | 'linkTypes' | 'matchSexpDepth' | 'trackPosition'>;

/**
 * Attach the affiliated keywords written above each org table in `org`.
 * `text` is the string `org` was parsed from. `options` should be the
 * parse options used for it: captions are parsed with them (so `^:{}`
 * and positions agree with the rest of the document).
 */
export function restoreTableKeywords(org: OrgData, text: string, options: CaptionParseOptions = {}): void {
  const visit = (node: OrgNode): void => {
    if (node.type === 'table') {
      if (node.tableType === 'org') attach(node, text, options);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(org);
}

function attach(table: TableOrg & Partial<WithAffiliatedKeywords>, text: string, options: CaptionParseOptions): void {
  if (table.affiliated && Object.keys(table.affiliated).length > 0) return;
  const tableLineStart = text.lastIndexOf('\n', table.contentsBegin - 1) + 1;
  // Offsets must describe this text; otherwise do nothing rather than guess.
  if (!/^[ \t]*\|/.test(text.slice(tableLineStart, tableLineStart + 256))) return;

  const lines: { start: number; match: RegExpExecArray }[] = [];
  let lineStart = tableLineStart;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(previousStart, lineStart - 1).replace(/\r$/, '');
    const match = KEYWORD_LINE.exec(line);
    if (!match) break;
    lines.unshift({ start: previousStart, match });
    lineStart = previousStart;
  }
  if (lines.length === 0) return;

  const affiliated: AffiliatedKeywords = {};
  for (const { start, match } of lines) {
    const groups = match.groups ?? {};
    const raw = (groups['dual'] ?? groups['regular'] ?? groups['attribute'] ?? '').toUpperCase();
    const keyword = TRANSLATED[raw] ?? raw;
    const value = (groups['value'] ?? '').trimEnd();
    const valueStart = start + (groups['prefix'] ?? '').length;

    if (keyword === 'CAPTION') {
      const main = parseCaption(value, text, valueStart, options);
      const secondary = groups['secondary'];
      const entry: ObjectType[] | [ObjectType[], ObjectType[]] =
        secondary === undefined ? main : [main, parseCaption(secondary, text, -1, { ...options, trackPosition: false })];
      pushValue(affiliated, keyword, entry);
    } else if (MULTIPLE.has(keyword) || keyword.startsWith('ATTR_')) {
      pushValue(affiliated, keyword, value);
    } else {
      affiliated[keyword] = value;
    }
  }
  table.affiliated = affiliated;
}

function pushValue(affiliated: AffiliatedKeywords, keyword: string, value: ObjectType[] | [ObjectType[], ObjectType[]] | string): void {
  const existing = affiliated[keyword];
  // Values of multiple keywords are always kept as a list, one entry per line.
  const list = (Array.isArray(existing) ? existing : []) as (ObjectType[] | [ObjectType[], ObjectType[]] | string)[];
  list.push(value);
  affiliated[keyword] = list as AffiliatedKeywords[string];
}

/**
 * Parse a caption's inline markup. When it is not a single paragraph
 * (a caption starting with `* ` would parse as a headline), it stays plain
 * text. With positions on, they are moved to where the caption sits in
 * the document (`at` is its offset in `text`).
 */
function parseCaption(value: string, text: string, at: number, options: CaptionParseOptions): ObjectType[] {
  if (value === '') return [];
  const tree = parse(value, options);
  const [only, ...others] = tree.children;
  const objects: ObjectType[] =
    only?.type === 'paragraph' && others.length === 0 ? only.children : [{ type: 'text', value }];
  if (options.trackPosition && at >= 0) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = countNewlines(text, at) + 1;
    const column = at - lineStart + 1;
    for (const object of objects) shift(object, at, line, column);
  }
  return objects;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Move a node parsed from a one-line string to line `line`, column `column`, offset `at` of the document. */
function shift(node: ObjectType, at: number, line: number, column: number): void {
  const mutable = node as ObjectType & { contentsBegin?: number; contentsEnd?: number };
  if (typeof mutable.contentsBegin === 'number') mutable.contentsBegin += at;
  if (typeof mutable.contentsEnd === 'number') mutable.contentsEnd += at;
  const position = node.position;
  if (position) {
    for (const point of [position.start, position.end]) {
      if (point.line === 1) point.column += column - 1;
      point.line += line - 1;
      if (typeof point.offset === 'number') point.offset += at;
    }
  }
  if ('children' in node) for (const child of node.children) shift(child, at, line, column);
}
