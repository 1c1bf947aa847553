/**
 * uniorg-rehype `table` handler: org tables as HTML whose every row and
 * column boundary the theme can draw (DESIGN.md, "Tables").
 *
 * Output:
 *
 *   <div class="table-wrap" role="region" tabindex="0" aria-label="caption text | Table">
 *     <table class="org-table …ATTR_HTML classes" id="…">
 *       <caption>…</caption>
 *       <colgroup class="colgroup"><col>…</colgroup>   (only when the author defined column groups)
 *       <thead><tr><th scope="col" class="align-left">…</th></tr></thead>   (only with a header)
 *       <tbody><tr><td class="align-right">…</td></tr><tr class="continuation">…</tr></tbody>
 *       <tbody>…</tbody>   (one per row group)
 *     </table>
 *   </div>
 *
 * Semantics follow Emacs' exporter (ox.el / ox-html, org 9.5): see
 * `table/analyse-table.ts`. Captions and names only reach the table when
 * `restoreTableKeywords` ran on the parsed tree (uniorg-parse 3.2.2 drops
 * them for org tables).
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { AffiliatedKeywords, ObjectType, Table, TableCell, TableOrg } from 'uniorg';
import type { Options as UniorgRehypeOptions } from 'uniorg-rehype';
import { analyseTable, type Alignment, type RenderedRow } from './table/analyse-table.js';
import { readTableAttributes, sanitiseId } from './table/html-attributes.js';
import { captionObjects } from '../affiliated-keywords.js';

export { restoreTableKeywords } from './table/restore-table-keywords.js';
export { sanitiseId as tableIdFromName } from './table/html-attributes.js';

type TableHandler = NonNullable<NonNullable<UniorgRehypeOptions['handlers']>['table']>;
/** The converter uniorg-rehype binds as `this` (its class is not exported). */
type Converter = ThisParameterType<TableHandler>;
/** A table node, with the affiliated keywords uniorg's types leave off org tables. */
type TableWithKeywords = Table & { affiliated?: AffiliatedKeywords };

/** Use as `handlers: { table: tableHandler }` in uniorg-rehype's options. */
export const tableHandler: TableHandler = function tableHandler(this: Converter, org: Table): Element {
  const table: TableWithKeywords = org;
  if (table.tableType === 'table.el') return renderTableEl(this, table);
  return renderOrgTable(this, table);
};

/** table.el tables stay verbatim, like an example block (ox-html needs table.el loaded to do better). */
function renderTableEl(converter: Converter, table: TableWithKeywords & { tableType: 'table.el' }): Element {
  const name = stringKeyword(table.affiliated, 'NAME');
  const id = name === undefined ? undefined : sanitiseId(name);
  return converter.h(null, 'pre.table-el', id ? { id } : {}, table.value.replace(/\n$/, ''));
}

function renderOrgTable(converter: Converter, table: TableOrg & { affiliated?: AffiliatedKeywords }): Element {
  const layout = analyseTable(table);
  const attributes = readTableAttributes(stringList(table.affiliated, 'ATTR_HTML'), stringKeyword(table.affiliated, 'NAME'));

  const children: ElementContent[] = [];
  const caption = captionObjects(table.affiliated);
  let label = 'Table';
  if (caption.length > 0) {
    const content = contents(converter, caption, table);
    const captionElement = converter.h(null, 'caption', {}, content);
    const text = textContent(captionElement).replace(/\s+/g, ' ').trim();
    if (text) label = text;
    children.push(captionElement);
  }

  if (layout.columnGroups) {
    for (const group of layout.columnGroups) {
      const cols = Array.from({ length: group.span }, () => converter.h(null, 'col'));
      children.push(converter.h(null, 'colgroup', group.authored ? { className: ['colgroup'] } : {}, cols));
    }
  }

  const renderRow = (rendered: RenderedRow, cellTag: 'th' | 'td'): Element => {
    const cells = rendered.cells.map((cell, i) =>
      renderCell(converter, cell, cellTag, layout.alignments[i] ?? 'left', table),
    );
    return converter.h(rendered.row, 'tr', rendered.continuation ? { className: ['continuation'] } : {}, cells);
  };
  if (layout.header.length > 0) {
    children.push(converter.h(null, 'thead', {}, layout.header.map((r) => renderRow(r, 'th'))));
  }
  for (const body of layout.bodies) {
    children.push(converter.h(null, 'tbody', {}, body.map((r) => renderRow(r, 'td'))));
  }

  const properties: Properties = {
    ...attributes.other,
    className: ['org-table', ...attributes.classes],
  };
  if (attributes.id) properties['id'] = attributes.id;
  const element = converter.h(null, 'table', properties, children);
  mergeHProperties(element, table);

  return converter.h(
    null,
    'div.table-wrap',
    // Focusable so keyboard users can scroll a wide table; the label names the region.
    { role: 'region', tabIndex: 0, ariaLabel: label },
    [element],
  );
}

function renderCell(
  converter: Converter,
  cell: TableCell | null,
  tag: 'th' | 'td',
  alignment: Alignment,
  table: TableOrg,
): Element {
  const properties: Properties = { className: [`align-${alignment}`] };
  if (tag === 'th') properties['scope'] = 'col';
  const content = cell ? contents(converter, cell.children, cell) : [];
  return cell ? converter.h(cell, tag, properties, content) : converter.h(null, tag, properties, content);
}

/** Inline org objects → hast, through the converter so every inline handler applies. */
function contents(converter: Converter, objects: ObjectType[], parent: TableCell | TableOrg): ElementContent[] {
  return converter.toHast(objects, parent).filter((n): n is ElementContent => n.type !== 'doctype');
}

/**
 * `data.hProperties` set on the table node by another plugin still
 * applies, as it would with uniorg-rehype's own handler; classes add up.
 * (We do not pass the node to `h()`: that would also copy `#+ATTR_HTML:`
 * verbatim, presentational attributes included.)
 */
function mergeHProperties(element: Element, table: TableOrg): void {
  const extra = table.data?.hProperties;
  if (!extra) return;
  const classes = [...classList(element.properties['className']), ...classList(extra['className'])];
  Object.assign(element.properties, extra, { className: classes });
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

function stringKeyword(affiliated: AffiliatedKeywords | undefined, key: string): string | undefined {
  const value = affiliated?.[key];
  if (typeof value === 'string') return value;
  const last = Array.isArray(value) ? value[value.length - 1] : undefined;
  return typeof last === 'string' ? last : undefined;
}

function stringList(affiliated: AffiliatedKeywords | undefined, key: string): string[] {
  const value = affiliated?.[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function textContent(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textContent).join('');
  return '';
}
