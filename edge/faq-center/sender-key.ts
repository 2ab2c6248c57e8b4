/**
 * The contact form's rate-limit key for a network address: a SHA-256 digest (hex), so the table
 * keeps no address. Web Crypto: it runs on Deno and on Node alike.
 */
export async function senderKey(address: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`contact:${address}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
