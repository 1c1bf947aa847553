import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { writeErrorDiagnostic } from '../../src/output/write-error.js';
import { removeStaleStaging, writeSite, type WriteFs } from '../../src/output/write-site.js';
import { makeSite, snapshotDir } from '../helpers/fixture-site.js';

const files = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ path: `p${i}/index.html`, content: `<p>${tag} ${i}</p>` }));

/** An error as Node's fs reports it. */
function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });
}

/** A parent folder with a previous site in dist/. */
async function withPreviousSite() {
  const parent = await makeSite({ 'dist/index.html': 'previous', 'dist/p0/index.html': 'previous p0' });
  const outDir = path.join(parent, 'dist');
  return { parent, outDir, before: await snapshotDir(outDir) };
}

const leftovers = async (parent: string) => (await readdir(parent)).filter((n) => n.includes('orgpress-'));

describe('writeSite: a disk that fills up', () => {
  // A full disk cannot be had without privileges (mounting a small tmpfs needs root in a
  // namespace CI may not give), so this one fault is injected through writeSite's `fs` option.
  it('ENOSPC part-way leaves the previous site, no staging folder and no lock', async () => {
    const { parent, outDir, before } = await withPreviousSite();
    let written = 0;
    const fullDisk: WriteFs = {
      mkdir,
      copyFile,
      writeFile: async (file, data) => {
        if (++written > 5) throw fsError('ENOSPC', 'write', file);
        await writeFile(file, data);
      },
    };
    const err = await writeSite(outDir, files(50, 'new'), [], { fs: fullDisk }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(await snapshotDir(outDir)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);

    const d = writeErrorDiagnostic(err, outDir, parent)!;
    const text = formatDiagnostic(d);
    expect(text).toMatch(/^error: cannot write the site to dist\/: no space left on the device \(ENOSPC\) \(while writing dist\/p\d+\/index\.html\)/);
    expect(text).toContain('hint: free some disk space');
  });

  it('ENOSPC while copying static files: the same', async () => {
    const { parent, outDir, before } = await withPreviousSite();
    const staticDir = path.join(parent, 'static');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'big.bin'), 'x');
    const fullDisk: WriteFs = { mkdir, writeFile, copyFile: async (_from, to) => Promise.reject(Object.assign(fsError('ENOSPC', 'copyfile', path.join(staticDir, 'big.bin')), { dest: to })) };
    const err = await writeSite(outDir, files(3, 'new'), [{ from: staticDir, to: '' }], { fs: fullDisk }).catch((e: unknown) => e);
    expect(writeErrorDiagnostic(err, outDir, parent)!.context).toBe('while writing dist/big.bin');
    expect(await snapshotDir(outDir)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);
  });
});

describe('writeErrorDiagnostic', () => {
  const outDir = '/site/dist';
  const staged = '/site/.dist.orgpress-staging-42/a/index.html';
  const cases: [string, RegExp][] = [
    ['EACCES', /permission denied \(EACCES\)/],
    ['EPERM', /operation not permitted \(EPERM\)/],
    ['ENOSPC', /no space left on the device \(ENOSPC\)/],
    ['EROFS', /read-only file system \(EROFS\)/],
    ['EBUSY', /resource busy or locked \(EBUSY\)/],
    ['EXDEV', /cross-device rename \(EXDEV\)/],
    ['ENOTDIR', /a file is in the way of a folder \(ENOTDIR\)/],
  ];
  for (const [code, message] of cases) {
    it(`${code} is a plain error naming the output folder, with a hint`, () => {
      const d = writeErrorDiagnostic(fsError(code, 'open', staged), outDir, '/site')!;
      expect(d.severity).toBe('error');
      expect(d.message).toMatch(new RegExp(`^cannot write the site to dist/: ${message.source}$`));
      expect(d.context).toBe('while writing dist/a/index.html'); // the staging folder is shown as dist/
      expect(d.hint).toBeTruthy();
      expect(formatDiagnostic(d)).toMatch(/^error: cannot write/);
    });
  }

  it('an unknown fs error still gets a plain message with its code', () => {
    const d = writeErrorDiagnostic(fsError('ESTALE', 'open', '/site/dist/x'), outDir, '/site')!;
    expect(d.message).toMatch(/^cannot write the site to dist\/: .*\(ESTALE\)$/);
  });

  it('anything else is a bug, not a diagnostic', () => {
    expect(writeErrorDiagnostic(new TypeError('x is undefined'), outDir)).toBeNull();
    expect(writeErrorDiagnostic(new DOMException('aborted', 'AbortError'), outDir)).toBeNull();
  });
});

describe('writeSite: interrupted, concurrent, leftovers', () => {
  it('an abort part-way stops writing and leaves the previous site', async () => {
    const { parent, outDir, before } = await withPreviousSite();
    const controller = new AbortController();
    let written = 0;
    const aborting: WriteFs = {
      mkdir,
      copyFile,
      writeFile: async (file, data) => {
        if (++written === 10) controller.abort();
        await writeFile(file, data);
      },
    };
    await expect(writeSite(outDir, files(200, 'new'), [], { fs: aborting, signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(written).toBeLessThan(200);
    expect(await snapshotDir(outDir)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);
  });

  it('two writes of one output in one process take turns; the last one wins whole', async () => {
    const { parent, outDir } = await withPreviousSite();
    const waited: number[] = [];
    // Which of two writes started together takes the lock first is up to the thread pool: the first
    // is let go on only once it holds the lock (it makes its staging folder) and the second waits for it.
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    let secondWaits!: () => void;
    const waiting = new Promise<void>((resolve) => (secondWaits = resolve));
    const holding: WriteFs = {
      mkdir: async (dir, opts) => {
        firstLocked();
        await waiting;
        return mkdir(dir, opts);
      },
      copyFile,
      writeFile,
    };
    const first = writeSite(outDir, files(300, 'first'), [], { fs: holding });
    await locked;
    const second = writeSite(outDir, files(300, 'second'), [], {
      onLockWait: (pid) => {
        waited.push(pid);
        secondWaits();
      },
    });
    await Promise.all([first, second]);
    expect(waited).toEqual([process.pid]);
    const out = await snapshotDir(outDir);
    expect(out.size).toBe(300);
    expect([...out.values()].every((c) => c.startsWith('<p>second '))).toBe(true);
    expect(await leftovers(parent)).toEqual([]);
  });

  it('gives up waiting for a lock held too long, with a clear error', async () => {
    const { parent, outDir, before } = await withPreviousSite();
    await writeFile(path.join(parent, '.dist.orgpress-lock'), `${process.pid}\n`); // held by a live process: us
    const err = await writeSite(outDir, files(3, 'new'), [], { lockTimeoutMs: 300 }).catch((e: unknown) => e);
    const d = writeErrorDiagnostic(err, outDir, parent)!;
    expect(d.message).toBe(`cannot write the site to dist/: another build (pid ${process.pid}) is writing it (ELOCKED)`);
    expect(d.context).toBe('lock file .dist.orgpress-lock');
    expect(await snapshotDir(outDir)).toEqual(before);
  });

  it('removeStaleStaging clears dead builds only, and puts back a site a dead build had moved aside', async () => {
    const parent = await makeSite({});
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('exit', () => resolve(child.pid!));
    });
    await mkdir(path.join(parent, `.dist.orgpress-staging-${dead}`));
    await mkdir(path.join(parent, `.dist.orgpress-old-${dead}`));
    await writeFile(path.join(parent, `.dist.orgpress-old-${dead}/index.html`), 'the previous site');
    await mkdir(path.join(parent, `.dist.orgpress-staging-${process.pid}`));
    await mkdir(path.join(parent, `.other.orgpress-staging-${dead}`)); // another output's: not ours to touch
    await removeStaleStaging(path.join(parent, 'dist'));
    expect((await readdir(parent)).sort()).toEqual([`.dist.orgpress-staging-${process.pid}`, `.other.orgpress-staging-${dead}`, 'dist'].sort());
    expect(await readFile(path.join(parent, 'dist/index.html'), 'utf8')).toBe('the previous site');
  });
});
