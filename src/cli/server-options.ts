import { InvalidArgumentError, Option } from 'commander';

/** `--port` and `--host`, shared by `dev` and `preview`. */
export const portOption = () =>
  new Option('--port <n>', 'port to listen on (0: any free port)').default(8080).argParser((v: string) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
    return n;
  });

/** Loopback by default: a draft preview is nobody else's business until you say so. */
export const hostOption = () => new Option('--host <address>', 'address to listen on (0.0.0.0: every interface)').default('127.0.0.1');

/** One line for a failed listen, with what to do about it. */
export function listenError(err: unknown, host: string, port: number): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `error: port ${port} on ${host} is already in use\n  hint: stop the other server, or pick another port (--port ${port + 1}, or --port 0 for any free one)\n`;
  if (code === 'EACCES') return `error: not allowed to listen on port ${port}\n  hint: ports below 1024 need extra rights; use --port 8080\n`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `error: cannot listen on ${host}: no such address on this machine\n  hint: use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)\n`;
  return null;
}
