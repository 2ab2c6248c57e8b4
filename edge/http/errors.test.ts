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
  it('answers a definer function\'s typed refusal (P0001 with hint "<4xx>:<code>") with that status and code', async () => {
    const raised = (hint: string) =>
      failingWith(Object.assign(new Error('this quiz allows 2 attempts'), { code: 'P0001', hint })).request('/x');
    const res = await raised('409:attempts_exhausted');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'attempts_exhausted', message: 'this quiz allows 2 attempts' } });
    const forbidden = await raised('403:not_grader');
    expect(forbidden.status).toBe(403);
    // A hint that is not a 4xx and a code stays a plain conflict: a function cannot ask for a 500 or a 200.
    for (const hint of ['500:boom', '200:ok', '409:Bad-Code', 'nonsense']) {
      const other = await raised(hint);
      expect(other.status, hint).toBe(409);
      expect((await other.json()).error.code, hint).toBe('conflict');
    }
  });

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

  it('answers a delete that other rows still refer to with a 409 on both engines, a missing reference with a 400', async () => {
    const refused = [
      {
        code: '23001',
        message: 'update or delete on table "orders" violates RESTRICT setting of foreign key constraint',
      },
      {
        code: '23503',
        message: 'update or delete on table "profiles" violates foreign key constraint "orders_user_id_fkey"',
      },
    ];
    for (const e of refused) {
      const res = await failingWith(Object.assign(new Error(e.message), { code: e.code })).request('/x');
      expect(res.status, e.code).toBe(409);
      expect(await res.json()).toEqual({ error: { code: 'conflict', message: 'it is still in use' } });
    }
    const missing = await failingWith(
      Object.assign(new Error('insert or update on table "orders" violates foreign key constraint'), { code: '23503' }),
    ).request('/x');
    expect(missing.status).toBe(400);
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
