import { describe, expect, it } from 'vitest';
import { ipKey } from './ip-key.ts';
import { SlidingWindowLimiter } from './rate-limit.ts';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits in any window, then frees slots as they age out', () => {
    const l = new SlidingWindowLimiter(2, 1000);
    expect([l.hit('k', 0), l.hit('k', 400), l.hit('k', 900)]).toEqual([true, true, false]);
    expect(l.hit('other', 900)).toBe(true);
    expect(l.hit('k', 1001)).toBe(true); // the hit at 0 left the window
    expect(l.hit('k', 1100)).toBe(false);
    expect(l.hit('k', 1401)).toBe(true);
  });

  it('keeps memory bounded by evicting the least recently used unlocked keys', () => {
    const l = new SlidingWindowLimiter(2, 1000, 3);
    for (const k of ['a', 'b', 'c', 'd']) l.hit(k, 0);
    // 'a' was evicted, so it has a fresh budget; 'd' has one hit left.
    expect(l.hit('a', 1)).toBe(true);
    expect(l.hit('a', 1)).toBe(true);
    expect(l.hit('d', 1)).toBe(true);
    expect(l.hit('d', 1)).toBe(false);
  });

  it('keeps a locked key locked until its window ends, however many other keys arrive', () => {
    const l = new SlidingWindowLimiter(3, 1000, 100);
    for (let i = 0; i < 3; i++) l.hit('victim', i);
    expect(l.hit('victim', 3)).toBe(false);
    // A flood of fresh keys (an attacker's random emails) fills the store many times over.
    for (let i = 0; i < 10_000; i++) l.hit(`random-${i}@example.com`, 10);
    expect(l.hit('victim', 20)).toBe(false);
    expect(l.hit('victim', 1000)).toBe(true); // the window ended
  });

  it('evicts expired keys before unlocked live ones, and refuses new keys when every key is locked', () => {
    const l = new SlidingWindowLimiter(1, 1000, 2);
    expect(l.hit('a', 0)).toBe(true); // locked until 1000
    expect(l.hit('b', 0)).toBe(true); // locked until 1000
    expect(l.hit('c', 500)).toBe(false); // full of locked keys: the newcomer waits
    expect(l.hit('a', 600)).toBe(false); // and nobody was evicted to make room
    expect(l.hit('b', 600)).toBe(false);
    expect(l.hit('c', 1000)).toBe(true); // 'a' and 'b' expired: room again

    const m = new SlidingWindowLimiter(2, 1000, 2);
    m.hit('old', 0);
    m.hit('live', 900);
    expect(m.hit('new', 1100)).toBe(true); // 'old' (expired) made room, not 'live'
    expect([m.hit('live', 1100), m.hit('live', 1100)]).toEqual([true, false]);
  });

  it('gives a slot back on release, so only failures count', () => {
    const l = new SlidingWindowLimiter(2, 1000);
    for (let i = 0; i < 10; i++) {
      expect(l.hit('office', i)).toBe(true);
      l.release('office', i); // a success
    }
    expect([l.hit('office', 20), l.hit('office', 21), l.hit('office', 22)]).toEqual([true, true, false]);
    l.release('office', 21); // a slot given back unlocks the key
    expect(l.hit('office', 23)).toBe(true);
  });
});

describe('ipKey', () => {
  it('keys IPv4 by address and IPv6 by its /64, so one host cannot rotate through addresses', () => {
    expect(ipKey('203.0.113.7')).toBe('203.0.113.7');
    expect(ipKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipKey('2001:db8:1:2:aaaa::1')).toBe(ipKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(ipKey('2001:db8:1:2::1')).not.toBe(ipKey('2001:db8:1:3::1'));
    expect(ipKey('::1')).toBe('0:0:0:0::/64');
    expect(ipKey('unknown')).toBe('unknown');
  });
});
