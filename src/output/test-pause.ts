/**
 * TEST-ONLY hook, inert unless the environment variable is set: lets the
 * fault tests (test/output/interrupted-build.test.ts) stop a real `orgpress
 * build` at a known point of writing the site and then kill it there, which
 * no timing can do reliably.
 *
 * `ORGPRESS_TEST_PAUSE_AT=<phase>` makes `writeSite` print
 * `orgpress-test: paused at <phase>` on stderr when it reaches that phase,
 * then wait until the process is interrupted, or gets SIGUSR2 (go on), or
 * (with `ORGPRESS_TEST_PAUSE_MS=<n>`) n milliseconds have passed. No
 * user-facing behaviour depends on it.
 */
export type WritePhase = 'locked' | 'copied' | 'half-written' | 'staged' | 'swapped-out';

export async function pauseForTest(phase: WritePhase, signal: AbortSignal | undefined): Promise<void> {
  if (process.env.ORGPRESS_TEST_PAUSE_AT !== phase) return;
  const ms = Number(process.env.ORGPRESS_TEST_PAUSE_MS ?? 'NaN');
  const resumed = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.off('SIGUSR2', done);
      resolve();
    };
    // Without a time limit the timer still keeps the event loop alive until the kill comes.
    const timer = setTimeout(done, Number.isFinite(ms) ? ms : 2 ** 31 - 1);
    process.on('SIGUSR2', done);
    signal?.addEventListener('abort', done, { once: true });
  });
  // Said only once SIGUSR2 is handled: a test that sends it on reading this line must not
  // find SIGUSR2's default action (ending the process) still in place.
  process.stderr.write(`orgpress-test: paused at ${phase}\n`);
  await resumed;
}
