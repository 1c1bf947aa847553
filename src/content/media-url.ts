import path from 'node:path';

/**
 * Media from the drafts folder is published under /media/, keeping its
 * sub-path. A module of its own: the site stage needs it for cover images
 * without loading the org link resolver's dependencies.
 */
export function mediaUrl(basePath: string, draftsDir: string, rootRelative: string): string {
  const inDrafts = path.posix.relative(draftsDir, rootRelative);
  return basePath + 'media/' + inDrafts.split('/').map(encodeURIComponent).join('/');
}
