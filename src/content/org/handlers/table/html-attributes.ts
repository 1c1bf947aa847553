/**
 * `#+NAME:` and `#+ATTR_HTML:` of a table, turned into attributes that
 * cannot fight the theme.
 */

/**
 * Presentational attributes dropped from `#+ATTR_HTML:`. They exist to draw
 * or remove borders and spacing, and inline they would beat the theme,
 * whose one job for tables is to show where every row and column starts and
 * ends. They are dropped rather than turned into classes: no theme rule
 * would target such classes, and a silent class is worse than a documented
 * drop. Event handlers (`on*`) are dropped too: no script from content.
 */
const DROPPED_ATTRIBUTES = new Set([
  'align',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'frame',
  'rules',
  'style',
  'width',
]);

export interface TableAttributes {
  /** Sanitised id, from `:id` or else `#+NAME:`; undefined when neither gives a usable one. */
  id: string | undefined;
  /** Classes from every `:class`, in order, without duplicates. */
  classes: string[];
  /** Every other attribute, lower-cased name → value. */
  other: Record<string, string>;
}

/**
 * Reads `#+ATTR_HTML:` lines the way `org-export-read-attribute` does:
 * the lines are joined with a space, `:key value` pairs are split at
 * `:key` words, text before the first key is ignored, and a value that is
 * empty or `nil` drops the key. Differences from Emacs, on purpose:
 * `:class` values from all pairs accumulate (Emacs keeps one); for any
 * other key repeated, the first wins (as it does in Emacs' output); one
 * pair of surrounding double quotes is removed (`:title "Two words"`).
 */
export function readTableAttributes(attrHtml: readonly string[], name: string | undefined): TableAttributes {
  const joined = attrHtml.join(' ');
  const parts = joined.split(/(?:^|[ \t]+):([-a-zA-Z0-9_]+)(?=[ \t]|$)/);
  const classes: string[] = [];
  const other: Record<string, string> = {};
  let id: string | undefined;
  // parts = [before-first-key, key1, value1, key2, value2, ...]
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const key = (parts[i] ?? '').toLowerCase();
    const value = unquote((parts[i + 1] ?? '').trim());
    if (value === '' || value === 'nil') continue;
    if (key === 'class') {
      for (const c of value.split(/\s+/)) {
        const clean = sanitiseToken(c);
        if (clean && !classes.includes(clean)) classes.push(clean);
      }
    } else if (key === 'id') {
      id ??= sanitiseId(value);
    } else if (DROPPED_ATTRIBUTES.has(key) || key.startsWith('on')) {
      continue;
    } else if (!(key in other)) {
      other[key] = value;
    }
  }
  return { id: id ?? (name === undefined ? undefined : sanitiseId(name)), classes, other };
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * A valid, link-friendly HTML id from a `#+NAME:`: whitespace runs become
 * `-`, characters other than letters, digits, `_`, `-`, `:` and `.` are
 * removed (`tbl:results` stays as written), and an empty result gives no
 * id. Exported so that
 * whoever resolves internal links to named tables computes the same id.
 */
export function sanitiseId(name: string): string | undefined {
  const id = sanitiseToken(name.trim().replace(/\s+/g, '-'));
  return id || undefined;
}

function sanitiseToken(token: string): string {
  return token
    .replace(/[^\p{L}\p{N}_:.-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
