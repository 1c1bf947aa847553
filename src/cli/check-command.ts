import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSite, type CheckedLink } from '../check/check-site.js';
import { handleInterrupts } from './interrupt.js';
import { printDiagnostics } from './print-diagnostics.js';

export interface CheckCommandOptions {
  root: string;
  config?: string;
  baseUrl?: string;
  drafts: boolean;
  /** List the links that leave the site (never fetched). */
  external: boolean;
}

/**
 * `orgpress check`: prints the problems of config, drafts and templates like
 * `build`, then the broken links, numbered. Exit code 0 when there is none
 * (warnings allowed), 1 otherwise.
 */
export async function checkCommand(o: CheckCommandOptions): Promise<number> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'orgpress-check-'));
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  const interrupt = handleInterrupts({
    cleanupSync: removeWorkDir,
    exitMessage: (sig) => `orgpress check: stopped by ${sig}.\n`,
  });
  let result;
  try {
    result = await checkSite({
      root: o.root,
      ...(o.config ? { configFile: o.config } : {}),
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      includeDrafts: o.drafts,
      workDir,
      signal: interrupt.signal,
    });
  } catch (err) {
    if (!interrupt.received) throw err;
    process.stderr.write(`orgpress check: stopped by ${interrupt.received}.\n`);
    return interrupt.exitCode;
  } finally {
    removeWorkDir();
    interrupt.dispose();
  }

  printDiagnostics(result.diagnostics, result.sources);
  const out: string[] = [];
  const links = result.links;
  if (!links) {
    out.push('Links were not checked: fix the errors above first.');
  } else {
    if (links.problems.length > 0) {
      const n = links.problems.length;
      out.push(`Found ${n} broken link${n === 1 ? '' : 's'}:`);
      links.problems.forEach((p, i) => out.push(...formatProblem(p, i + 1)));
      out.push('');
    }
    if (o.external && links.external.length > 0) {
      out.push(`External links (not fetched): ${links.external.length}`);
      for (const e of links.external) {
        const more = e.pages.length > 1 ? ` and ${e.pages.length - 1} more page${e.pages.length === 2 ? '' : 's'}` : '';
        out.push(`  ${e.url}  (${e.pages[0]}${more})`);
      }
      out.push('');
    }
    const ext = links.external.length;
    out.push(
      `Checked ${links.pages} page${links.pages === 1 ? '' : 's'}: ${links.internal} link${links.internal === 1 ? '' : 's'} and references inside the site` +
        (ext ? `, ${ext} external link${ext === 1 ? '' : 's'} not fetched${o.external ? '' : ' (--external lists them)'}` : '') +
        '.',
    );
    if (result.ok) out.push('No problems found.');
  }
  process.stdout.write(out.join('\n') + '\n');
  return result.ok ? 0 : 1;
}

/** `1. 2018/03/x/index.html: link to ../y/#z: no element with id "z"`, then where the draft wrote it. */
function formatProblem(p: CheckedLink, n: number): string[] {
  const lines = [`${n}. ${p.page}: ${p.kind} ${p.ref}: ${p.reason}`];
  if (p.origin) lines.push(`${' '.repeat(String(n).length + 2)}written at ${p.origin.file}:${p.origin.line}:${p.origin.column}`);
  return lines;
}
