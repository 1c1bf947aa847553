import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { configSchema, type SiteConfig } from './schema.js';

/**
 * Parsing and checking the text of a config file (yaml and zod, ~75 ms to
 * import): src/config/load-config.ts loads this module only when a config
 * must be checked, not when its checked form is cached.
 */

/** The config every key of which is its default (no file, or an empty one). */
export function defaultSiteConfig(): SiteConfig {
  return configSchema.parse({});
}

export function parseConfigText(text: string, file: string): { config: SiteConfig; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    diagnostics.push(
      error(file, pos.line, pos.col, `invalid YAML: ${firstLine(e.message)}`, {
        code: 'config/yaml',
        hint: 'fix the YAML syntax (indentation, quotes, a missing colon)',
        context: 'while reading the site config',
      }),
    );
  }
  if (diagnostics.length) return { config: configSchema.parse({}), diagnostics };

  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    diagnostics.push(error(file, 1, 1, 'the config must be a mapping of keys to values', { code: 'config/shape', hint: 'write one `key: value` per line, e.g. `title: My blog`' }));
    return { config: configSchema.parse({}), diagnostics };
  }
  const parsed = configSchema.safeParse(normalizeKeys(raw as Record<string, unknown>));
  if (parsed.success) return { config: withTrailingSlash(parsed.data), diagnostics };

  for (const issue of parsed.error.issues) {
    const keyPath = issue.path.map(String);
    const { line, col } = locate(doc, lineCounter, issue.path, issue.code === 'unrecognized_keys' ? unknownKeys(issue) : []);
    diagnostics.push(
      error(file, line, col, describeIssue(issue, keyPath), {
        code: 'config/invalid',
        hint: hintFor(issue, keyPath),
        context: 'while reading the site config',
      }),
    );
  }
  return { config: configSchema.parse({}), diagnostics };
}

/** Accept snake_case and kebab-case spellings too (`base_url`, `posts-per-page`). */
function normalizeKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = k.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = v !== null && typeof v === 'object' && !Array.isArray(v) ? normalizeKeys(v as Record<string, unknown>) : v;
  }
  return out;
}

function withTrailingSlash(config: SiteConfig): SiteConfig {
  return { ...config, baseUrl: config.baseUrl.endsWith('/') ? config.baseUrl : config.baseUrl + '/' };
}

function unknownKeys(issue: z.core.$ZodIssue): string[] {
  return 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
}

function locate(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  keyPath: PropertyKey[],
  extraKeys: string[],
): { line: number; col: number } {
  // Find the YAML node for the failing key, trying the original spelling variants.
  const segments = [...keyPath.map(String), ...extraKeys.slice(0, 1)];
  let node: unknown = doc.contents;
  for (const seg of segments) {
    if (!node || typeof node !== 'object' || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const pair = items.find((p) => {
      const k = (p as { key?: { value?: unknown } }).key?.value;
      return typeof k === 'string' && normalizeKeys({ [k]: 0 }).hasOwnProperty(seg);
    }) as { key?: unknown; value?: unknown } | undefined;
    const index = /^\d+$/.test(seg) ? Number(seg) : -1;
    if (pair) node = seg === segments[segments.length - 1] && extraKeys.length ? pair.key : pair.value ?? pair.key;
    else if (index >= 0 && items[index]) node = items[index];
    else break;
  }
  if (isNode(node) && node.range) {
    const p = lc.linePos(node.range[0]);
    return { line: p.line, col: p.col };
  }
  return { line: 1, col: 1 };
}

function describeIssue(issue: z.core.$ZodIssue, keyPath: string[]): string {
  const key = keyPath.join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = unknownKeys(issue);
    return `unknown config key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${[...keyPath, k].join('.')}\``).join(', ')}`;
  }
  return `\`${key}\`: ${issue.message}`;
}

const KNOWN_KEYS = Object.keys(configSchema.shape);

function hintFor(issue: z.core.$ZodIssue, keyPath: string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const guess = unknownKeys(issue)
      .map((k) => closest(k, keyPath.length ? [] : KNOWN_KEYS))
      .find((g): g is string => g !== null);
    return guess ? `did you mean \`${guess}\`? Known keys are listed in README.md ("Configuration")` : 'remove it; known keys are listed in README.md ("Configuration")';
  }
  if (keyPath[0] === 'baseUrl') return 'give an absolute URL such as https://example.com/ or https://user.github.io/blog/';
  return 'see README.md ("Configuration") for the type and default of each key';
}

function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  const w = word.toLowerCase().replace(/[-_]/g, '');
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
