import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { createHostLabRunner } from './pool.ts';

/** The host's lab settings: parsed once at boot (server/env.ts), a pool sized from them. */
describe('the host lab runner from env', () => {
  it('has defaults and refuses bad values clearly', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ LABS_MAX_QUEUE: 100, LABS_RATE_BURST: 10, LABS_RATE_PER_SECOND: 2 });
    expect(env.LABS_WORKERS).toBeUndefined();
    expect(env.LABS_TOKEN).toBeUndefined();
    expect(parseEnv({ LABS_WORKERS: '3', LABS_RATE_PER_SECOND: '0.5' })).toMatchObject({
      LABS_WORKERS: 3,
      LABS_RATE_PER_SECOND: 0.5,
    });
    expect(() => parseEnv({ LABS_WORKERS: '9' })).toThrow(/LABS_WORKERS/);
    expect(() => parseEnv({ LABS_WORKERS: '-1' })).toThrow(/LABS_WORKERS/);
    expect(() => parseEnv({ LABS_MAX_QUEUE: '0' })).toThrow(/LABS_MAX_QUEUE/);
    expect(() => parseEnv({ LABS_RATE_BURST: 'many' })).toThrow(/LABS_RATE_BURST/);
    expect(() => parseEnv({ LABS_RATE_PER_SECOND: '0' })).toThrow(/LABS_RATE_PER_SECOND/);
    expect(() => parseEnv({ LABS_TOKEN: 'short' })).toThrow(/LABS_TOKEN/);
  });

  it('LABS_WORKERS=0 turns code labs off', () => {
    expect(createHostLabRunner(parseEnv({ LABS_WORKERS: '0' }))).toBeUndefined();
  });

  it('sizes the pool from env', async () => {
    const pool = createHostLabRunner(parseEnv({ LABS_WORKERS: '1', LABS_MAX_QUEUE: '7' }));
    try {
      expect(pool?.stats()).toMatchObject({ workers: 1, maxQueue: 7 });
    } finally {
      await pool?.close();
    }
  });
});
