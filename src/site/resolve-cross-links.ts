import type { Document } from '../content/document.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { withBasePath, type UrlBase } from '../render/urls.js';

/** Where a draft ends up: its site-relative URL and its headings. */
export interface LinkTarget {
  url: string;
  doc: Document;
}

export interface ResolvedBody {
  html: string;
  devHtml: string;
  diagnostics: Diagnostic[];
}

/**
 * Replaces the `orgpress-link:N` placeholders the content stage left for
 * links to other drafts with the other post's final URL and anchor. A link
 * to a draft that does not exist (or is not published) is an error at the
 * link's line; an anchor that does not exist is a warning.
 */
export function resolveCrossLinks(
  doc: Document,
  targets: ReadonlyMap<string, LinkTarget>,
  base: UrlBase,
  onMissing: 'error' | 'html-name' = 'error',
): ResolvedBody {
  const diagnostics: Diagnostic[] = [];
  const hrefs = new Map<string, string>();
  for (const link of doc.links) {
    const target = targets.get(link.target);
    if (!target) {
      const htmlName = link.target.replace(/^.*\//, '').replace(/\.(org|md|markdown)$/i, '.html');
      if (onMissing === 'error') {
        diagnostics.push(
          error(doc.source.path, link.line, link.column, `broken link: ${link.target} is not a published draft`, {
            code: 'link/broken',
            hint: 'check the file name (links are relative to the draft), or remove `draft: true` from the target',
          }),
        );
      } else {
        diagnostics.push(
          warning(doc.source.path, link.line, link.column, `${link.target} is outside this render; linking to ${htmlName} as Emacs does`, {
            code: 'link/lone-file',
          }),
        );
      }
      hrefs.set(link.placeholder, htmlName + fragmentText(link.fragment));
      continue;
    }
    let fragment = '';
    if (link.fragment?.kind === 'id') fragment = '#' + link.fragment.id;
    else if (link.fragment?.kind === 'heading') {
      const wanted = norm(link.fragment.text);
      const entry = target.doc.toc.find((e) => norm(e.text) === wanted);
      if (entry) fragment = '#' + entry.id;
      else
        diagnostics.push(
          warning(doc.source.path, link.line, link.column, `no heading “${link.fragment.text}” in ${link.target}`, {
            code: 'link/heading',
            hint: 'the text after `::*` must match a heading of the linked post',
          }),
        );
    }
    hrefs.set(link.placeholder, withBasePath(base, target.url) + fragment);
  }
  const replace = (html: string) =>
    hrefs.size === 0 ? html : html.replace(/href="(orgpress-link:\d+)"/g, (m, ph: string) => `href="${escapeAttr(hrefs.get(ph) ?? '#')}"`);
  return { html: replace(doc.html), devHtml: replace(doc.devHtml), diagnostics };
}

function fragmentText(f: Document['links'][number]['fragment']): string {
  if (!f) return '';
  return f.kind === 'id' ? `#${f.id}` : `#${encodeURIComponent(f.text)}`;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
