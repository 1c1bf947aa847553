import path from 'node:path';
import { withBasePath, urlBase } from '../render/urls.js';
import type { Site, SitePost } from '../site/site-model.js';
import type { LinkProblem } from './check-links.js';

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Finds where in the drafts a broken reference of a post page was written,
 * where that can be known: a link to another draft or an image next to the
 * draft is matched by the URL it became (the content stage kept its
 * position); any other link in the body (`[x](../y/#z)`, raw HTML) by
 * looking for its text in the draft. References made by templates (menus,
 * tag lists) have no draft position.
 */
export function linkOrigin(problem: LinkProblem, site: Site, sources: ReadonlyMap<string, string>): SourcePosition | null {
  const post = site.posts.find((p) => p.outputPath === problem.page);
  if (!post) return null;
  const file = post.doc.source.path;
  if (problem.url) {
    const byUrl = matchRecorded(problem.url, post, site);
    if (byUrl) return { file, ...byUrl };
  }
  const text = sources.get(file);
  if (text === undefined) return null;
  const base = urlBase(site.config.baseUrl);
  const candidates = [problem.ref];
  if (problem.url && problem.url.href.startsWith(base.baseUrl)) {
    const rest = problem.url.href.slice(base.baseUrl.length);
    candidates.push(problem.url.href, base.basePath + rest, '/' + rest, rest);
  }
  for (const c of candidates) {
    if (c === '' || c === '/') continue;
    const at = text.indexOf(c);
    if (at >= 0) return { file, ...positionAt(text, at) };
  }
  return null;
}

/** A cross-draft link or an image the content stage recorded, whose final URL is the broken one. */
function matchRecorded(url: URL, post: SitePost, site: Site): { line: number; column: number } | null {
  const base = urlBase(site.config.baseUrl);
  const same = (candidate: string, withHash: boolean) => {
    const u = new URL(candidate, base.baseUrl);
    return u.pathname === url.pathname && (!withHash || safeDecode(u.hash) === safeDecode(url.hash));
  };
  for (const link of post.doc.links) {
    const target = site.posts.find((p) => p.doc.source.path === link.target);
    if (!target) continue;
    const id = link.fragment?.kind === 'id' ? link.fragment.id : null;
    if (id !== null && same(withBasePath(base, target.url) + '#' + id, true)) return { line: link.line, column: link.column };
    if (id === null && url.hash === '' && same(withBasePath(base, target.url), false)) return { line: link.line, column: link.column };
  }
  for (const asset of post.doc.assets) {
    const mediaUrl = '/media/' + path.posix.relative(site.config.dirs.drafts, asset.source);
    if (same(withBasePath(base, mediaUrl), false)) return { line: asset.line, column: asset.column };
  }
  return null;
}

function positionAt(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
