import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/fixture-site.js';

describe('the GitHub Pages workflow (docs/github-pages-workflow.yml)', () => {
  it('is valid YAML that builds with --base-url and deploys with the official Pages actions', async () => {
    const text = await readFile(path.join(REPO, 'docs/github-pages-workflow.yml'), 'utf8');
    const wf = parse(text) as { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const uses = steps.map((s) => s.uses?.replace(/@.*/, '')).filter(Boolean);
    for (const action of ['actions/checkout', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) expect(uses).toContain(action);
    expect(steps.some((s) => s.run?.includes('--base-url'))).toBe(true);
    // The document cache is kept between runs, restored before the build.
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    const build = steps.findIndex((s) => s.run?.includes('npm run build'));
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(build);
    expect((steps[cache] as { with?: { path?: string } }).with?.path).toBe('.cache/orgpress/documents');
  });

  it('is shown in the README as it is in the file', async () => {
    const text = await readFile(path.join(REPO, 'docs/github-pages-workflow.yml'), 'utf8');
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('```yaml\n' + text + '```');
  });
});
