import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/render-pages.js';
import { listCopies } from './list-copies.js';
import type { CopyDir } from './write-site.js';

export interface FingerprintResult {
  /** The input files (pages rewritten to the new names) plus the renamed assets. */
  files: OutputFile[];
  /** The copies left to `writeSite` (the theme's assets are now in `files`). */
  copies: CopyDir[];
  /** Output paths of the fingerprinted files: safe to cache for ever. */
  immutable: Set<string>;
  /** `assets/style.css` → `assets/style.3f2a1c9b.css`. */
  renamed: Map<string, string>;
}

/** Copies that hold the theme's assets (built-in and the site's `templates/assets/`, KaTeX's stylesheet and fonts). */
export function isThemeAssetCopy(c: CopyDir): boolean {
  return c.to === 'assets' || c.to.startsWith('assets/');
}

const HASH_LENGTH = 8;

/**
 * Renames every theme asset after its content (`assets/style.css` →
 * `assets/style.3f2a1c9b.css`) so hosts can let browsers cache it for ever:
 * a changed file gets a new name. References are rewritten where they are:
 * `href`/`src` in the built pages (after `relative-urls.ts`, so whatever a
 * template wrote, `url` filter or not, any page depth, 404.html's
 * root-relative ones too), and `url()`/`@import` in stylesheets (KaTeX's
 * fonts), a stylesheet being hashed after the files it points at. A file
 * that `static/` also provides stays the user's, under its own name.
 */
export async function fingerprintAssets(files: readonly OutputFile[], copies: readonly CopyDir[], baseUrl: string): Promise<FingerprintResult> {
  const themeCopies = copies.filter(isThemeAssetCopy);
  const otherCopies = copies.filter((c) => !isThemeAssetCopy(c));
  const userFiles = listCopies(otherCopies);
  const generated = new Set(files.map((f) => f.path));
  const assets = [...listCopies(themeCopies).values()].filter((f) => !userFiles.has(f.path) && !generated.has(f.path));
  const content = new Map<string, Buffer>(await Promise.all(assets.map(async (a) => [a.path, await readFile(a.from)] as const)));

  const renamed = new Map<string, string>();
  const out = new Map<string, Buffer>();
  const name = (p: string, data: Buffer) => {
    const hashed = withHash(p, createHash('sha256').update(data).digest('hex').slice(0, HASH_LENGTH));
    renamed.set(p, hashed);
    out.set(hashed, data);
  };
  for (const [p, data] of content) if (!p.endsWith('.css')) name(p, data);
  // Stylesheets after what they point at, an @imported one before its importer.
  const visiting = new Set<string>();
  const hashCss = (p: string): void => {
    if (renamed.has(p) || visiting.has(p)) return;
    visiting.add(p);
    const text = content.get(p)!.toString('utf8');
    const dir = path.posix.dirname(p);
    const rewritten = text.replace(CSS_REF, (m, pre: string, q: string, ref: string, post: string) => {
      const target = cssTarget(dir, ref);
      if (target === null || !content.has(target)) return m;
      if (target.endsWith('.css')) hashCss(target);
      const to = renamed.get(target);
      return to === undefined ? m : `${pre}${q}${renameRef(ref, to)}${q}${post}`;
    });
    name(p, Buffer.from(rewritten, 'utf8'));
  };
  for (const p of content.keys()) if (p.endsWith('.css')) hashCss(p);

  const site = new URL(baseUrl);
  const pages = files.map((f) =>
    f.path.endsWith('.html') && typeof f.content === 'string' ? { ...f, content: rewritePage(f.content, f.path, site, renamed) } : f,
  );
  return {
    files: [...pages, ...[...out].map(([p, data]) => ({ path: p, content: data }))],
    copies: otherCopies,
    immutable: new Set(out.keys()),
    renamed,
  };
}

/** `a/style.css` + `3f2a` → `a/style.3f2a.css`; a name without extension gets it at the end. */
export function withHash(p: string, hash: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? `${p.slice(0, dot)}.${hash}${p.slice(dot)}` : `${p}.${hash}`;
}

/** Keeps the reference's own spelling (relative, encoded, ?query#hash) and swaps its last segment for the hashed name's. */
function renameRef(ref: string, hashedPath: string): string {
  const cut = ref.search(/[?#]/);
  const pathPart = cut < 0 ? ref : ref.slice(0, cut);
  const rest = cut < 0 ? '' : ref.slice(cut);
  const slash = pathPart.lastIndexOf('/');
  return `${pathPart.slice(0, slash + 1)}${encodeURI(path.posix.basename(hashedPath))}${rest}`;
}

// `@import "x.css"` needs its quote here; `@import url(x.css)` is caught by the url( branch.
const CSS_REF = /(url\(\s*|@import\s+(?=["']))(["']?)([^"')\s]+)\2(\s*\)?)/g;

/** The output path a stylesheet reference points at, or null for external and data URLs. */
function cssTarget(dir: string, ref: string): string | null {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(ref)) return null;
  const clean = ref.replace(/[?#].*$/, '');
  try {
    return path.posix.normalize(path.posix.join(dir, decodeURIComponent(clean)));
  } catch {
    return null; // a malformed %-escape: not one of ours
  }
}

const URL_ATTR = /(\s(?:href|src)=)(["'])([^"']*)\2/gi;

/** The last path segments of the renamed assets (`style.css`), per map. */
const namesOf = new WeakMap<ReadonlyMap<string, string>, Set<string>>();

function assetNames(renamed: ReadonlyMap<string, string>): Set<string> {
  let names = namesOf.get(renamed);
  if (!names) namesOf.set(renamed, (names = new Set([...renamed.keys()].map((k) => k.slice(k.lastIndexOf('/') + 1)))));
  return names;
}

/** Characters the URL parser keeps as they are in a path segment (never escaped, unescaped, dropped or read as a separator). */
const PLAIN_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$|^$/;

/**
 * Whether a reference surely points at no renamed asset: its last path
 * segment is plain (see PLAIN_SEGMENT; not `.` or `..`) and no asset's name.
 * Resolving it would keep that segment as the last of its path, so it could
 * not match either; most references of a page (links to posts, tags, other
 * sites) are settled by this instead of a URL parse each.
 */
function surelyNoAsset(value: string, names: Set<string>): boolean {
  const cut = value.search(/[?#]/);
  const pathPart = cut < 0 ? value : value.slice(0, cut);
  const last = pathPart.slice(pathPart.lastIndexOf('/') + 1);
  return PLAIN_SEGMENT.test(last) && !names.has(last);
}

/**
 * Points a page's references to theme assets at their fingerprinted names (also used page by page, src/output/page-finisher.ts).
 * `quickSkip: false` resolves every reference (tests compare the two).
 */
export function rewritePage(html: string, file: string, site: URL, renamed: ReadonlyMap<string, string>, { quickSkip = true } = {}): string {
  const basePath = site.pathname.endsWith('/') ? site.pathname : site.pathname + '/';
  const pageUrl = new URL(file.replace(/(^|\/)index\.html$/, '$1'), site.origin + basePath);
  const names = quickSkip ? assetNames(renamed) : null;
  return html.replace(URL_ATTR, (m, attr: string, q: string, value: string) => {
    if (value === '' || value.startsWith('#') || /^(?:data|mailto|javascript):/i.test(value)) return m;
    if (names && surelyNoAsset(value, names)) return m;
    let target: URL;
    try {
      target = new URL(value.replace(/&amp;/g, '&'), pageUrl);
    } catch {
      return m;
    }
    if (target.origin !== site.origin || !target.pathname.startsWith(basePath)) return m;
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(target.pathname.slice(basePath.length));
    } catch {
      return m;
    }
    const to = renamed.get(sitePath);
    return to === undefined ? m : `${attr}${q}${renameRef(value, to)}${q}`;
  });
}
