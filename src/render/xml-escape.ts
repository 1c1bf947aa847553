/**
 * Escaping for the feeds and the sitemap, which are XML: every value is
 * written as escaped text (never CDATA, whose `]]>` needs splitting), and
 * characters XML 1.0 does not allow at all, escaped or not (C0 controls
 * other than tab and line breaks, U+FFFE, U+FFFF, unpaired surrogates), are
 * dropped: a stray control character in a title must not make the whole
 * feed unreadable.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content of an element. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>]/g, (c) => XML_ENTITIES[c]!);
}

/** A double-quoted attribute value; tabs and line breaks as references, so parsers keep them. */
export function xmlAttribute(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!)
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text as HTML, for feed fields that readers treat as HTML (RSS `<description>`). */
export function htmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!.replace('&apos;', '&#39;'));
}
