/** RFC 4648 base32, lower-case: room names stay readable and URL-safe. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `n` base32 characters from the platform's CSPRNG (5 random bits each, no modulo bias). */
export function randomBase32(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return Array.from(bytes, (b) => BASE32[b & 31]).join('');
}

/**
 * A Jitsi Meet room for a session scheduled without a meeting link: the course slug and 12
 * random base32 characters (60 bits), so nobody guesses another course's room.
 */
export function jitsiRoomUrl(courseSlug: string, random: () => string = () => randomBase32(12)): string {
  return `https://meet.jit.si/${courseSlug}-${random()}`;
}
