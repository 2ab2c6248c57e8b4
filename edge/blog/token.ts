/**
 * Newsletter confirm tokens: 32 random bytes as base64url (43 characters) in the mailed link; the
 * database keeps only their SHA-256 (hex). Web Crypto: it runs on Deno and on Node alike.
 */
export function newConfirmToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sign-up rate limit's key for a network address (a digest: the table keeps no address). */
export async function signUpKey(address: string): Promise<string> {
  return tokenHash(`newsletter:${address}`);
}
