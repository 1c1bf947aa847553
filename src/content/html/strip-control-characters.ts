/**
 * Characters HTML does not allow in a page (C0 and C1 control characters
 * other than tab, line feed, form feed and carriage return; NUL; the
 * noncharacters; unpaired surrogates) are parse errors that browsers show
 * as nothing or as �. They reach drafts with pasted terminal output (the
 * ESC of colour codes) or a stray byte; they are taken out of the body's
 * text and attributes, with one warning at the first one in the draft.
 */
import type { Element, Root } from 'hast';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';

const NOT_HTML = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` without the characters HTML does not allow. */
export function withoutControlCharacters(value: string): string {
  return value.replace(NOT_HTML, '');
}

/** Cleans `tree` in place; warns (once) when `source`, the draft's text, holds such a character. */
export function stripControlCharacters(tree: Root, ctx: { file: string; source: string; diagnostics: Diagnostic[] }): void {
  NOT_HTML.lastIndex = 0;
  const first = NOT_HTML.exec(ctx.source);
  NOT_HTML.lastIndex = 0;
  if (first === null) return; // nothing to clean: the tree comes from this text
  const before = ctx.source.slice(0, first.index);
  const line = before.split('\n').length;
  const column = first.index - (before.lastIndexOf('\n') + 1) + 1;
  const code = first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  ctx.diagnostics.push(
    warning(ctx.file, line, column, `the draft holds a control character (U+${code}) that a web page cannot show; such characters are left out`, {
      code: 'content/control-character',
      hint: 'delete it (it is invisible in most editors; in Emacs, M-x whitespace-mode or C-u C-x = shows it)',
    }),
  );
  const stack: (Root | Element)[] = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'comment' || child.type === 'raw') child.value = withoutControlCharacters(child.value);
      else if (child.type === 'element') {
        for (const [name, value] of Object.entries(child.properties)) {
          if (typeof value === 'string') child.properties[name] = withoutControlCharacters(value);
          else if (Array.isArray(value)) child.properties[name] = value.map((v) => (typeof v === 'string' ? withoutControlCharacters(v) : v));
        }
        stack.push(child);
      }
    }
  }
}
