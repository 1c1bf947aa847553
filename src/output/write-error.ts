import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { OutputLockedError } from './output-lock.js';

interface Explained {
  what: string;
  hint: string;
}

/**
 * Why the file system refused, in words, with what to do about it. The
 * folder names in hints are the ones the user typed (`dist/`, its parent).
 */
function explain(code: string, out: string, parent: string): Explained | null {
  switch (code) {
    case 'EACCES':
      return { what: 'permission denied', hint: `make sure you may write to ${parent} and ${out} (owner and mode), or build elsewhere with --out` };
    case 'EPERM':
      return { what: 'operation not permitted', hint: `make sure you may write to ${parent} and ${out}; a file there may be marked immutable, or held open by another program` };
    case 'ENOSPC':
      return { what: 'no space left on the device', hint: 'free some disk space (or build elsewhere with --out), then build again' };
    case 'EDQUOT':
      return { what: 'disk quota exceeded', hint: 'free some of your disk quota (or build elsewhere with --out), then build again' };
    case 'EROFS':
      return { what: 'read-only file system', hint: `${parent} is on a read-only file system; build elsewhere with --out` };
    case 'EBUSY':
      return { what: 'resource busy or locked', hint: `another program (a file browser, a web server, an antivirus) may be using ${out}, or it is a mount point; close it and build again` };
    case 'EXDEV':
      return { what: 'cross-device rename', hint: `${out} is on another disk than ${parent} (a mount point or a link): orgpress swaps the new site in by renaming, so build into a folder on the same disk as its parent` };
    case 'ENOTDIR':
      return { what: 'a file is in the way of a folder', hint: 'a file sits where a folder must be created (see the path above): rename it, or choose another --out' };
    case 'EEXIST':
      return { what: 'a file is in the way of a folder', hint: 'a file sits where a folder must be created (see the path above): rename it, or choose another --out' };
    case 'EISDIR':
      return { what: 'a folder is in the way of a file', hint: 'a folder sits where a file must be written (see the path above), perhaps in static/: rename it' };
    case 'EMFILE':
    case 'ENFILE':
      return { what: 'too many open files', hint: 'raise the limit of open files (ulimit -n) and build again' };
    case 'ENAMETOOLONG':
      return { what: 'a file name is too long', hint: 'shorten the slug or the file name in the path above' };
    case 'EIO':
      return { what: 'input/output error', hint: 'the disk reported a hardware or network error; check it, then build again' };
    case 'ELOCKED':
      return { what: 'another build is writing it', hint: 'wait for the other build to finish; if none is running, delete the lock file (the path above)' };
    default:
      return null;
  }
}

/**
 * An error from writing the site (staging, copying, swapping) as a
 * diagnostic without a stack trace: `cannot write the site to dist/:
 * permission denied (EACCES)`, the path concerned and a hint. Null for
 * anything that is not a file-system error (a bug, to be reported as one).
 *
 * `outDir` is the absolute output folder; paths inside the staging folder are
 * shown as the paths they would have had in it.
 */
export function writeErrorDiagnostic(err: unknown, outDir: string, cwd = process.cwd()): Diagnostic | null {
  const code = errorCode(err);
  if (!code) return null;
  const show = (p: string) => {
    const rel = path.relative(cwd, p) || '.';
    return rel.split(path.sep).join('/');
  };
  const out = show(outDir) + '/';
  const parent = show(path.dirname(outDir)) + '/';
  const known = explain(code, out, parent);
  const sysMessage = err instanceof Error ? err.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '') : code;
  const what = known?.what ?? sysMessage;
  // copyFile's error names its source as `path` and where it was writing as `dest`.
  const errPath = err instanceof OutputLockedError ? err.lockPath : ((err as { dest?: string }).dest ?? (err as NodeJS.ErrnoException).path);
  const context = errPath ? `${doing(err)} ${show(unstage(errPath, outDir))}` : undefined;
  const detail = err instanceof OutputLockedError && err.holderPid > 0 ? `another build (pid ${err.holderPid}) is writing it` : what;
  return error('', 0, 0, `cannot write the site to ${out}: ${detail} (${code})`, {
    code: 'output/write',
    hint: known?.hint ?? 'check the folder and the disk, then build again',
    ...(context ? { context } : {}),
  });
}

function doing(err: unknown): string {
  if (err instanceof OutputLockedError) return 'lock file';
  const syscall = (err as NodeJS.ErrnoException).syscall ?? '';
  if (syscall === 'mkdir') return 'while creating the folder';
  if (syscall === 'rename') return 'while swapping in';
  if (syscall === 'scandir' || syscall === 'stat' || syscall === 'lstat' || syscall === 'realpath') return 'while reading';
  return 'while writing';
}

/** `E…` code of a Node file-system error (or our lock timeout), else null. */
function errorCode(err: unknown): string | null {
  if (err instanceof OutputLockedError) return err.code;
  if (!(err instanceof Error)) return null;
  const code = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && 'syscall' in err ? code : null;
}

/** `/x/.dist.orgpress-staging-123/a/b.html` → `/x/dist/a/b.html`. */
function unstage(p: string, outDir: string): string {
  const parent = path.dirname(outDir);
  const rel = path.relative(parent, p);
  const m = new RegExp(`^\\.${escapeRegExp(path.basename(outDir))}\\.orgpress-(?:staging|old)-\\d+(?=$|[\\\\/])`).exec(rel);
  return m ? path.join(outDir, rel.slice(m[0].length)) : p;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
