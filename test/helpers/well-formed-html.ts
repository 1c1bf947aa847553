import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * Why an HTML fragment is not well formed, or [] when it is. Two checks:
 *
 * - the HTML parser (parse5, as in browsers) reports no parse error: no
 *   stray end tag, duplicate attribute, bad character reference…;
 * - serialising the tree the parser built gives back the very same text.
 *   A browser silently repairs misnested markup (a `<div>` inside a `<p>`
 *   closes the paragraph, a `<table>` inside a `<p>` too, text directly in
 *   a `<tr>` is moved out of the table), and a repaired tree serialises
 *   differently. Round-tripping exactly means the page a reader's browser
 *   builds is the tree we built, which a plain "no parse error" does not
 *   prove (most repairs are not parse errors).
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html, {
    fragment: true,
    onerror(e) {
      problems.push(`parse error ${e.ruleId ?? ''} at ${e.line}:${e.column}: ${e.reason}`);
    },
  });
  const again = toHtml(tree);
  // The one difference that is the parser's rule, not a repair: a line feed
  // right after <pre>, <textarea> or <listing> is dropped (the serialiser
  // does not add it back).
  const expected = html.replace(/(<(?:pre|textarea|listing)(?:\s[^>]*)?>)\n/g, '$1');
  if (again !== expected) {
    let i = 0;
    while (i < expected.length && expected[i] === again[i]) i++;
    problems.push(`the parsed tree serialises differently from offset ${i}: ${JSON.stringify(expected.slice(Math.max(0, i - 60), i + 60))} became ${JSON.stringify(again.slice(Math.max(0, i - 60), i + 60))}`);
  }
  return problems;
}
