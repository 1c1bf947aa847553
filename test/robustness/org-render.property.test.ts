/**
 * Properties of the content stage on org documents written from org syntax
 * (test/robustness/org-fragments.ts), as generated and as broken by edits:
 *
 * - it never throws and never hangs: each render runs on a worker thread
 *   with a deadline (a hang cannot be stopped on its own thread), and an
 *   internal failure caught by `renderDocument` counts as a throw;
 * - the published and the dev HTML are well formed: no parse error, and the
 *   tree a browser builds serialises back to the very same text
 *   (test/helpers/well-formed-html.ts says why both are needed);
 * - comment text is never published: every comment carries a marker that
 *   must be absent from the HTML, the summary and the table of contents.
 *
 * About 35 s on two cores: the run counts below are what fits.
 * ORGPRESS_PROPERTY_SCALE=20 runs twenty times as many, for a deeper search.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DeadlineRenderer, type DeadlineResult } from '../helpers/render-with-deadline.js';
import { htmlProblems } from '../helpers/well-formed-html.js';
import { COMMENT_MARKER, mutatedOrgBody, orgBody } from './org-fragments.js';

/**
 * Generous for a few kilobytes of org (a render takes 5–50 ms once the
 * worker is warm), short enough to call a hang a hang.
 */
const DEADLINE_MS = 10_000;

const SCALE = Number(process.env['ORGPRESS_PROPERTY_SCALE'] ?? 1);
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE), interruptAfterTimeLimit: 45_000 * SCALE });

const renderer = new DeadlineRenderer(DEADLINE_MS);
afterAll(() => renderer.close());

// A grammar's first use translates its regexps (emacs-lisp: seconds on a busy machine): not a hang, so paid before the clock runs.
const WARM_UP = ['python', 'js', 'emacs-lisp', 'sh', 'nosuchlang'].map((lang) => `#+BEGIN_SRC ${lang}\nx\n#+END_SRC`).join('\n') + '\n$x^2$\n';
beforeAll(async () => {
  rendered(await renderer.render('drafts/warm.org', draft(WARM_UP), {}, 120_000));
}, 150_000);

const draft = (body: string) => `#+TITLE: Property\n#+DATE: 2024-01-01\n${body}`;

/** Fails (with the reason) unless the draft rendered in time without an internal error. */
function rendered(result: DeadlineResult): Extract<DeadlineResult, { kind: 'rendered' }> {
  if (result.kind === 'timed-out') throw new Error(`the render did not finish within ${DEADLINE_MS} ms`);
  if (result.kind === 'threw') throw new Error(`renderDocument threw: ${result.error}`);
  const internal = result.diagnostics.find((d: Diagnostic) => d.code === 'internal/content');
  if (internal) throw new Error(`the content stage failed inside: ${internal.message}`);
  return result;
}

function expectWellFormed(html: string, which: string): void {
  const problems = htmlProblems(html);
  if (problems.length > 0) throw new Error(`${which} is not well formed:\n${problems.slice(0, 3).join('\n')}`);
}

describe('org documents written from org syntax', () => {
  it('render in time, to well-formed HTML, without comment text', async () => {
    await fc.assert(
      fc.asyncProperty(orgBody, async (body) => {
        const r = rendered(await renderer.render('drafts/p.org', draft(body)));
        expectWellFormed(r.html, 'html');
        expectWellFormed(r.devHtml, 'devHtml');
        expect(r.html).not.toContain(COMMENT_MARKER);
        expect(r.summary ?? '').not.toContain(COMMENT_MARKER);
        expect(r.toc.join('\n')).not.toContain(COMMENT_MARKER);
      }),
      runs(600),
    );
  }, 120_000 * SCALE);

  it('the same with raw HTML turned off', async () => {
    await fc.assert(
      fc.asyncProperty(orgBody, async (body) => {
        const r = rendered(await renderer.render('drafts/p.org', draft(body), { rawHtml: false }));
        expectWellFormed(r.html, 'html');
        expect(r.html).not.toContain(COMMENT_MARKER);
        expect(r.html).not.toMatch(/<script|\son[a-z]+=/i);
      }),
      runs(150),
    );
  }, 60_000 * SCALE);
});

describe('org documents broken by edits (cuts, doubled spans, stray syntax, truncation)', () => {
  it('render in time, to well-formed HTML', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedOrgBody, async (body) => {
        const r = rendered(await renderer.render('drafts/p.org', draft(body)));
        expectWellFormed(r.html, 'html');
        expectWellFormed(r.devHtml, 'devHtml');
      }),
      runs(600),
    );
  }, 120_000 * SCALE);
});
