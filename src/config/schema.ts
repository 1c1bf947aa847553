import { z } from 'zod';

/**
 * The site configuration (`site.yaml` at the site root). Every key is
 * optional: an empty or missing file gives a working blog.
 * Documented key by key in README.md ("Configuration").
 */
export const configSchema = z
  .object({
    title: z.string().default('My orgpress blog'),
    description: z.string().default(''),
    author: z.string().default(''),
    /** Absolute URL the site is served from; a sub-path such as https://user.github.io/blog/ works. */
    baseUrl: z.string().url().default('http://localhost:8080/'),
    /** BCP 47 language tag for `<html lang>` and feeds. */
    language: z.string().default('en'),
    /** IANA zone used for datetimes written without an offset, and for "today". */
    timeZone: z
      .string()
      .default('UTC')
      .refine((tz) => isTimeZone(tz), { message: 'not a known IANA time zone (e.g. Europe/Berlin)' }),
    /** Post URL pattern: :year, :month, :day, :slug. Ends with `/` for clean URLs. */
    permalink: z.string().default('/:year/:month/:slug/'),
    postsPerPage: z.number().int().positive().default(10),
    /** Words per minute for reading time. */
    wordsPerMinute: z.number().int().positive().default(220),
    /** How many entries feeds carry. */
    feedItems: z.number().int().positive().default(20),
    dirs: z
      .object({
        drafts: z.string().default('drafts'),
        templates: z.string().default('templates'),
        static: z.string().default('static'),
        out: z.string().default('dist'),
      })
      .strict()
      .default({ drafts: 'drafts', templates: 'templates', static: 'static', out: 'dist' }),
    /** Links shown in the site header: [{title, url}]. */
    menu: z.array(z.object({ title: z.string(), url: z.string() }).strict()).default([]),
    /** Allow `#+BEGIN_EXPORT html` / `#+HTML:` raw HTML from drafts (the author is trusted). */
    rawHtml: z.boolean().default(true),
    /** Minify the pages `build` writes (never in `dev`), with @swc/html set to change nothing a reader sees (src/output/minify-html.ts). */
    minify: z.boolean().default(true),
    /** `orgpress deploy`: where dist/ is pushed (GitHub Pages style); the command-line options win. */
    deploy: z
      .object({
        /** Remote name or URL. */
        remote: z.string().min(1).default('origin'),
        branch: z.string().min(1).default('gh-pages'),
        /** Custom domain written to a CNAME file on the branch; '' for none. */
        cname: z.string().default(''),
        /** Commit message; '' for `Deploy <source commit> with orgpress <version>`. */
        message: z.string().default(''),
      })
      .strict()
      .default({ remote: 'origin', branch: 'gh-pages', cname: '', message: '' }),
  })
  .strict();

export type SiteConfig = z.output<typeof configSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The defaults, for tests and for `render` of a lone file. */
export function defaultConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return { ...configSchema.parse({}), ...overrides };
}
