import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import type { TodoNoteLookup } from '../../todos/collect-org-todos.js';
import { commentHandlers } from '../../todos/comment-handlers.js';
import type { OrgExportOptions } from '../read-in-file-settings.js';
import { tableHandler } from './table.js';

export type OrgHandlers = NonNullable<OrgRehypeOptions['handlers']>;

/** What handlers may need to know about the document being converted. */
export interface HandlerContext {
  /** Path of the draft relative to the site root. */
  file: string;
  /** 1-based line of the original file where the parsed body starts. */
  startLine: number;
  options: OrgExportOptions;
  todoLookup: TodoNoteLookup;
}

/**
 * Our uniorg-rehype handlers, one per org node type (each in its own file),
 * replacing the built-in conversion where org fidelity needs it.
 */
export function orgHandlers(ctx: HandlerContext): OrgHandlers {
  return {
    table: tableHandler,
    ...commentHandlers(ctx.todoLookup),
  };
}
