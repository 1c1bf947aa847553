/**
 * Attributes of inline images, decided on the org tree where the paragraph
 * and its keywords are still at hand, and stored as the link's
 * `data.hProperties` (uniorg-rehype's channel for extra properties, which
 * the link handler's `this.h(link, 'img')` applies):
 *
 * - `#+ATTR_HTML:` of a paragraph goes to its first link when that link is
 *   an image, or a link whose description is an image (ox-html's rule: org
 *   cannot attach attributes to one link). Keys are read like
 *   `org-export-read-attribute`; one pair of double quotes around a value
 *   is removed (Emacs 28 prints them: `alt="&quot;A cat&quot;"`); event
 *   handlers (`:onload`) and `:src` are dropped. Those attributes then no
 *   longer go to the `<p>` as well (ox-html puts them on both, when the
 *   paragraph also holds text).
 * - `alt`: `:alt` from `#+ATTR_HTML:` (`:alt ""` marks a decorative image),
 *   else the text of the `#+CAPTION:` when the image stands alone in its
 *   paragraph, else `""` and a warning. ox-html falls back to the file name
 *   (`alt="cat.png"`), which tells a screen reader nothing.
 * - `loading="lazy"` and `decoding="async"`, unless the author set them.
 */
import type { Properties } from 'hast';
import { h } from 'hastscript';
import type { Link, ObjectType, OrgData, OrgNode, Paragraph } from 'uniorg';
import { visitParents } from 'unist-util-visit-parents';
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { captionObjects, keywordLines } from '../affiliated-keywords.js';
import { orgPlainText } from '../plain-text.js';

/** uniorg-rehype's default image extensions (a superset of ox-html's `org-html-inline-image-rules`). */
export const IMAGE_EXTENSION = /\.(png|jpe?g|gif|tiff?|xbm|xpm|pbm|pgm|ppm|pnm|svg|webp|avif)$/i;

export interface ImageAttributesContext {
  /** Draft path relative to the site root, for diagnostics. */
  file: string;
  /** 1-based line of the original file where the org body starts. */
  startLine: number;
  /** `e:` option, for alt text taken from captions. */
  entities: boolean;
}

/** A link that renders as an image: no description, and an image file name at the end of its address. */
export function isImageLink(node: OrgNode | ObjectType): boolean {
  return node.type === 'link' && node.children.length === 0 && IMAGE_EXTENSION.test(node.rawLink);
}

/** The image a link shows: itself, or the image link that is its whole description. */
export function imageOf(link: Link): Link | null {
  if (isImageLink(link)) return link;
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return only?.type === 'link' && isImageLink(only) ? only : null;
}

/**
 * The link of a paragraph that holds nothing but one image (or one link
 * around an image) and white space — ox-html's "standalone image"
 * (`org-html-standalone-image-p`) — or null.
 */
export function standaloneImage(paragraph: Paragraph): Link | null {
  let found: Link | null = null;
  for (const child of paragraph.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type !== 'link' || found || !imageOf(child)) return null;
    found = child;
  }
  return found;
}

export function addImageAttributes(tree: OrgData, ctx: ImageAttributesContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visitParents(tree, 'link', (node: Link, ancestors) => {
    if (!isImageLink(node)) return;
    const paragraph = [...ancestors].reverse().find((a): a is Paragraph => a.type === 'paragraph');
    const container = containerOf(node, ancestors);
    const ownsKeywords = paragraph !== undefined && firstLink(paragraph) === container;

    const attributes = ownsKeywords ? readAttributes(keywordLines(paragraph.affiliated, 'ATTR_HTML')) : {};
    if (ownsKeywords && paragraph.affiliated['ATTR_HTML'] !== undefined) delete paragraph.affiliated['ATTR_HTML'];

    if (attributes['alt'] === undefined && paragraph && standaloneImage(paragraph) === container) {
      const caption = orgPlainText(captionObjects(paragraph.affiliated), ctx).replace(/\s+/g, ' ').trim();
      if (caption) attributes['alt'] = caption;
    }
    if (attributes['alt'] === undefined) {
      attributes['alt'] = '';
      const line = (node.position?.start.line ?? 1) + ctx.startLine - 1;
      const column = node.position?.start.column ?? 0;
      diagnostics.push(
        warning(ctx.file, line, column, 'image has no alt text', {
          code: 'image/alt',
          hint: ownsKeywords
            ? 'describe it with `#+ATTR_HTML: :alt "what the image shows"` on the line above (`:alt ""` if it is only decoration), or give it a `#+CAPTION:`'
            : 'put the image in a paragraph of its own with `#+ATTR_HTML: :alt "what the image shows"` above it (org applies #+ATTR_HTML to the first link of a paragraph only)',
        }),
      );
    }
    attributes['loading'] ??= 'lazy';
    attributes['decoding'] ??= 'async';

    // hastscript turns attribute names into hast property names (class → className, data-x → dataX).
    const properties: Properties = h('img', attributes).properties;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } };
  });
  return diagnostics;
}

/** The link a paragraph's keywords would apply to: the image, or the link whose description it is. */
function containerOf(image: Link, ancestors: readonly unknown[]): Link {
  const parent = ancestors[ancestors.length - 1] as OrgNode | undefined;
  return parent?.type === 'link' ? parent : image;
}

/** First link of a paragraph in document order (`org-element-map … 'link … t`). */
function firstLink(paragraph: Paragraph): Link | null {
  const links: Link[] = [];
  visitParents(paragraph, 'link', (node: Link) => {
    links.push(node);
    return false; // stop at the first
  });
  return links[0] ?? null;
}

/**
 * `#+ATTR_HTML:` lines → attribute map, the way `org-export-read-attribute`
 * splits them: joined with a space, cut at `:key` words; text before the
 * first key is ignored; an empty or `nil` value drops the key, except
 * `:alt ""`, which is an explicit empty alt. Classes add up; for other
 * repeated keys the first wins.
 */
export function readAttributes(lines: readonly string[]): Record<string, string> {
  const parts = lines.join(' ').split(/(?:^|[ \t]+):([-a-zA-Z0-9_]+)(?=[ \t]|$)/);
  const out: Record<string, string> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const key = (parts[i] ?? '').toLowerCase();
    const written = (parts[i + 1] ?? '').trim();
    const value = unquote(written);
    if (key === 'src' || key.startsWith('on')) continue;
    if (value === '' || value === 'nil') {
      if (key === 'alt' && written === '""') out['alt'] ??= '';
      continue;
    }
    if (key === 'class') out['class'] = out['class'] ? `${out['class']} ${value}` : value;
    else out[key] ??= value;
  }
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
