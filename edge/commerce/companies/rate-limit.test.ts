import { describe, expect, it } from 'vitest';
import { clientKey, rateLimiter } from './rate-limit.ts';

describe('rateLimiter', () => {
  it('allows max hits per key in any window, then says how long to wait', () => {
    const limit = rateLimiter(2, 60_000);
    expect(limit.hit('a', 0)).toBe(0);
    expect(limit.hit('a', 10_000)).toBe(0);
    expect(limit.hit('a', 20_000)).toBe(40);
    expect(limit.hit('b', 20_000)).toBe(0);
    // The first hit leaves the window at 60 s: one more is allowed, then none until 70 s.
    expect(limit.hit('a', 60_001)).toBe(0);
    expect(limit.hit('a', 60_002)).toBe(10);
    expect(limit.hit('a', 70_001)).toBe(0);
  });

  it('forgets silent keys and never holds more than maxKeys', () => {
    const limit = rateLimiter(1, 1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) limit.hit(key, 0);
    expect(limit.size).toBe(3);
    expect(limit.hit('a', 1)).toBe(0); // dropped as the oldest, so fresh
    limit.hit('z', 5000);
    expect(limit.size).toBe(1);
  });
});

describe('clientKey', () => {
  it("uses the host's x-real-ip, else the last x-forwarded-for entry, else one shared key", () => {
    expect(clientKey(new Headers({ 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '1.1.1.1' }))).toBe('203.0.113.9');
    expect(clientKey(new Headers({ 'x-forwarded-for': '1.1.1.1, 203.0.113.10' }))).toBe('203.0.113.10');
    expect(clientKey(new Headers())).toBe('unknown');
  });
});
