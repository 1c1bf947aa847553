import type { ObjectType } from 'uniorg';
import { entityText } from './handlers/entity.js';
import { timestampText } from './handlers/timestamp.js';

export interface PlainTextOptions {
  /** `e:` — entities as characters (true) or as written (`\alpha`). */
  entities: boolean;
}

/**
 * The text a reader sees for some inline org objects, without markup: for
 * alt text taken from a caption and for matching a heading the way the
 * rendered page shows it. It follows what our handlers print (entities as
 * characters, timestamps without brackets, a link's description or else
 * its address, LaTeX as written); footnote references and export
 * snippets give nothing.
 */
export function orgPlainText(objects: readonly ObjectType[], options: PlainTextOptions): string {
  return objects.map((o) => objectText(o, options)).join('');
}

function objectText(node: ObjectType, options: PlainTextOptions): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'entity':
      return entityText(node, options.entities);
    case 'code':
    case 'verbatim':
    case 'statistics-cookie':
      return node.value;
    case 'timestamp':
      return timestampText(node);
    case 'link':
      return node.children.length > 0 ? orgPlainText(node.children, options) : node.rawLink;
    case 'line-break':
      return ' ';
    case 'latex-fragment':
      return node.contents.trim();
    case 'footnote-reference':
    case 'export-snippet':
      return '';
    default:
      return 'children' in node ? orgPlainText(node.children, options) : '';
  }
}
