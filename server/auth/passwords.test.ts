import { monitorEventLoopDelay } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('verifies the bcrypt hashes already stored ($2a$ from GoTrue and the seed, $2b$), and only for their password', async () => {
    const gotrue = bcrypt.hashSync('learn-demo-2026', '$2a$10$abcdefghijklmnopqrstuu');
    expect(gotrue).toMatch(/^\$2a\$10\$/);
    expect(await verifyPassword('learn-demo-2026', gotrue)).toBe(true);
    expect(await verifyPassword('learn-demo-2027', gotrue)).toBe(false);
    const ours = await hashPassword('correct horse battery');
    expect(ours).toMatch(/^\$2[ab]\$10\$/);
    expect(bcrypt.compareSync('correct horse battery', ours)).toBe(true);
    expect(await verifyPassword('correct horse battery', ours)).toBe(true);
    expect(await verifyPassword('', await hashPassword(''))).toBe(false); // never true for an empty password
    expect(await verifyPassword('anything', null)).toBe(false);
  });

  it('leaves the event loop free while hashing and comparing', async () => {
    const hash = await hashPassword('correct horse battery');
    // What one compare costs on this machine, right now, on the main thread.
    let start = performance.now();
    bcrypt.compareSync('correct horse battery', hash);
    const oneCompareMs = performance.now() - start;

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    start = performance.now();
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => verifyPassword('correct horse battery', hash)),
      ...Array.from({ length: 2 }, () => hashPassword('another password')),
    ]);
    const elapsedMs = performance.now() - start;
    delay.disable();
    expect(results.slice(0, 4)).toEqual([true, true, true, true]);
    const worstStallMs = delay.max / 1e6;
    // Six bcrypt runs took several compares' time, yet the loop never stalled for even half of one.
    expect(elapsedMs).toBeGreaterThan(oneCompareMs);
    expect(worstStallMs, `worst stall vs one compare (${oneCompareMs.toFixed(0)} ms)`).toBeLessThan(oneCompareMs / 2);
  });
});
