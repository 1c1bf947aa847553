import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped with a
 * loud message on a developer's machine, but in CI (`CI=true`) that is a
 * failure: a green run must mean the browser tests ran.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${CHROMIUM_PATH} is missing, and browser tests may not be skipped in CI: install Debian's chromium (apt-get install chromium)`);
  }
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING BROWSER TESTS: ${CHROMIUM_PATH} is missing.\n!! Install it with \`apt-get install chromium\` to run them.\n${bar}\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Console errors and uncaught exceptions of a page, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`exception: ${err.message}`));
  return errors;
}
