/**
 * Drawers (`:NAME:` … `:END:`). Hidden unless `#+OPTIONS: d:` asks for them
 * (`d:t`, `d:("NOTES")`, `d:(not "LOGBOOK")`); a shown drawer is its
 * contents without a wrapper, as ox-html's default drawer format.
 *
 * Deliberate difference: Emacs' default (`d:(not "LOGBOOK")`) publishes
 * every drawer but LOGBOOK; we publish none by default, since drawers hold
 * the author's bookkeeping. LOGBOOK is hidden either way unless named.
 */
import type { OrgHandlers } from './index.js';
import type { OrgExportOptions } from '../read-in-file-settings.js';

export type DrawerHandler = NonNullable<OrgHandlers['drawer']>;

export function drawerHandler(options: Pick<OrgExportOptions, 'drawers'>): DrawerHandler {
  return function (org) {
    if (!isExported(org.name, options.drawers)) return [];
    return this.toHast(org.children, org);
  };
}

export function isExported(name: string, drawers: OrgExportOptions['drawers']): boolean {
  const upper = name.toUpperCase();
  if (typeof drawers === 'boolean') return drawers;
  if ('only' in drawers) return drawers.only.some((n) => n.toUpperCase() === upper);
  return !drawers.except.some((n) => n.toUpperCase() === upper);
}
