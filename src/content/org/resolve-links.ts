import path from 'node:path';
import type { OrgData } from 'uniorg';
import { visit } from 'unist-util-visit';
import type { AssetRef, CrossLink } from '../document.js';
import { unescapeLinkPath } from './unescape-text.js';

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

/** Media from the drafts folder is published under /media/, keeping its sub-path. */
export function mediaUrl(basePath: string, draftsDir: string, rootRelative: string): string {
  const inDrafts = path.posix.relative(draftsDir, rootRelative);
  return basePath + 'media/' + inDrafts.split('/').map(encodeURIComponent).join('/');
}

/**
 * Rewrites the links of one org document before it becomes HTML:
 * links to other drafts become placeholders the site stage resolves; files
 * next to the draft (images, PDFs) get their published URL and are recorded
 * so the site stage copies them; `*Heading` and `#custom-id` links stay in
 * the page. Pure: it does not look at the file system.
 */
export function resolveOrgLinks(tree: OrgData, ctx: LinkContext): ResolvedLinks {
  const out: ResolvedLinks = { links: [], assets: [], headingLinks: [] };
  const draftDir = path.posix.dirname(ctx.file);
  visit(tree, 'link', (node: LinkNode) => {
    const raw = unescapeLinkPath(node.rawLink);
    node.rawLink = raw;
    const line = (node.position?.start.line ?? 1) + ctx.startLine - 1;
    const column = node.position?.start.column ?? 1;

    // [[*Heading]] and [[#custom-id]] point inside this post.
    if (node.linkType === 'fuzzy' && raw.startsWith('*')) {
      const placeholder = `#orgpress-heading-${out.headingLinks.length}`;
      out.headingLinks.push({ placeholder, text: raw.slice(1).trim(), line, column });
      setResolved(node, placeholder);
      return;
    }
    if (node.linkType === 'custom-id' || (node.linkType === 'fuzzy' && raw.startsWith('#'))) {
      setResolved(node, '#' + raw.replace(/^#/, ''));
      return;
    }

    const filePath = fileTarget(node, raw);
    if (filePath === null) return;
    const [target = '', search] = splitSearch(filePath);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target === '') return;
    const rootRelative = path.posix.normalize(path.posix.join(draftDir, target));

    if (POST_EXT.test(target)) {
      const placeholder = `orgpress-link:${out.links.length}`;
      out.links.push({ target: rootRelative, fragment: parseSearch(search), placeholder, line, column });
      setResolved(node, placeholder);
      return;
    }
    const inside = !path.posix.relative(ctx.draftsDir, rootRelative).startsWith('..');
    if (!inside) return; // left as written; the link checker reports it if it is broken
    const placeholder = mediaUrl(ctx.basePath, ctx.draftsDir, rootRelative);
    out.assets.push({ source: rootRelative, placeholder, line, column });
    setResolved(node, placeholder);
  });
  return out;
}

function setResolved(node: LinkNode, href: string): void {
  node.rawLink = href;
  node.linkType = RESOLVED;
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
