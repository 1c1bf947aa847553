import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeSite, REPO, SEED_PATH } from './fixture-site.js';

/** A 1×1 PNG (browsers take PNG data at /favicon.ico). */
const FAVICON_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export const post = (title: string, date: string, extra: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n${body}\n`;

export const LIVE_DRAFT = 'drafts/2020-01-01-live.org';
export const LIVE_URL = '2020/01/live/';
export const SEED_URL = '2018/03/python-asyncio/';

/**
 * The blog the browser tests run against: the user's seed post (with its
 * table and notes), a post to edit, and a draft; the site has its own copy
 * of the theme stylesheet so a test can edit it.
 */
export async function makeBrowserSite(): Promise<string> {
  return makeSite({
    'site.yaml': 'title: Browser Blog\nauthor: Ada\n',
    'drafts/2018-03-09-python-asyncio.org': await readFile(SEED_PATH, 'utf8'),
    [LIVE_DRAFT]: post('Live post', '2020-01-01', 'tags: live, python\n', '# TODO: rewrite this paragraph\nOriginal words.'),
    'drafts/2021-01-01-idea.org': post('An idea', '2021-01-01', 'draft: true\n', '* TODO Write the introduction\nLater.'),
    'templates/assets/style.css': await readFile(path.join(REPO, 'templates/assets/style.css'), 'utf8'),
    // Browsers ask for /favicon.ico by themselves and log its 404 as a console error; the
    // theme names no icon, so the site gives one, as real sites do.
    'static/favicon.ico': Buffer.from(FAVICON_PNG, 'base64'),
  });
}
