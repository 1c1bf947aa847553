import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.js';
import { useColor } from '../../src/cli/terminal.js';
import { STAGES } from '../../src/pipeline/stage-timings.js';
import { makeSite, runCli } from '../helpers/fixture-site.js';

const FILES = {
  'drafts/2020-01-01-a.org': '---\ntitle: A\ndate: 2020-01-01\n---\nText with [[*Nowhere][a dead link]].\n',
  'drafts/2020-02-02-b.org': '---\ntitle: B\ndate: 2020-02-02\n---\nText.\n',
};

/** A stand-in for a terminal (or not): records what is written. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('build output modes', () => {
  it('by default prints warnings and a summary, with no colour or progress bar when not on a terminal', async () => {
    const root = await makeSite(FILES);
    const r = await runCli(['build', '--root', root], { env: { NO_COLOR: '' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning');
    expect(r.stdout).toMatch(/^Built 2 posts/);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[|\r/);
  });

  it('-q prints nothing on success, and only errors on failure', async () => {
    const root = await makeSite(FILES);
    const ok = await runCli(['build', '-q', '--root', root]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = await makeSite({ ...FILES, 'drafts/2020-03-03-c.org': '---\ndate: 2020-03-03\n---\nNo title.\n' });
    const r = await runCli(['build', '--quiet', '--root', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: .*has no title/);
    expect(r.stderr).not.toContain('warning');
  });

  it('-v adds the time of each stage', async () => {
    const root = await makeSite(FILES);
    const r = await runCli(['build', '-v', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}read \d+ ms · content \d+ ms · site \d+ ms · render \d+ ms · write \d+ ms$/m);
    expect(r.stdout).toMatch(/^ {2}drafts: \d+ rendered, 0 from the cache · pages: \d+ rendered, 0 kept$/m);
    const again = await runCli(['build', '-v', '--root', root]);
    expect(again.stdout).toMatch(/^ {2}drafts: 0 rendered, \d+ from the cache · pages: 0 rendered, \d+ kept$/m);
  });

  it('--json prints one JSON object on stdout and nothing else', async () => {
    const root = await makeSite(FILES);
    const r = await runCli(['build', '--json', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ ok: true, posts: 2, outDir: expect.stringContaining('dist') });
    for (const k of ['pages', 'files', 'ms']) expect(typeof summary[k]).toBe('number');
    expect(Object.keys(summary['timings'] as object)).toEqual([...STAGES]);
    expect(summary['diagnostics']).toEqual([expect.objectContaining({ severity: 'warning', file: 'drafts/2020-01-01-a.org' })]);

    const bad = await makeSite({ 'drafts/2020-03-03-c.org': '---\ndate: 2020-03-03\n---\nNo title.\n' });
    const failed = await runCli(['build', '--json', '--root', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('');
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ severity: 'error' })] });
  });

  it('the progress bar draws only on a terminal, only after the delay, and clears itself', async () => {
    const pipe = fakeStream(false);
    const quiet = progressBar(pipe, 0);
    quiet.stage('content');
    await new Promise((r) => setTimeout(r, 30));
    quiet.done();
    expect(pipe.text).toBe('');

    const tty = fakeStream(true);
    const saved = process.env['CI'];
    delete process.env['CI'];
    try {
      const slowBuild = progressBar(tty, 10);
      slowBuild.stage('read');
      await new Promise((r) => setTimeout(r, 40));
      slowBuild.stage('render');
      slowBuild.done();
      expect(tty.text).toMatch(/\r\u001b\[2K\[#*-*\] rendering pages… \d+\.\d s/);
      expect(tty.text.endsWith('\r\u001b[2K')).toBe(true);

      const fast = fakeStream(true);
      const quick = progressBar(fast, 1000);
      quick.stage('content');
      quick.done();
      expect(fast.text).toBe('');
    } finally {
      if (saved !== undefined) process.env['CI'] = saved;
    }
  });

  it('colours only on a terminal, and never with NO_COLOR', () => {
    const saved = process.env['NO_COLOR'];
    try {
      delete process.env['NO_COLOR'];
      expect(useColor(fakeStream(false))).toBe(false);
      const savedTerm = process.env['TERM'];
      process.env['TERM'] = 'xterm-256color';
      expect(useColor(fakeStream(true))).toBe(true);
      process.env['NO_COLOR'] = '1';
      expect(useColor(fakeStream(true))).toBe(false);
      if (savedTerm === undefined) delete process.env['TERM'];
      else process.env['TERM'] = savedTerm;
    } finally {
      if (saved === undefined) delete process.env['NO_COLOR'];
      else process.env['NO_COLOR'] = saved;
    }
  });
});
