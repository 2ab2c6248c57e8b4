/**
 * URL checks for anything that came from data (instructor text, mails, API fields).
 */

/** Absolute http(s) URL, normalised; null for anything else (javascript:, data:, relative, junk). */
export function safeHttpUrl(raw: string): string | null {
  const s = raw.trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A same-site path such as "/courses/x?y=1": no scheme, no protocol-relative "//host", no backslashes or control characters. */
export function isLocalPath(raw: string): boolean {
  // eslint-disable-next-line no-control-regex
  return raw.startsWith('/') && !raw.startsWith('//') && !/[\\\u0000-\u001f\u007f]/.test(raw);
}

/** Where to go after signing in: a local path from ?next=, else the fallback. */
export function safeNext(next: string | null | undefined, fallback = '/dashboard'): string {
  return typeof next === 'string' && isLocalPath(next) ? next : fallback;
}

/** A URL from content data that may be shown as a link: http(s) or a local path. */
export function safeContentUrl(raw: string): string | null {
  return isLocalPath(raw.trim()) ? raw.trim() : safeHttpUrl(raw);
}
