import { spawn } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitInPlace, planInPlace, type InPlaceFolders } from '../../src/output/commit-in-place.js';
import { removeStaleStaging } from '../../src/output/write-site.js';
import { makeSite, snapshotDir } from '../helpers/fixture-site.js';

/*
 * The in-place update of a previous output (src/output/commit-in-place.ts),
 * on real folders: what it moves and removes, and that an error or a crash
 * part-way gives back the previous site exactly.
 */

/** A previous output, a staging folder with this build's files, and the folders an update uses, all in one parent. */
async function setUp(pid = process.pid) {
  const parent = await makeSite({
    'dist/index.html': 'old index',
    'dist/kept/index.html': 'kept page',
    'dist/gone/deep/index.html': 'a page the new site drops',
    'dist/feed.xml': 'old feed',
    '.dist.orgpress-staging-PID/index.html': 'new index',
    '.dist.orgpress-staging-PID/feed.xml': 'new feed',
    '.dist.orgpress-staging-PID/fresh/post/index.html': 'a new page',
    '.dist.orgpress-staging-PID/fresh/other/index.html': 'another new page',
    '.dist.orgpress-staging-PID/tags/new/index.html': 'a new tag',
  });
  await rename(path.join(parent, '.dist.orgpress-staging-PID'), path.join(parent, `.dist.orgpress-staging-${pid}`));
  const at: InPlaceFolders = {
    outDir: path.join(parent, 'dist'),
    staging: path.join(parent, `.dist.orgpress-staging-${pid}`),
    backup: path.join(parent, `.dist.orgpress-old-${pid}`),
    journal: path.join(parent, `.dist.orgpress-journal-${pid}`),
  };
  return { parent, at, before: await snapshotDir(at.outDir), keptIno: statSync(path.join(at.outDir, 'kept/index.html')).ino };
}

const STAGED = ['feed.xml', 'fresh/other/index.html', 'fresh/post/index.html', 'index.html', 'tags/new/index.html'];
const leftovers = async (parent: string) => (await readdir(parent)).filter((n) => n.includes('orgpress-')).sort();

describe('planInPlace', () => {
  it('sorts staged files into added and replaced, and lists what the new site drops', async () => {
    const { at } = await setUp();
    const plan = planInPlace(at.outDir, STAGED, ['kept/index.html'])!;
    expect(plan.added).toEqual(['fresh/other/index.html', 'fresh/post/index.html', 'tags/new/index.html']);
    expect(plan.replaced.sort()).toEqual(['feed.xml', 'index.html']);
    expect(plan.removed).toEqual(['gone/deep/index.html']);
    expect(plan.emptied).toEqual(['gone/deep', 'gone']);
  });

  it('declines when a path changes kind or only case, or the output is not a folder', async () => {
    const { at } = await setUp();
    // A file where the previous output has a folder, and a folder where it has a file.
    expect(planInPlace(at.outDir, ['kept'], [])).toBeNull();
    expect(planInPlace(at.outDir, ['feed.xml/index.html'], [])).toBeNull();
    expect(planInPlace(path.join(at.outDir, 'missing'), ['a'], [])).toBeNull();
    expect(planInPlace(path.join(at.outDir, 'feed.xml'), ['a'], [])).toBeNull();
    // Only the case changes (one path on macOS and Windows): a file, or a folder on the way.
    expect(planInPlace(at.outDir, ['Index.html'], ['kept/index.html'])).toBeNull();
    expect(planInPlace(at.outDir, ['Kept/index.html'], [])).toBeNull();
    await symlink(at.outDir, path.join(path.dirname(at.outDir), 'linked'));
    expect(planInPlace(path.join(path.dirname(at.outDir), 'linked'), ['a'], [])).toBeNull();
  });
});

describe('commitInPlace', () => {
  it('moves the staged files in, keeps the kept ones untouched, removes dropped files and emptied folders, and tidies up', async () => {
    const { parent, at, keptIno } = await setUp();
    await commitInPlace(planInPlace(at.outDir, STAGED, ['kept/index.html'])!, at, async () => {});
    expect(Object.fromEntries(await snapshotDir(at.outDir))).toEqual({
      'index.html': 'new index',
      'feed.xml': 'new feed',
      'fresh/post/index.html': 'a new page',
      'fresh/other/index.html': 'another new page',
      'tags/new/index.html': 'a new tag',
      'kept/index.html': 'kept page',
    });
    expect(statSync(path.join(at.outDir, 'kept/index.html')).ino).toBe(keptIno);
    expect(existsSync(path.join(at.outDir, 'gone'))).toBe(false);
    expect(await leftovers(parent)).toEqual([]);
  });

  it('an error part-way rolls the output back to the previous site, and rethrows', async () => {
    const { parent, at, before, keptIno } = await setUp();
    const plan = planInPlace(at.outDir, [...STAGED, 'zz-missing/index.html'], ['kept/index.html'])!;
    // Listed as staged but not in the staging folder: its rename fails after the others were moved in.
    await expect(commitInPlace(plan, at, async () => {})).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await snapshotDir(at.outDir)).toEqual(before);
    expect(existsSync(path.join(at.outDir, 'fresh'))).toBe(false);
    expect(statSync(path.join(at.outDir, 'kept/index.html')).ino).toBe(keptIno);
    expect(existsSync(at.journal)).toBe(false);
    expect(await leftovers(parent)).toContain(path.basename(at.staging));
  });

  it('after a crash half-way, the next build (removeStaleStaging) rolls the output back with the journal', async () => {
    const dead = await pidOfExitedProcess();
    const { at } = await setUp();
    const crashed = await makeSite({});
    const crashedOut = path.join(crashed, 'dist');
    // At the pause the output is a mix of old and new: copy that moment, as a build that died there
    // (pid `dead`) would have left it, and let the real update finish.
    await commitInPlace(planInPlace(at.outDir, STAGED, ['kept/index.html'])!, at, async () => {
      cpSync(at.outDir, crashedOut, { recursive: true });
      for (const [from, kind] of [[at.staging, 'staging'], [at.backup, 'old'], [at.journal, 'journal']] as const) {
        cpSync(from, path.join(crashed, `.dist.orgpress-${kind}-${dead}`), { recursive: true });
      }
    });
    const mixed = await snapshotDir(crashedOut);
    // Replaced files go first, then added ones: at half-way, one added file is in.
    expect(mixed.get('index.html')).toBe('new index');
    expect(mixed.get('fresh/other/index.html')).toBe('another new page');
    expect(mixed.has('tags/new/index.html')).toBe(false);
    expect(mixed.get('gone/deep/index.html')).toBe('a page the new site drops');

    await removeStaleStaging(crashedOut);
    expect(Object.fromEntries(await snapshotDir(crashedOut))).toEqual({
      'index.html': 'old index',
      'kept/index.html': 'kept page',
      'gone/deep/index.html': 'a page the new site drops',
      'feed.xml': 'old feed',
    });
    expect(existsSync(path.join(crashedOut, 'fresh'))).toBe(false);
    expect(await leftovers(crashed)).toEqual([]);
  });

  it('an unreadable journal leaves the dead build’s backup folder for the user, and touches nothing', async () => {
    const dead = await pidOfExitedProcess();
    const parent = await makeSite({ 'dist/index.html': 'whatever is there' });
    await writeFile(path.join(parent, `.dist.orgpress-journal-${dead}`), '{ truncated');
    await mkdir(path.join(parent, `.dist.orgpress-old-${dead}`));
    await writeFile(path.join(parent, `.dist.orgpress-old-${dead}/index.html`), 'the only copy of the old index');
    await removeStaleStaging(path.join(parent, 'dist'));
    expect(await leftovers(parent)).toEqual([`.dist.orgpress-journal-${dead}`, `.dist.orgpress-old-${dead}`]);
    expect((await snapshotDir(path.join(parent, 'dist'))).get('index.html')).toBe('whatever is there');
  });
});

/** The pid of a process that has exited (so no live process owns leftovers named after it). */
async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}
