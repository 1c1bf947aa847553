/** Latin letters NFKD leaves whole, spelled the way readers type them in ASCII. */
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-(?=.)/;

/**
 * A URL-safe slug: lowercase, Latin letters folded to ASCII (`Café` → `cafe`),
 * every run of other characters turned into one `-`, no `-` at either end.
 * Letters of other scripts are kept as they are (`日本語`, `привет`): dropping
 * them would leave nothing, and browsers show them fine in URLs.
 */
export function slugify(text: string): string {
  // A letter and its combining marks fold together (`İ` lowercases to `i` + dot above).
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\P{M}\p{M}*/gu, foldLatin)
    .replace(/['’]/g, '') // "don't" → "dont", not "don-t"
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The default slug: the file name without directory, extension and `YYYY-MM-DD-` prefix. */
export function slugFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return slugify(stem.replace(DATE_PREFIX, ''));
}

function foldLatin(cluster: string): string {
  const folded = LATIN_FOLDS[cluster];
  if (folded !== undefined) return folded;
  const base = cluster.normalize('NFKD').replace(/\p{M}/gu, '');
  // Only fold when what is left is ASCII (é → e, ﬁ → fi, Ａ → a): in other
  // scripts the marks are part of the letter (が, हि) and must stay.
  return base !== '' && /^[\x20-\x7e]+$/.test(base) ? base.toLowerCase() : cluster;
}
