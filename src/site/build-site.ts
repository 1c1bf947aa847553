import type { Document } from '../content/document.js';
import type { SiteConfig } from '../config/schema.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { slugify } from '../content/front-matter/slug.js';
import { expandPermalink, outputPathFor } from './permalink.js';
import { resolveCrossLinks } from './resolve-cross-links.js';
import { postImage } from './post-image.js';
import { urlBase } from '../render/urls.js';
import type { ListPage, Site, SitePost, SiteTag } from './site-model.js';

export interface BuildSiteOptions {
  /** `dev` and `build --drafts` show posts marked `draft: true`. */
  includeDrafts: boolean;
  /** Files under the drafts folder that are not posts (root-relative); null skips the check (a lone `render`). */
  draftFiles: ReadonlySet<string> | null;
  /** What a link to a draft outside the site becomes: an error (build) or Emacs' `x.html` (lone render). */
  missingLinks?: 'error' | 'html-name';
  /** A published post needs a date (default); a lone `render` does not. */
  requireDates?: boolean;
}

/**
 * The site stage: the only place that sees all posts. Orders them, links
 * neighbours, groups tags and years, paginates the index, and finds clashes
 * no single file can see (two posts at one URL).
 */
export function buildSite(docs: readonly Document[], config: SiteConfig, opts: BuildSiteOptions): Site {
  const diagnostics: Diagnostic[] = [];
  const posts: SitePost[] = [];
  for (const doc of docs) {
    if (doc.meta.draft && !opts.includeDrafts) continue;
    if (!doc.meta.date && !doc.meta.draft && opts.requireDates !== false) {
      diagnostics.push(
        error(doc.source.path, 1, 1, 'the post has no date', {
          code: 'site/no-date',
          hint: 'add `date: 2024-05-01` to the front matter, or start the file name with the date (2024-05-01-title.org)',
        }),
      );
      continue;
    }
    const url = expandPermalink(config.permalink, doc.meta);
    posts.push({ doc, url, outputPath: outputPathFor(url), html: doc.html, devHtml: doc.devHtml, tags: [], newer: null, older: null });
  }

  posts.sort(newestFirst);
  diagnostics.push(...findClashes(posts));
  posts.forEach((post, i) => {
    post.newer = posts[i - 1] ?? null;
    post.older = posts[i + 1] ?? null;
  });

  const base = urlBase(config.baseUrl);
  const targets = new Map(posts.map((p) => [p.doc.source.path, { url: p.url, doc: p.doc }]));
  const media = new Set<string>();
  for (const post of posts) {
    const body = resolveCrossLinks(post.doc, targets, base, opts.missingLinks ?? 'error');
    post.html = body.html;
    post.devHtml = body.devHtml;
    diagnostics.push(...body.diagnostics);
    for (const asset of post.doc.assets) {
      if (opts.draftFiles && !opts.draftFiles.has(asset.source)) {
        diagnostics.push(
          error(post.doc.source.path, asset.line, asset.column, `missing file: ${asset.source}`, {
            code: 'link/missing-file',
            hint: 'put the file there, or fix the path (it is relative to the draft)',
          }),
        );
      } else media.add(asset.source);
    }
    // The sharing image (`image:` in front matter), when it sits next to the drafts.
    const image = postImage(post.doc, config.dirs.drafts);
    if (image?.source && opts.draftFiles) {
      if (opts.draftFiles.has(image.source)) media.add(image.source);
      else diagnostics.push(error(post.doc.source.path, 1, 1, `missing file: ${image.source} (the post's \`image\`)`, { code: 'link/missing-file', hint: 'put the file there, or fix the path (it is relative to the draft)' }));
    }
  }

  const tags = groupTags(posts);
  const listPages = paginate(posts, config.postsPerPage);
  const years = groupYears(posts);
  return { config, posts, tags, listPages, years, includeDrafts: opts.includeDrafts, media: [...media].sort(), diagnostics };
}

/** Sort key: the instant when the author gave a time, else the calendar day. Ties: title, then path. */
function newestFirst(a: SitePost, b: SitePost): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.doc.meta.title.localeCompare(b.doc.meta.title) || a.doc.source.path.localeCompare(b.doc.source.path);
}

function sortKey(p: SitePost): string {
  const d = p.doc.meta.date;
  if (!d) return '9999-99-99'; // undated drafts (dev only) sort first: they are what the author is working on
  // Instants sort by their calendar day first so a datetime never jumps past a later date-only post.
  return d.instant ? `${d.day}T${new Date(d.instant).toISOString()}` : `${d.day}T`;
}

function findClashes(posts: SitePost[]): Diagnostic[] {
  const byPath = new Map<string, SitePost>();
  const out: Diagnostic[] = [];
  for (const p of [...posts].sort((a, b) => a.doc.source.path.localeCompare(b.doc.source.path))) {
    const key = p.outputPath.toLowerCase(); // case-insensitive hosts (macOS, Windows) would overwrite one with the other
    const first = byPath.get(key);
    if (first) {
      out.push(
        error(p.doc.source.path, 1, 1, `the post's URL ${p.url} is already used by ${first.doc.source.path}`, {
          code: 'site/duplicate-permalink',
          hint: 'give one of the two posts another `slug:` in its front matter',
        }),
      );
    } else byPath.set(key, p);
  }
  return out;
}

function groupTags(posts: SitePost[]): SiteTag[] {
  // Thousands of posts share a few dozen tag names: slugify each name once.
  const slugs = new Map<string, string>();
  const slugOf = (name: string): string => {
    let slug = slugs.get(name);
    if (slug === undefined) slugs.set(name, (slug = slugify(name) || 'tag'));
    return slug;
  };
  const bySlug = new Map<string, SiteTag>();
  const spellings = new Map<string, Map<string, number>>();
  // Oldest first, so on a tie the spelling that introduced the tag wins.
  for (const post of [...posts].reverse()) {
    for (const name of post.doc.meta.tags) {
      const slug = slugOf(name);
      let tag = bySlug.get(slug);
      if (!tag) {
        tag = { name, slug, url: `/tags/${slug}/`, posts: [] };
        bySlug.set(slug, tag);
        spellings.set(slug, new Map());
      }
      const counts = spellings.get(slug)!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      // Posts come one at a time, so a post already in the tag (`Python` and `python`) is its last one.
      if (tag.posts[tag.posts.length - 1] !== post) tag.posts.push(post);
    }
  }
  for (const tag of bySlug.values()) {
    tag.posts.reverse(); // newest first, like the site's posts
    // `Python` and `python` are one tag; show the spelling used most.
    let best = 0;
    for (const [name, n] of spellings.get(tag.slug)!) if (n > best) [tag.name, best] = [name, n];
  }
  // Each post lists its tags in the order the author wrote them.
  for (const post of posts) {
    post.tags = [...new Set(post.doc.meta.tags.map(slugOf))].map((slug) => bySlug.get(slug)!);
  }
  return [...bySlug.values()].sort((a, b) => b.posts.length - a.posts.length || a.name.localeCompare(b.name));
}

export function listPageUrl(page: number): string {
  return page === 1 ? '/' : `/page/${page}/`;
}

function paginate(posts: SitePost[], perPage: number): ListPage[] {
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage));
  const pages: ListPage[] = [];
  for (let page = 1; page <= totalPages; page++) {
    pages.push({
      page,
      totalPages,
      url: listPageUrl(page),
      posts: posts.slice((page - 1) * perPage, page * perPage),
      newerUrl: page > 1 ? listPageUrl(page - 1) : null,
      olderUrl: page < totalPages ? listPageUrl(page + 1) : null,
    });
  }
  return pages;
}

function groupYears(posts: SitePost[]): { year: string; posts: SitePost[] }[] {
  const years: { year: string; posts: SitePost[] }[] = [];
  for (const post of posts) {
    const year = post.doc.meta.date?.day.slice(0, 4) ?? 'Undated';
    const last = years[years.length - 1];
    if (last && last.year === year) last.posts.push(post);
    else years.push({ year, posts: [post] });
  }
  return years;
}
