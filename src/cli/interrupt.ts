import { abandonWritesSync, writesInProgress } from '../output/pending-writes.js';

/** Exit codes of a process stopped by a signal, as shells report them (128 + the signal's number). */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof EXIT_CODES;

export interface Interrupt {
  /** Aborted on the first SIGINT/SIGTERM: the write in progress stops and cleans up after itself. */
  signal: AbortSignal;
  /** The signal received, or null. */
  readonly received: StopSignal | null;
  /** 130 after SIGINT, 143 after SIGTERM. */
  readonly exitCode: number;
  /** Puts the default behaviour back (the command is done). */
  dispose(): void;
}

export interface InterruptOptions {
  /** Synchronous clean-up of the command's own files (a temp folder) before an immediate exit. */
  cleanupSync?: () => void;
  /** Printed on stderr when the process exits at once: what was left as it was. */
  exitMessage: (signal: StopSignal) => string;
}

/**
 * Ctrl-C (SIGINT) and SIGTERM during a command that writes the site. While
 * nothing is being written (reading and rendering) there is nothing to undo:
 * the process exits at once. While the site is being written, the write is
 * aborted at its next file and removes its staging folder itself, so the
 * command can return `exitCode` with the previous output intact. A second
 * signal does not wait: the clean-up is done synchronously, then it exits.
 */
export function handleInterrupts(opts: InterruptOptions): Interrupt {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const exitNow = (sig: StopSignal) => {
    abandonWritesSync();
    opts.cleanupSync?.();
    process.stderr.write(opts.exitMessage(sig));
    process.exit(EXIT_CODES[sig]);
  };
  const onSignal = (sig: StopSignal) => {
    if (received !== null || !writesInProgress()) return exitNow(sig);
    received = sig;
    controller.abort();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received ? EXIT_CODES[received] : 0;
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
