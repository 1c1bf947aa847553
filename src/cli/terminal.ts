/**
 * Whether to colour what goes to a stream: only a terminal, never with
 * `NO_COLOR` set to anything (no-color.org), nor on a `dumb` terminal.
 */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
}

/** A live line (progress bar) only where a person watches: a terminal, not a log or a pipe. */
export function isInteractive(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env['TERM'] !== 'dumb' && !process.env['CI'];
}

const CODES = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1 } as const;

/** `paint('green', 'Built', on)`: the text in colour when `on`, else as it is. */
export function paint(color: keyof typeof CODES, text: string, on: boolean): string {
  return on ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text;
}
