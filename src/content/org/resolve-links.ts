import path from 'node:path';
import type { Headline, ObjectType, OrgData, OrgNode, Paragraph, TableOrg } from 'uniorg';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AssetRef, CrossLink } from '../document.js';
import { mediaUrl } from '../media-url.js';
import { unescapeLinkPath } from './unescape-text.js';
import { keywordLines, keywordString } from './affiliated-keywords.js';
import { orgPlainText } from './plain-text.js';
import { isTargetNode } from './transforms/dedicated-targets.js';
import { unsafeUrlScheme } from '../html/neutralize-unsafe-urls.js';
import { isImageLink, standaloneImage } from './transforms/image-attributes.js';
import { readTableAttributes, sanitiseId } from './handlers/table/html-attributes.js';

export interface LinkContext {
  /** Draft path relative to the site root (`drafts/x.org`). */
  file: string;
  /** Drafts folder relative to the root (`drafts`). */
  draftsDir: string;
  /** Base path of the site (`/` or `/blog/`). */
  basePath: string;
  /** 1-based line where the org body starts in the original file. */
  startLine: number;
}

export interface ResolvedLinks {
  links: CrossLink[];
  assets: AssetRef[];
  /** `*Heading` links inside the post, resolved to ids once headings have them. */
  headingLinks: { placeholder: string; text: string; line: number; column: number }[];
}

export interface LinkResolutionOptions {
  /** Where warnings about links that lead nowhere go. */
  diagnostics?: Diagnostic[];
  /** `e:` option: how entities in a heading title read on the page (default true). */
  entities?: boolean;
}

const POST_EXT = /\.(org|md|markdown)$/i;
/** A link type that uniorg-rehype leaves alone (it URI-encodes `file:` links itself). */
const RESOLVED = 'orgpress-resolved';

interface LinkNode {
  type: 'link';
  linkType: string;
  rawLink: string;
  path: string;
  format: string;
  children: unknown[];
  position?: { start: { line: number; column: number } };
}

/** Where a fuzzy link can lead inside the post, keyed by `searchKey`. */
interface Destinations {
  /** `<<target>>` → its anchor id. */
  targets: Map<string, string>;
  /** `#+NAME:` of an element that renders an id (tables, figures) → that id. */
  names: Map<string, string>;
  /** Heading titles → the title as the page shows it. */
  headings: Map<string, string>;
  /** `:CUSTOM_ID:` → the title of its heading. */
  customIds: Map<string, string>;
}

/**
 * Rewrites the links of one org document before it becomes HTML:
 * links to other drafts become placeholders the site stage resolves; files
 * next to the draft (images, PDFs) get their published URL and are recorded
 * so the site stage copies them; links inside the post stay in the page.
 * Pure: it does not look at the file system.
 *
 * Links inside the post, as org's `org-export-resolve-fuzzy-link`:
 * `[[*Heading]]` goes to a heading; `[[#custom-id]]` to that id;
 * `[[words]]` to a dedicated target `<<words>>` first, then to an element
 * named `#+NAME: words` (tables and captioned/named images, the elements
 * that render an id), then to a heading titled `words`. Matching ignores
 * white space and statistics cookies, as org's does, and also case (org
 * does not). Heading links become placeholders resolved once headings have
 * ids (`resolveHeadingLinks`). A link without description gets the text
 * it leads to (the heading's title, the target's words, the file's path),
 * where Emacs would print a section or figure number.
 *
 * A fuzzy link that leads nowhere is a warning and renders as its
 * description (or its text) without a link; Emacs stops the export.
 * Run after `markDedicatedTargets` and `parseImageDescriptions`.
 */
export function resolveOrgLinks(tree: OrgData, ctx: LinkContext, options: LinkResolutionOptions = {}): ResolvedLinks {
  const out: ResolvedLinks = { links: [], assets: [], headingLinks: [] };
  const draftDir = path.posix.dirname(ctx.file);
  const destinations = collectDestinations(tree, options.entities ?? true);
  visit(tree, 'link', (node: LinkNode, index, parent) => {
    const raw = unescapeLinkPath(node.rawLink);
    node.rawLink = raw;
    const line = (node.position?.start.line ?? 1) + ctx.startLine - 1;
    const column = node.position?.start.column ?? 1;
    const toHeading = (shown: string): void => {
      const placeholder = `#orgpress-heading-${out.headingLinks.length}`;
      out.headingLinks.push({ placeholder, text: shown, line, column });
      setResolved(node, placeholder, shown);
    };
    const unresolved = (shown: string, message: string, hint: string): number | undefined => {
      options.diagnostics?.push(warning(ctx.file, line, column, message, { code: 'link/unresolved', hint }));
      if (!parent || index === undefined) return undefined;
      const replacement = node.children.length > 0 ? node.children : [{ type: 'text', value: shown }];
      (parent as Parent).children.splice(index, 1, ...(replacement as Parent['children']));
      return index; // visit the replacement (an image description still needs its URL)
    };

    // [[javascript:…]]: not a link to find in the post; left as a link for
    // html/neutralize-unsafe-urls.ts, which removes it with a warning that says why.
    if (node.linkType === 'fuzzy' && unsafeUrlScheme(raw) !== null) return;

    // [[*Heading]] and [[#custom-id]] point inside this post.
    if (node.linkType === 'fuzzy' && raw.startsWith('*')) {
      const title = raw.slice(1).trim();
      const shown = destinations.headings.get(searchKey(title));
      if (shown !== undefined) {
        toHeading(shown);
        return;
      }
      return unresolved(title, `no heading “${title}” in this post`, 'check the heading text after `*` in the link (it must match a heading of this post)');
    }
    if (node.linkType === 'custom-id' || (node.linkType === 'fuzzy' && raw.startsWith('#'))) {
      const id = raw.replace(/^#/, '');
      setResolved(node, '#' + id, destinations.customIds.get(id) ?? raw);
      return;
    }

    const filePath = fileTarget(node, raw);
    if (filePath === null) {
      if (node.linkType !== 'fuzzy') return;
      // [[words]]: a target, then a named element, then a heading.
      const key = searchKey(raw);
      const id = destinations.targets.get(key) ?? destinations.names.get(key);
      if (id !== undefined) {
        setResolved(node, '#' + id, raw);
        return;
      }
      const shown = destinations.headings.get(key);
      if (shown !== undefined) {
        toHeading(shown);
        return;
      }
      return unresolved(
        raw,
        `link “${raw}” leads nowhere: no <<target>>, #+NAME or heading of this post has that text`,
        `add \`<<${raw}>>\` where the link should lead, or write \`[[*Heading]]\` / \`[[https://…]]\` / \`[[file:…]]\` for other kinds of link`,
      );
    }
    const [target = '', search] = splitSearch(filePath);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target === '') return;
    const rootRelative = path.posix.normalize(path.posix.join(draftDir, target));

    if (POST_EXT.test(target)) {
      const placeholder = `orgpress-link:${out.links.length}`;
      out.links.push({ target: rootRelative, fragment: parseSearch(search), placeholder, line, column });
      setResolved(node, placeholder, filePath);
      return;
    }
    const inside = !path.posix.relative(ctx.draftsDir, rootRelative).startsWith('..');
    if (!inside) return; // left as written; the link checker reports it if it is broken
    const placeholder = mediaUrl(ctx.basePath, ctx.draftsDir, rootRelative);
    out.assets.push({ source: rootRelative, placeholder, line, column });
    setResolved(node, placeholder, filePath);
  });
  return out;
}

/**
 * Points the link at `href`. A link without description gets `shown` as
 * its text (the placeholder would show otherwise), unless it is an image,
 * which has no text.
 */
function setResolved(node: LinkNode, href: string, shown: string): void {
  // LinkNode is this file's loose view of uniorg's Link.
  if (node.children.length === 0 && !isImageLink(node as unknown as ObjectType)) {
    node.children = [{ type: 'text', value: shown }];
  }
  node.rawLink = href;
  node.linkType = RESOLVED;
}

/**
 * How org compares a link's text with a target, name or heading
 * (`org-export-search-cells`): statistics cookies dropped, white space
 * runs equal. We also ignore case.
 */
function searchKey(text: string): string {
  return text
    .replace(/\[[0-9]*(?:%|\/[0-9]*)\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

function collectDestinations(tree: OrgData, entities: boolean): Destinations {
  const d: Destinations = { targets: new Map(), names: new Map(), headings: new Map(), customIds: new Map() };
  const setFirst = (map: Map<string, string>, key: string, value: string): void => {
    if (key && !map.has(key)) map.set(key, value);
  };
  visit(tree, (node: Node) => {
    if (isTargetNode(node)) {
      setFirst(d.targets, searchKey(node.value), node.id);
      return;
    }
    const org = node as OrgNode;
    if (org.type === 'section') {
      const headline = org.children[0];
      if (headline?.type !== 'headline' || headline.commented) return;
      const shown = headingText(headline, entities);
      setFirst(d.headings, searchKey(headline.rawValue), shown);
      const customId = customIdOf(org.children);
      if (customId) setFirst(d.customIds, customId, shown);
      return;
    }
    if (org.type === 'table' && org.tableType === 'org') {
      const table = org as TableOrg & { affiliated?: Paragraph['affiliated'] };
      const name = keywordString(table.affiliated, 'NAME');
      const id = name === undefined ? undefined : readTableAttributes(keywordLines(table.affiliated, 'ATTR_HTML'), name).id;
      if (name !== undefined && id) setFirst(d.names, searchKey(name), id);
      return;
    }
    if (org.type === 'paragraph' && standaloneImage(org)) {
      const name = keywordString(org.affiliated, 'NAME');
      const id = name === undefined ? undefined : sanitiseId(name);
      if (name !== undefined && id) setFirst(d.names, searchKey(name), id);
    }
  });
  return d;
}

/** A heading's title as the page shows it (what `resolveHeadingLinks` compares with). */
function headingText(headline: Headline, entities: boolean): string {
  return orgPlainText(headline.children, { entities }).replace(/\s+/g, ' ').trim();
}

/** `:CUSTOM_ID:` from the property drawer that follows a headline in its section. */
function customIdOf(children: readonly OrgNode[]): string | null {
  for (const child of children.slice(1, 3)) {
    if (child.type !== 'property-drawer') continue;
    const prop = child.children.find((p) => p.key.toUpperCase() === 'CUSTOM_ID');
    return prop?.value.trim() || null;
  }
  return null;
}

/** The path of a link to a local file, or null for URLs and internal links. */
function fileTarget(node: LinkNode, raw: string): string | null {
  if (node.linkType === 'file') return raw.replace(/^file:/, '');
  // [[./img.png]], [[../x.org]], [[/abs/x]] arrive as fuzzy links.
  if (node.linkType === 'fuzzy' && /^(\.{1,2}\/|\/|~\/)/.test(raw)) return raw;
  if (node.linkType === 'fuzzy' && POST_EXT.test(raw.split('::')[0] ?? '')) return raw;
  return null;
}

function splitSearch(p: string): [string, string | undefined] {
  const i = p.indexOf('::');
  return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 2)];
}

function parseSearch(search: string | undefined): CrossLink['fragment'] {
  if (!search) return null;
  if (search.startsWith('#')) return { kind: 'id', id: search.slice(1) };
  if (search.startsWith('*')) return { kind: 'heading', text: search.slice(1).trim() };
  return { kind: 'heading', text: search.trim() };
}
