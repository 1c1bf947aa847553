/** For fingerprinted files: a new content gets a new name, so the old name can be cached for ever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** For pages: browsers and CDNs check back each time (and get 304 when nothing changed). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

interface Folder {
  files: string[];
  folders: Map<string, Folder>;
  /** Files below, fingerprinted or not, and pages below. */
  immutable: number;
  other: number;
  pages: number;
}

/**
 * A `_headers` file (the format Netlify and Cloudflare Pages read):
 * long-cache for fingerprinted files, revalidate for pages. Both hosts
 * join the values of a header when several rules match one path (`public,
 * max-age=0, …, public, max-age=31536000, …`), so no two rules here ever
 * overlap: a folder gets one `/folder/*` rule when everything in it has the
 * same policy (the fingerprinted `assets/`, the posts of `2018/`), and only
 * a mixed folder is spelled out file by file. That also keeps well under
 * Cloudflare's 100 rules. Paths carry `baseUrl`'s path, as requests do.
 */
export function headersFile(paths: Iterable<string>, immutable: ReadonlySet<string>, basePath: string): string {
  const root = folder();
  for (const p of paths) {
    if (p === '_headers' || p === '_redirects') continue;
    const parts = p.split('/');
    const name = parts.pop()!;
    let f = root;
    const kind = immutable.has(p) ? 'immutable' : 'other';
    const page = p.endsWith('.html');
    count(f, kind, page);
    for (const seg of parts) {
      let next = f.folders.get(seg);
      if (!next) f.folders.set(seg, (next = folder()));
      f = next;
      count(f, kind, page);
    }
    f.files.push(name);
  }
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  const rules: [string, string][] = [];
  const walk = (f: Folder, prefix: string) => {
    for (const name of [...f.files].sort()) {
      const p = prefix + name;
      if (immutable.has(p)) rules.push([base + p, IMMUTABLE]);
      else if (name === 'index.html') rules.push([base + prefix, REVALIDATE]);
      else if (name.endsWith('.html')) rules.push([base + p, REVALIDATE]);
    }
    for (const [name, sub] of [...f.folders].sort(([a], [b]) => a.localeCompare(b))) {
      const p = `${prefix}${name}/`;
      if (sub.immutable > 0 && sub.other === 0) rules.push([`${base}${p}*`, IMMUTABLE]);
      else if (sub.immutable === 0 && sub.pages > 0) rules.push([`${base}${p}*`, REVALIDATE]);
      else if (sub.immutable > 0) walk(sub, p);
    }
  };
  walk(root, '');
  const head = '# Written by orgpress: fingerprinted files are cached for a year, pages are checked on every visit.\n';
  return head + rules.map(([p, value]) => `${p}\n  Cache-Control: ${value}\n`).join('');
}

function folder(): Folder {
  return { files: [], folders: new Map(), immutable: 0, other: 0, pages: 0 };
}

function count(f: Folder, kind: 'immutable' | 'other', page: boolean): void {
  if (kind === 'immutable') f.immutable++;
  else f.other++;
  if (page) f.pages++;
}
