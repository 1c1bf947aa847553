#!/usr/bin/env node
// Thin launcher: the CLI is compiled ahead of time into lib/ (no TS loader at run time).
//
// CommonJS (bin/package.json), so it runs before libuv's thread pool starts (the ES
// module loader reads files through it, which fixes its size). The pool minifies the
// pages, while the main thread renders the next ones: its default of four threads on
// a two-core machine made five busy threads for two cores, and the main thread, the
// one the build waits for, lost its core at every hand-off. One thread per core
// besides the main thread's: on 2 cores, a 1000-post build with its Documents
// cached ~9 % faster (README, "Performance"). A size the user set is kept.
'use strict';

if (process.env.UV_THREADPOOL_SIZE === undefined) {
  process.env.UV_THREADPOOL_SIZE = String(Math.max(1, require('node:os').availableParallelism() - 1));
}

// V8 lets a heap grow to up to four times what is live before it collects it again, and a
// build allocates fast (parse trees, pages): at N = 4000 the heaps reached three times the
// ~155 MiB still live, and the peak varied by 200 MiB from run to run. Growing by 60 % at a
// time, the peak is 455 MiB instead of 605 (and steady), for the same time (alternating runs,
// README "Performance"). Read at every collection, so setting it now, before the heap has
// grown, takes effect; a value given on node's command line is kept.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) {
  require('node:v8').setFlagsFromString('--heap-growing-percent=60');
}

import('../lib/cli/main.js').then(({ main }) => main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Only internal bugs reach here: user mistakes are diagnostics.
    console.error('orgpress: internal error (please report it):');
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 70;
  },
);
