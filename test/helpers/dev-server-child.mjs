// The compiled dev server alone in a child process, so a load test measures
// its memory and nothing of the test runner's or the load tool's. Run with
// `node --expose-gc dev-server-child.mjs ROOT`; it prints `url URL`, then
// answers each `mem` line on stdin with `mem HEAP_USED RSS` (bytes, after a
// full GC), and closes when stdin ends.
import { startDevServer } from '../../lib/dev/dev-server.js';

const dev = await startDevServer({ root: process.argv[2], host: '127.0.0.1', port: 0, log: () => {} });
await dev.ready;
process.stdout.write(`url ${dev.url}\n`);
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let nl;
  while ((nl = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, nl).trim();
    buffered = buffered.slice(nl + 1);
    if (line !== 'mem') continue;
    globalThis.gc?.();
    globalThis.gc?.();
    const m = process.memoryUsage();
    process.stdout.write(`mem ${m.heapUsed} ${m.rss}\n`);
  }
});
process.stdin.on('end', () => {
  dev.close().then(() => process.exit(0));
});
