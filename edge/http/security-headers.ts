import type { MiddlewareHandler } from 'hono';

/**
 * The security headers every response carries, on every surface: the data API (here and in
 * the Supabase Edge Function), and, through the Node host, /auth/v1, /dev and the static web
 * app. One list, so the surfaces cannot drift apart.
 *
 * The content security policy here is the one for anything that is not a page (JSON, scripts,
 * images, plain-text errors): nothing may run or load from it, and nothing may frame it. The
 * web app's index.html sets its own, page-shaped policy (server/static.ts); a header a route
 * already set is kept (e.g. the auth verify redirect's stricter `no-referrer`).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=()',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Adds SECURITY_HEADERS to the response (error and not-found responses included), keeping any a route set. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
