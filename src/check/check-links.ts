import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

/** A reference in the built site that leads nowhere. */
export interface LinkProblem {
  /** The page it is on, relative to the output folder: `2018/03/x/index.html`. */
  page: string;
  /** The reference as written in the page: `../y/#z`. */
  ref: string;
  /** What refers: `link to`, `image`, `stylesheet or <link> to`, `script`… */
  kind: string;
  /** Why it is broken: `no element with id "z"`. */
  reason: string;
  /** The reference resolved against the page's URL; null when it is not a valid URL. */
  url: URL | null;
}

export interface ExternalLink {
  url: string;
  /** Pages using it, in page order. */
  pages: string[];
}

export interface LinkReport {
  /** HTML pages checked. */
  pages: number;
  /** References into the site that were checked (links, anchors, images, stylesheets…). */
  internal: number;
  problems: LinkProblem[];
  /** Links leaving the site: listed, never fetched. */
  external: ExternalLink[];
}

/** Every element attribute that makes the browser (or the reader) go to another address. */
const REFERENCES: { selector: string; prop: 'href' | 'src' | 'srcSet' | 'poster' | 'data'; kind: string }[] = [
  { selector: 'a[href], area[href]', prop: 'href', kind: 'link to' },
  { selector: 'link[href]', prop: 'href', kind: '<link> to' },
  { selector: 'img[src], input[src]', prop: 'src', kind: 'image' },
  { selector: 'img[srcset], source[srcset]', prop: 'srcSet', kind: 'image' },
  { selector: 'source[src], video[src], audio[src], track[src], embed[src]', prop: 'src', kind: 'media' },
  { selector: 'video[poster]', prop: 'poster', kind: 'image' },
  { selector: 'script[src]', prop: 'src', kind: 'script' },
  { selector: 'iframe[src]', prop: 'src', kind: 'frame' },
  { selector: 'object[data]', prop: 'data', kind: 'object' },
];

/** `<link rel=preconnect href=//cdn>` names a host to warm up, not a document. */
const HOST_ONLY_RELS = new Set(['preconnect', 'dns-prefetch']);

interface ParsedPage {
  ids: Set<string>;
  refs: { ref: string; kind: string }[];
}

/**
 * Checks every internal reference of a built site: each link, image,
 * stylesheet, script and `srcset` candidate must lead to a file of the site,
 * and each `#fragment` on an HTML page to an element with that id.
 * References are resolved against the page's own URL under `baseUrl`, as a
 * browser would, so page-relative (`../y/`), root-relative (`/blog/y/`) and
 * absolute (`https://host/blog/y/`) forms are all checked. Links that leave
 * the site are collected, never fetched.
 */
export async function checkLinks(outDir: string, baseUrl: string): Promise<LinkReport> {
  const base = new URL(baseUrl);
  const basePath = base.pathname.endsWith('/') ? base.pathname : base.pathname + '/';
  const files = new Set(await listFiles(outDir));
  const htmlPages = [...files].filter((f) => f.endsWith('.html')).sort();
  const parsed = new Map<string, ParsedPage>();
  for (const page of htmlPages) parsed.set(page, parsePage(await readFile(path.join(outDir, page), 'utf8')));

  const problems: LinkProblem[] = [];
  const external = new Map<string, ExternalLink>();
  let internal = 0;
  for (const page of htmlPages) {
    const pageUrl = new URL(basePath + (page.endsWith('index.html') ? page.slice(0, -'index.html'.length) : page), base.origin);
    const seen = new Set<string>();
    for (const { ref, kind } of parsed.get(page)!.refs) {
      if (seen.has(ref)) continue; // the same link twice on a page is one problem
      seen.add(ref);
      const problem = (reason: string, url: URL | null) => problems.push({ page, ref, kind, reason, url });
      let url: URL;
      try {
        url = new URL(ref, pageUrl);
      } catch {
        problem('not a valid URL', null);
        continue;
      }
      if (url.protocol === 'file:') {
        problem('a file: URL works only on the computer it was written on', url);
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // mailto:, tel:, data:…
      if (url.origin !== base.origin || !url.pathname.startsWith(basePath)) {
        const key = url.href;
        const e = external.get(key) ?? { url: key, pages: [] };
        if (!e.pages.includes(page)) e.pages.push(page);
        external.set(key, e);
        continue;
      }
      internal++;
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname.slice(basePath.length));
      } catch {
        problem('not a valid URL (bad %-escape)', url);
        continue;
      }
      const target = resolveTarget(rel, files);
      if (!target) {
        problem(`no such page or file: ${rel === '' || rel.endsWith('/') ? rel + 'index.html' : rel}`, url);
        continue;
      }
      const id = fragmentId(url.hash);
      if (id === null || !target.endsWith('.html')) continue;
      if (id === undefined) {
        problem('not a valid URL (bad %-escape in the #fragment)', url);
        continue;
      }
      // `#top` scrolls to the top of any page, by the HTML standard.
      if (parsed.get(target)?.ids.has(id) || id.toLowerCase() === 'top') continue;
      problem(`no element with id "${id}"`, url);
    }
  }
  return { pages: htmlPages.length, internal, problems, external: [...external.values()].sort((a, b) => a.url.localeCompare(b.url)) };
}

/** The file a site path is served from: `a/b/` is `a/b/index.html`; `a/b` too when only the folder exists (hosts redirect). */
function resolveTarget(rel: string, files: ReadonlySet<string>): string | null {
  if (rel === '' || rel.endsWith('/')) return files.has(rel + 'index.html') ? rel + 'index.html' : null;
  if (files.has(rel)) return rel;
  return files.has(rel + '/index.html') ? rel + '/index.html' : null;
}

/** The id a `#fragment` names; null for none (or a bare `#`), undefined when it cannot be decoded. */
function fragmentId(hash: string): string | null | undefined {
  if (hash.length <= 1) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
}

function parsePage(html: string): ParsedPage {
  const tree = fromHtml(html);
  const ids = new Set<string>();
  for (const el of selectAll('[id]', tree)) ids.add(String(el.properties.id));
  // <a name> is an old way to make a fragment target; browsers still honour it.
  for (const el of selectAll('a[name]', tree)) ids.add(String(el.properties.name));
  const refs: ParsedPage['refs'] = [];
  for (const r of REFERENCES) {
    for (const el of selectAll(r.selector, tree)) {
      if (r.prop === 'href' && el.tagName === 'link' && relOf(el).some((x) => HOST_ONLY_RELS.has(x))) continue;
      const value = el.properties[r.prop];
      if (typeof value !== 'string') continue;
      const candidates = r.prop === 'srcSet' ? srcsetUrls(value) : [value.trim()];
      for (const ref of candidates) if (ref !== '') refs.push({ ref, kind: r.kind === '<link> to' ? linkKind(el) : r.kind });
    }
  }
  return { ids, refs };
}

function relOf(el: Element): string[] {
  const rel = el.properties.rel;
  return Array.isArray(rel) ? rel.map((x) => String(x).toLowerCase()) : [];
}

function linkKind(el: Element): string {
  const rel = relOf(el);
  if (rel.includes('stylesheet')) return 'stylesheet';
  if (rel.includes('icon')) return 'icon';
  if (rel.includes('alternate')) return 'feed link';
  if (rel.includes('canonical')) return 'canonical link';
  return '<link> to';
}

/** `a.png 1x, b.png 2x` → the URLs (a candidate is a URL, then an optional descriptor). */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\s*$)/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .map((u) => u.replace(/,$/, ''))
    .filter((u) => u !== '');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
