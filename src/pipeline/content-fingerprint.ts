import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version.js';

/**
 * Tests only: replaces the fingerprint below, to simulate an upgrade of
 * orgpress (or of its content-stage code) without changing any file.
 */
export const CODE_VERSION_ENV = 'ORGPRESS_CACHE_CODE_VERSION';

/** The package root (holds lib/, package.json, patches/). */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The content stage's entry point, compiled. */
const ENTRY = path.join(PACKAGE_ROOT, 'lib', 'content', 'render-document.js');

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')` in compiled ES modules.
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;

const memo = new Map<string, string>();

/**
 * A hash of everything besides the draft and the config that decides what
 * the content stage produces: orgpress's version, the compiled code that
 * `renderDocument` imports (followed from lib/content/render-document.js,
 * so a helper outside lib/content counts too), the version of every package
 * that code imports, and the patches applied to them. A change to any of
 * these invalidates the document cache; templates are not part of it (pages
 * have their own cache, src/render/page-cache.ts). Computed once per process
 * (a few ms).
 */
export function contentFingerprint(): string {
  return codeFingerprint([ENTRY]);
}

/**
 * The same fingerprint for other compiled entry points (`lib/…` paths): what
 * the page cache depends on starts at lib/render/render-pages.js and
 * lib/output/finish-output.js. Honours ORGPRESS_CACHE_CODE_VERSION too.
 */
export function codeFingerprint(entries: readonly string[]): string {
  const override = process.env[CODE_VERSION_ENV];
  if (override) return `override:${override}`;
  const memoKey = entries.join('\n');
  const known = memo.get(memoKey);
  if (known) return known;
  const hash = createHash('sha256').update(`orgpress ${VERSION}\n`);
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      hash.update(`missing ${path.relative(PACKAGE_ROOT, file)}\n`);
      continue;
    }
    hash.update(`${path.relative(PACKAGE_ROOT, file)}\n${code}\n`);
    for (const m of code.matchAll(IMPORT_RE)) {
      const spec = m[2]!;
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(packageName(spec));
    }
  }
  for (const name of [...packages].sort()) hash.update(`${name}@${packageVersion(name)}\n`);
  const patches = path.join(PACKAGE_ROOT, 'patches');
  if (existsSync(patches)) {
    for (const p of readdirSync(patches).sort()) hash.update(`${p}\n${readFileSync(path.join(patches, p), 'utf8')}\n`);
  }
  const digest = hash.digest('hex');
  memo.set(memoKey, digest);
  return digest;
}

/** A compiled module of orgpress, by its path under lib/ (`render/render-pages.js`). */
export function compiledModule(relativePath: string): string {
  return path.join(PACKAGE_ROOT, 'lib', relativePath);
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The installed version, found the way Node finds packages (walking up node_modules folders). */
function packageVersion(name: string): string {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '?';
      } catch {
        return '?';
      }
    }
    if (path.dirname(dir) === dir) return 'missing';
  }
}
