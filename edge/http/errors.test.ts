import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from './errors.ts';

/** Runs `fn` and returns what it wrote with console.error. */
async function logged(fn: () => Promise<void>): Promise<unknown[][]> {
  const lines: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void lines.push(args);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return lines;
}

const failingWith = (err: unknown) => {
  const app = new Hono();
  app.onError(onError);
  app.get('/x', () => {
    throw err;
  });
  return app;
};

describe('onError', () => {
  it('answers caller-caused database errors (NUL, bad encoding, bad regex) with a 400 and logs nothing', async () => {
    const lines = await logged(async () => {
      for (const code of ['22021', '22P05', '2201B', '22025', '22P02']) {
        const res = await failingWith(
          Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }),
        ).request('/x');
        expect(res.status, code).toBe(400);
        expect(await res.json()).toEqual({ error: { code: 'bad_request', message: 'invalid value' } });
      }
    });
    expect(lines).toEqual([]);
  });

  it('answers a body cut off by the client with a 400 and logs nothing', async () => {
    const lines = await logged(async () => {
      const res = await failingWith(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })).request('/x');
      expect(res.status).toBe(400);
    });
    expect(lines).toEqual([]);
  });

  it('logs a 5xx, and never echoes its internals', async () => {
    const lines = await logged(async () => {
      const res = await failingWith(new Error('connection to the database lost at 10.0.0.3')).request('/x');
      expect(res.status).toBe(500);
      expect(await res.text()).not.toMatch(/10\.0\.0\.3/);
    });
    expect(lines.length).toBe(1);
  });
});
