import { spawn } from 'node:child_process';

/** Opens `url` in the default browser (`--open`); best effort, silently does nothing when no opener exists. */
export function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no opener installed: the URL is printed anyway
    child.unref();
  } catch {
    // same as above
  }
}
