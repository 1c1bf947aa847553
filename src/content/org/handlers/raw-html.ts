/**
 * uniorg-rehype `export-block` and `export-snippet` handlers: raw HTML
 * written for the HTML backend passes through; other backends' code
 * (`#+BEGIN_EXPORT latex`, `@@latex:…@@`) produces nothing.
 *
 * - `#+BEGIN_EXPORT html … #+END_EXPORT` and `@@html:…@@` become hast `raw`
 *   nodes. The backend name is matched case-insensitively (`#+begin_export
 *   HTML` is common; Emacs upper-cases block types, so it exports these
 *   too). uniorg-rehype's own conversion only knows lower-case `html`.
 * - `#+HTML: …` lines are `keyword` nodes, which the built-in conversion
 *   already turns into `raw` (uniorg upper-cases keyword names), so there
 *   is no handler for them here.
 * - `raw` nodes are parsed into real elements by rehype-raw in
 *   `render-document.ts`, or removed when the site sets `rawHtml: false`.
 *
 * The snippet handler also fixes a crash: uniorg-rehype has no built-in
 * case for a non-HTML `export-snippet`, so it left the org node in the
 * hast tree, and rehype-raw threw "Cannot compile `export-snippet` node".
 * Returning `[]` (not `null`, which means "use the built-in conversion")
 * drops the node.
 */
import type { ExportBlock, ExportSnippet } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';

type OrgHandlers = NonNullable<OrgRehypeOptions['handlers']>;
type RawHtmlHandlers = Required<Pick<OrgHandlers, 'export-block' | 'export-snippet'>>;
type HandlerResult = ReturnType<RawHtmlHandlers['export-block']>;

function isHtmlBackend(name: string | null | undefined): boolean {
  return typeof name === 'string' && name.trim().toLowerCase() === 'html';
}

/** A hast `raw` node (hast's content types include it via mdast-util-to-hast's type extension). */
function raw(value: string): HandlerResult {
  return { type: 'raw', value };
}

export const rawHtmlHandlers: RawHtmlHandlers = {
  'export-block'(org: ExportBlock) {
    return isHtmlBackend(org.backend) ? raw(org.value) : [];
  },
  'export-snippet'(org: ExportSnippet) {
    return isHtmlBackend(org.backEnd) ? raw(org.value) : [];
  },
};
