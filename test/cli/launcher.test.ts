import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/fixture-site.js';

/** `orgpress --version` with a preloaded script that prints the thread pool size the process ended with. */
async function poolSizeSeen(env: Record<string, string | undefined>): Promise<string> {
  const probe = path.join(tmpdir(), `orgpress-pool-probe-${process.pid}.cjs`);
  await writeFile(probe, "process.on('exit', () => process.stderr.write(`pool=${process.env.UV_THREADPOOL_SIZE}\\n`));\n");
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--require', probe, CLI, '--version'], { env: childEnv }, (err, _stdout, stderr) => {
      if (err) reject(err);
      else resolve(/pool=(\S+)/.exec(stderr)?.[1] ?? '');
    });
  });
}

/** `orgpress --version` with a preloaded script that prints the V8 flags the launcher set. */
async function v8FlagsSet(nodeArgs: string[]): Promise<string[]> {
  const probe = path.join(tmpdir(), `orgpress-v8-probe-${process.pid}.cjs`);
  await writeFile(
    probe,
    [
      "const v8 = require('node:v8');",
      'const set = [];',
      'const real = v8.setFlagsFromString;',
      'v8.setFlagsFromString = (flags) => { set.push(flags); real(flags); };',
      "process.on('exit', () => process.stderr.write(`v8=${JSON.stringify(set)}\\n`));",
      '',
    ].join('\n'),
  );
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeArgs, '--require', probe, CLI, '--version'], (err, _stdout, stderr) => {
      if (err) reject(err);
      else resolve(JSON.parse(/v8=(.*)/.exec(stderr)?.[1] ?? 'null') as string[]);
    });
  });
}

describe('the launcher (bin/orgpress.js)', () => {
  // Measured in the benchmark (README, "Performance"): a steady peak a quarter lower at N = 4000, in the same time.
  it("has V8 grow the heap by 60 % at a time, unless node's command line says otherwise", async () => {
    expect(await v8FlagsSet([])).toEqual(['--heap-growing-percent=60']);
    expect(await v8FlagsSet(['--heap-growing-percent=80'])).toEqual([]);
  });

  // It must run before libuv's pool starts, which an ES module entry cannot (bin/package.json makes it CommonJS).
  it("sizes libuv's thread pool to the cores besides the main thread's, unless the user did", async () => {
    expect(await poolSizeSeen({ UV_THREADPOOL_SIZE: undefined })).toBe(String(Math.max(1, availableParallelism() - 1)));
    expect(await poolSizeSeen({ UV_THREADPOOL_SIZE: '6' })).toBe('6');
  });
});
