import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Liquid } from 'liquidjs';
import { absoluteUrl, withBasePath, type UrlBase } from './urls.js';

/** The built-in theme, shipped with the package (`templates/` at the package root). */
export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/**
 * LiquidJS: Jekyll and Eleventy users already know it, it is maintained,
 * pure JavaScript, escapes output by default (`outputEscape`), and
 * layouts/blocks/includes cover a theme's needs. A site's own `templates/`
 * folder is searched first, so a user can override one file of the theme.
 */
export interface TemplateEngineOptions {
  /**
   * An unknown variable is an error (`orgpress check`). Off for `build`: a
   * theme written for other data (a missing optional field) still renders.
   * Unknown filters and syntax errors are errors either way.
   */
  strictTemplates?: boolean;
  /** The same as `strictTemplates` (its first name). */
  strict?: boolean;
}

const require = createRequire(import.meta.url);

/** The template folders in search order: the site's own (when it exists), then the built-in theme. */
export function templateRoots(siteTemplates: string | null): string[] {
  return [siteTemplates, BUILTIN_TEMPLATES].filter((d, i, all): d is string => d !== null && existsSync(d) && all.indexOf(d) === i);
}

/** An engine made on first use, with what page keys need to know before: a build whose pages all come from the page cache never loads LiquidJS (~50 ms). */
export interface LazyTemplateEngine {
  readonly lazy: true;
  readonly roots: readonly string[];
  readonly strict: boolean;
  get(): Liquid;
}

export function lazyTemplateEngine(siteTemplates: string | null, base: UrlBase, opts: TemplateEngineOptions = {}): LazyTemplateEngine {
  let engine: Liquid | null = null;
  return {
    lazy: true,
    roots: templateRoots(siteTemplates),
    strict: opts.strictTemplates ?? opts.strict ?? false,
    get: () => (engine ??= createTemplateEngine(siteTemplates, base, opts)),
  };
}

export function createTemplateEngine(siteTemplates: string | null, base: UrlBase, opts: TemplateEngineOptions = {}): Liquid {
  const roots = templateRoots(siteTemplates);
  // `require`, so that loading waits for the first engine (liquidjs's main entry is CommonJS either way).
  const { Liquid: LiquidEngine } = require('liquidjs') as typeof import('liquidjs');
  const engine = new LiquidEngine({
    root: roots,
    partials: roots,
    layouts: roots,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    strictVariables: opts.strictTemplates ?? opts.strict ?? false,
    // Strict mode flags unknown variables printed or passed on, not `{% if post.author %}`: testing whether a value exists is the idiom.
    lenientIf: true,
    jsTruthy: true,
    cache: true,
  });
  engine.registerFilter('url', (value: unknown) => withBasePath(base, String(value ?? '')));
  engine.registerFilter('absolute_url', (value: unknown) => absoluteUrl(base, String(value ?? '')));
  return engine;
}

/** Where a template file lives (site's own first), for diagnostics. */
export function templatePath(siteTemplates: string | null, name: string): string {
  const own = siteTemplates ? path.join(siteTemplates, name) : null;
  return own && existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, name);
}
