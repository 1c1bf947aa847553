import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import type { TodoNoteLookup } from '../../todos/collect-org-todos.js';
import { commentHandlers } from '../../todos/comment-handlers.js';
import type { OrgExportOptions } from '../read-in-file-settings.js';
import { tableHandler } from './table.js';
import { rawHtmlHandlers } from './raw-html.js';
import { entityHandler } from './entity.js';
import { checkboxItemHandler } from './checkbox-item.js';
import { orderedListHandler } from './ordered-list.js';
import { timestampHandler } from './timestamp.js';
import { linkHandler } from './link.js';
import { figureHandler } from './figure.js';
import { targetHandlers } from './target.js';
import { headlineHandler, type HeadlineInfoMap } from './headline.js';
import { sectionHandler } from './section.js';
import type { OrgFootnotes } from './footnotes.js';
import { drawerHandler } from './drawer.js';
import { hiddenElementHandlers } from './hidden-elements.js';
import { exampleBlockHandler } from './example-block.js';
import { fixedWidthHandler } from './fixed-width.js';
import { centerBlockHandler } from './center-block.js';
import { specialBlockHandler } from './special-block.js';
import { descriptionListHandler } from './description-list.js';
import { LineNumbering } from '../line-numbers.js';
import { inlineSrcBlockHandlers, srcBlockHandler } from './src-block.js';
import { latexHandlers } from './latex.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { TodoKeywordSets } from '../../todos/read-todo-keywords.js';

export type OrgHandlers = NonNullable<OrgRehypeOptions['handlers']>;

/** What handlers may need to know about the document being converted. */
export interface HandlerContext {
  /** Path of the draft relative to the site root. */
  file: string;
  /** 1-based line of the original file where the parsed body starts. */
  startLine: number;
  options: OrgExportOptions;
  todoLookup: TodoNoteLookup;
  /** The org text that was parsed: positions point into it (example-block switches are read from it). */
  source: string;
  /** The file's `#+TODO:` keyword sets (headline keyword classes `todo`/`done`). */
  todoKeywords: TodoKeywordSets;
  /** The document's footnotes (`orgFootnotes`): its handlers number them, org-to-hast appends the section. */
  footnotes: OrgFootnotes;
  /** Where handlers report problems (a formula KaTeX cannot typeset…); org-to-hast returns them. */
  diagnostics: Diagnostic[];
}

/**
 * Our uniorg-rehype handlers, one per org node type (each in its own file),
 * replacing the built-in conversion where org fidelity needs it.
 */
export function orgHandlers(ctx: HandlerContext): OrgHandlers {
  // Per-document state shared by handlers: what sections tell headlines; `+n` line numbering.
  const headlines: HeadlineInfoMap = new WeakMap();
  const lineNumbers = new LineNumbering();
  return {
    table: tableHandler,
    ...commentHandlers(ctx.todoLookup, {
      headline: headlineHandler({ options: ctx.options, doneKeywords: ctx.todoKeywords.done, info: headlines }),
    }),
    section: sectionHandler({ options: ctx.options, info: headlines }),
    ...ctx.footnotes.handlers,
    drawer: drawerHandler(ctx.options),
    ...hiddenElementHandlers,
    'example-block': exampleBlockHandler({ source: ctx.source, lineNumbers }),
    'src-block': srcBlockHandler({ lineNumbers }),
    ...inlineSrcBlockHandlers,
    ...latexHandlers({ file: ctx.file, startLine: ctx.startLine, diagnostics: ctx.diagnostics }),
    'fixed-width': fixedWidthHandler,
    'center-block': centerBlockHandler,
    'special-block': specialBlockHandler,
    'plain-list': function (org) {
      return descriptionListHandler.call(this, org) ?? orderedListHandler.call(this, org);
    },
    ...rawHtmlHandlers,
    entity: entityHandler(ctx.options),
    'list-item': checkboxItemHandler,
    timestamp: timestampHandler,
    link: linkHandler,
    paragraph: figureHandler,
    // `target` is not a uniorg node type (see transforms/dedicated-targets.ts): spread, so it is not type-checked as one.
    ...targetHandlers,
  };
}
