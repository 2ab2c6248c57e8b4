/**
 * Where mail links may send the browser: only back to our own site (an open redirect would
 * hand tokens in the URL fragment to anyone). Anything else falls back to `${siteUrl}/`.
 */
export function safeRedirect(siteUrl: string, candidate: string | null | undefined): string {
  const fallback = `${siteUrl}/`;
  if (!candidate) return fallback;
  try {
    const target = new URL(candidate, fallback);
    if (target.origin !== new URL(siteUrl).origin) return fallback;
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return fallback;
    return target.toString();
  } catch {
    return fallback;
  }
}

/** Adds parameters to a URL's fragment (implicit flow) or query (PKCE), replacing a fragment. */
export function withParams(url: string, params: Record<string, string>, where: 'fragment' | 'query'): string {
  const target = new URL(url);
  if (where === 'query') {
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return target.toString();
  }
  target.hash = new URLSearchParams(params).toString();
  return target.toString();
}

/** A query value with ':' and '/' left readable, so links read `redirect_to=http://host/`. */
export function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}
