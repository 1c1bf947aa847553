/**
 * DNS-rebinding guard: a page on another site can make a browser send
 * requests to 127.0.0.1 under its own host name and read the answers. While
 * the server listens on a loopback address, only loopback host names are
 * answered. Listening elsewhere (`--host 0.0.0.0`) is an explicit choice to
 * be reachable by any name, so every Host is accepted then.
 */
export function isAllowedHost(hostHeader: string | undefined, bindHost: string): boolean {
  if (!isLoopback(bindHost)) return true;
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.replace(/:\d+$/, '');
  return isLoopback(name.toLowerCase());
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
