import { Document as YamlDocument, isSeq } from 'yaml';
import { slugify } from '../content/front-matter/slug.js';
import { formatDay, wallTimeAt } from '../content/front-matter/time-zone.js';

export type DraftFormat = 'org' | 'md';

export interface NewDraft {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tags: readonly string[];
  format: DraftFormat;
}

/** Today's calendar day on the site's clock (`timeZone`), not the machine's. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return formatDay(wallTimeAt(now, timeZone));
}

/** `2024-05-01-post-title.org`, or null when the title has no letter or digit to name the file by. */
export function draftFileName(d: Pick<NewDraft, 'title' | 'date' | 'format'>): string | null {
  const slug = slugify(d.title);
  return slug === '' ? null : `${d.date}-${slug}.${d.format}`;
}

/**
 * The text of a new draft: front matter written by the YAML library (so a
 * title with `: `, `#`, quotes or a leading `[` is quoted as YAML needs),
 * `draft: true` so a half-written post never goes out by accident, and a
 * TODO note plus a first heading and paragraph to replace.
 */
export function draftText(d: NewDraft): string {
  const front = new YamlDocument({ title: d.title, date: d.date, tags: [...d.tags], draft: true });
  // `tags: [a, b]` on one line, as people write it by hand.
  const tags = front.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  const yaml = front.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body =
    d.format === 'org'
      ? '# TODO: write this post (notes like this one are never published)\n\n* First heading\n\nThe first paragraph.\n'
      : '<!-- TODO: write this post (notes like this one are never published) -->\n\n## First heading\n\nThe first paragraph.\n';
  return `---\n${yaml}---\n${body}`;
}

/** `a, b` or `a b` from `--tags`, trimmed, empties and repeats dropped. */
export function parseTagList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...new Set(text.split(/[,\s]+/).map((t) => t.trim()).filter((t) => t !== ''))];
}
