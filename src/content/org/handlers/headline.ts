/**
 * Headlines, as ox-html renders them:
 *
 *   <h2 id="CUSTOM_ID"><span class="section-number">1.2</span>
 *     <span class="todo-keyword todo TODO">TODO</span>
 *     <span class="priority">[#A]</span> Title
 *     <span class="tags"><span class="tag">a</span> <span class="tag">b</span></span></h2>
 *
 * Keyword, priority and tags are shown per `#+OPTIONS:` `todo:`, `pri:`,
 * `tags:`. A headline deeper than `H:` is not a heading: it renders as the
 * same parts without the `<hN>`, and `sectionHandler` puts them in a list
 * item (Emacs' "low-level headlines").
 *
 * What a headline cannot know by itself (its section number, `:CUSTOM_ID:`
 * from the property drawer beside it, whether it is a list item) is
 * recorded by `sectionHandler` in a shared `HeadlineInfoMap` just before
 * the headline is converted.
 *
 * Deliberate differences from ox-html: the keyword span also has class
 * `todo-keyword`; the priority reads `[#A]` as written (ox-html: `[A]`);
 * tags are `span.tags > span.tag` (ox-html: `span.tag > span.NAME`); the
 * section number is `1.2` in `span.section-number` (ox-html: `1.2.` in
 * `span.section-number-3`).
 */
import type { ElementContent, Element } from 'hast';
import type { OrgExportOptions } from '../read-in-file-settings.js';
import type { OrgHeadlineHandler } from '../../todos/comment-handlers.js';

/** What `sectionHandler` tells the headline handler about a headline. */
export interface HeadlineInfo {
  /** `:CUSTOM_ID:` of the headline's property drawer (`:ID:` is never used). */
  id: string | null;
  /** Section number (`1.2`), when `num:` numbers this headline. */
  number: string | null;
  /** Deeper than `H:`: rendered as the content of a list item, not as a heading. */
  listItem: boolean;
}

/** Keyed by headline node (identity). */
export type HeadlineInfoMap = WeakMap<object, HeadlineInfo>;

export interface HeadlineContext {
  options: Pick<OrgExportOptions, 'todo' | 'priority' | 'tags' | 'headlineLevels'>;
  /** Keywords that mark a finished headline (`#+TODO: … | DONE`): class `done`, others `todo`. */
  doneKeywords: readonly string[];
  info: HeadlineInfoMap;
}

export function headlineHandler(ctx: HeadlineContext): OrgHeadlineHandler {
  return function (org) {
    const info = ctx.info.get(org) ?? { id: null, number: null, listItem: org.level > ctx.options.headlineLevels };
    const parts: ElementContent[] = [];
    if (info.number !== null) parts.push(span(['section-number'], info.number), text(' '));
    const keyword = org.todoKeyword;
    if (ctx.options.todo && keyword) {
      const state = ctx.doneKeywords.includes(keyword) ? 'done' : 'todo';
      parts.push(span(['todo-keyword', state, keyword], keyword), text(' '));
    }
    if (ctx.options.priority && org.priority) parts.push(span(['priority'], `[#${org.priority}]`), text(' '));
    parts.push(...(this.toHast(org.children, org) as ElementContent[]));
    if (ctx.options.tags && org.tags.length > 0) {
      const tags: ElementContent[] = [];
      org.tags.forEach((tag, i) => {
        // Spaces keep tags apart in feeds and plain-text views; the theme lays them out with a gap.
        if (i > 0) tags.push(text(' '));
        tags.push(span(['tag'], tag));
      });
      parts.push(text(' '), { type: 'element', tagName: 'span', properties: { className: ['tags'] }, children: tags });
    }
    if (info.listItem) return parts;
    return this.h(org, `h${Math.min(6, Math.max(1, org.level))}`, info.id === null ? {} : { id: info.id }, parts);
  };
}

function span(className: string[], value: string): Element {
  return { type: 'element', tagName: 'span', properties: { className }, children: [text(value)] };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
