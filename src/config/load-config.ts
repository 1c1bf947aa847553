import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFingerprint, compiledModule } from '../pipeline/content-fingerprint.js';
import { CACHE_DIR } from '../pipeline/document-cache.js';
import type { SiteConfig } from './schema.js';

/** The config file names we look for, in order. One is enough; the first found wins. */
export const CONFIG_FILES = ['site.yaml', 'site.yml'] as const;

export interface LoadedConfig {
  config: SiteConfig;
  /** Path of the file read, relative to the root, or null when there was none. */
  file: string | null;
  diagnostics: Diagnostic[];
}

export interface LoadConfigOptions {
  /**
   * Keep the checked config in `.cache/orgpress/` and take it from there while
   * the file's text (and orgpress) is unchanged: checking it needs yaml and zod,
   * ~75 ms of module loading, a quarter of a warm build of a small site.
   */
  cache?: boolean;
}

/**
 * Reads and validates the site config. A missing or empty file gives the
 * defaults; every problem is reported with the key, file, line and column.
 */
export async function loadConfig(root: string, explicit?: string, opts: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cacheRoot = opts.cache ? root : null;
  const candidates = explicit ? [explicit] : [...CONFIG_FILES];
  for (const name of candidates) {
    const abs = path.resolve(root, name);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (err) {
      if (explicit) {
        return {
          config: (await checker()).defaultSiteConfig(),
          file: name,
          diagnostics: [error(name, 0, 0, `cannot read the config file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { code: 'config/unreadable', hint: 'check the path given to --config' })],
        };
      }
      continue;
    }
    const rel = path.relative(root, abs) || name;
    return { ...(await checkedConfig(text, rel, cacheRoot)), file: rel };
  }
  return { ...(await checkedConfig(null, null, cacheRoot)), file: null };
}

/** Parsing and checking (yaml, zod): loaded only when no cached result will do. */
const checker = () => import('./parse-config.js');

/** Bumped when what a cache file holds changes. */
const FORMAT = 1;

/**
 * The config checked from `text` (null: there is no file), from the cache
 * under `root` when that holds the result for this very text, file name,
 * orgpress code and Node (whose ICU data decides which time zones exist).
 * Only a config without any problem is cached: one with problems is checked
 * again, and its messages given again, every time.
 */
async function checkedConfig(text: string | null, file: string | null, root: string | null): Promise<{ config: SiteConfig; diagnostics: Diagnostic[] }> {
  const cacheFile = root ? path.join(root, CACHE_DIR, `config-${sha256(file ?? '').slice(0, 16)}.json`) : null;
  const key = cacheFile ? sha256(`config ${FORMAT}\n${process.version}\n${codeFingerprint([compiledModule('config/parse-config.js')])}\n${file}\n${text}`) : '';
  const cached = cacheFile ? readCached(cacheFile, key) : null;
  if (cached) return { config: cached, diagnostics: [] };
  const { parseConfigText, defaultSiteConfig } = await checker();
  const result = text === null ? { config: defaultSiteConfig(), diagnostics: [] } : parseConfigText(text, file ?? '');
  if (cacheFile && result.diagnostics.length === 0) writeCached(cacheFile, key, result.config);
  return result;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cached config for `key`, or null (none, another key, or a file cut short: a cut JSON text never parses). */
function readCached(file: string, key: string): SiteConfig | null {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; key?: unknown; config?: unknown };
    return entry.format === FORMAT && entry.key === key && typeof entry.config === 'object' && entry.config !== null ? (entry.config as SiteConfig) : null;
  } catch {
    return null;
  }
}

/** Best effort: a cache that cannot be written (a read-only checkout) only costs the next build the check. */
function writeCached(file: string, key: string, config: SiteConfig): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ format: FORMAT, key, config }));
  } catch {
    // Checked again next time.
  }
}
