import { isIP } from 'node:net';

/**
 * The rate-limit key for a client address. IPv4 (and IPv4-mapped IPv6) by address; IPv6 by
 * its /64, the block a single subscriber or host is usually given, so one machine cannot
 * get a fresh budget per address by rotating through its 2^64 interface identifiers.
 * Anything else (no socket address) is its own key.
 */
export function ipKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
