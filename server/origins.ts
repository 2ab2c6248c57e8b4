/**
 * The origins this server answers as, by the Host header a browser sends for each: SITE_URL's,
 * and the loopback names with the listening port (localhost, 127.0.0.1 and [::1] are three
 * different origins to a browser), plus HOST when it names one interface. Anything else in a
 * Host header is someone else's name for this server: a proxy's, or a DNS-rebinding page's.
 */
export function knownOrigins(siteUrl: string, port: number, listenHost?: string): Map<string, string> {
  const origins = new Map<string, string>();
  const add = (origin: string) => {
    const url = new URL(origin);
    origins.set(url.host.toLowerCase(), url.origin);
  };
  add(siteUrl);
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (listenHost && !['0.0.0.0', '::', ''].includes(listenHost)) {
    names.push(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost);
  }
  for (const name of names) add(`http://${name}:${port}`);
  return origins;
}
