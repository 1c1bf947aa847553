import { describeValue } from './describe-value.js';

/** Something wrong with one tag entry; `index` is its place in a YAML list, null for the whole value. */
export interface TagProblem {
  index: number | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface NormalizedTags {
  tags: string[];
  problems: TagProblem[];
}

/**
 * Tags from a YAML list, or from one string: org's `:a:b:` form, else split
 * on commas when there are any (so `machine learning, python` keeps its
 * two-word tag), else on whitespace. Entries are trimmed, empty ones dropped
 * and duplicates removed ignoring case, keeping the first spelling.
 *
 * `spellings` gives the source text of list entries, so a number tag keeps
 * the author's spelling (`1.0`, not `1`).
 */
export function normalizeTags(value: unknown, spellings: readonly (string | undefined)[] = []): NormalizedTags {
  const problems: TagProblem[] = [];
  const found: string[] = [];
  if (value === null || value === undefined) return { tags: [], problems };

  if (Array.isArray(value)) {
    value.forEach((entry: unknown, index) => {
      if (entry === null || entry === undefined) return; // an empty `- ` entry
      if (typeof entry === 'string') found.push(entry);
      else if (typeof entry === 'number' || typeof entry === 'boolean') found.push(spellings[index] ?? String(entry));
      else problems.push({ index, severity: 'error', message: `tag ${index + 1} is ${describeValue(entry)}, not text` });
    });
  } else if (typeof value === 'string') {
    found.push(...splitTagString(value));
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    found.push(spellings[0] ?? String(value));
  } else {
    problems.push({ index: null, severity: 'error', message: `tags are ${describeValue(value)}; write a list or a comma-separated string` });
  }

  return { tags: dedupe(found), problems };
}

/** `:a:b:` → [a, b]; `a, b c` → [a, b c]; `a b` → [a, b]. */
export function splitTagString(text: string): string[] {
  const trimmed = text.trim();
  if (/^:\S*:$/.test(trimmed)) return trimmed.split(':');
  return trimmed.includes(',') ? trimmed.split(',') : trimmed.split(/\s+/);
}

function dedupe(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.normalize('NFC').toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
