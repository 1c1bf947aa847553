import path from 'node:path';
import type { Document } from '../content/document.js';
import { mediaUrl } from '../content/media-url.js';

export interface PostImage {
  /** Site-relative (`/media/cover.png`, `/images/x.png`) or absolute URL. */
  url: string;
  /** The draft-side file to publish under /media/ (root-relative), when the image sits next to the drafts. */
  source: string | null;
}

/**
 * The post's sharing image, from front matter `image:` (OpenGraph and
 * Twitter cards): an absolute URL; a path from the site root (`/images/x.png`,
 * a file in `static/`); or a path relative to the draft (`images/x.png`),
 * published under `/media/` like the images a post shows.
 */
export function postImage(doc: Document, draftsDir: string): PostImage | null {
  const raw = doc.meta.extra['image'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const image = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(image)) return { url: image, source: null };
  if (image.startsWith('/')) return { url: image, source: null };
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(doc.source.path), image.replace(/^file:/, '')));
  const drafts = path.posix.normalize(draftsDir).replace(/\/+$/, '');
  if (path.posix.relative(drafts, source).startsWith('..')) return null; // outside the drafts folder: not ours to publish
  return { url: mediaUrl('/', drafts, source), source };
}
