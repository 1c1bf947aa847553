/** Where the YAML block of a draft is, before anything is parsed. */
export type FrontMatterSplit =
  | { kind: 'none'; body: string; bodyStartLine: 1 }
  /** An opening `---` on line 1 with no closing line: the whole text stays body. */
  | { kind: 'unclosed'; body: string; bodyStartLine: 1; openLine: 1 }
  | {
      kind: 'yaml';
      /** The lines between the fences. */
      yaml: string;
      /** Line of the file where `yaml` starts (the line after the opening fence). */
      yamlStartLine: number;
      /** Line of the closing fence. */
      closeLine: number;
      body: string;
      bodyStartLine: number;
    };

const FENCE = /^---[ \t]*$/;

/**
 * Finds YAML front matter: a `---` line at the very top, up to the next `---`
 * line. A leading byte-order mark is dropped first; it is invisible, so
 * lines and columns are unchanged.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstBreak = clean.indexOf('\n');
  const firstLine = firstBreak < 0 ? clean : clean.slice(0, firstBreak);
  if (!FENCE.test(firstLine)) return { kind: 'none', body: clean, bodyStartLine: 1 };
  if (firstBreak < 0) return { kind: 'unclosed', body: clean, bodyStartLine: 1, openLine: 1 };

  let start = firstBreak + 1;
  let line = 2;
  while (start <= clean.length) {
    const next = clean.indexOf('\n', start);
    const end = next < 0 ? clean.length : next;
    if (FENCE.test(clean.slice(start, end))) {
      return {
        kind: 'yaml',
        yaml: clean.slice(firstBreak + 1, start),
        yamlStartLine: 2,
        closeLine: line,
        body: next < 0 ? '' : clean.slice(next + 1),
        bodyStartLine: line + 1,
      };
    }
    if (next < 0) break;
    start = next + 1;
    line++;
  }
  return { kind: 'unclosed', body: clean, bodyStartLine: 1, openLine: 1 };
}
