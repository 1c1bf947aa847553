#!/usr/bin/env node
// Thin launcher: the CLI is compiled ahead of time into lib/ (no TS loader at run time).
import { main } from '../lib/cli/main.js';

main(process.argv.slice(2)).then(
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
