import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/**
 * What a client controls (query, path, body, headers) never makes the data API answer 500 or
 * log a stack trace: every malformed input is a 4xx in the one error shape. The routes are
 * fuzzed with the inputs that broke them before (NUL in `q`, which PostgreSQL refuses in text)
 * and their relatives.
 */

let h: EdgeHarness;
let auth: Record<string, string>;
beforeAll(async () => {
  h = await makeEdgeHarness();
  auth = await h.as(ids.student);
});
afterAll(() => h.close());

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

async function expectClientError(res: Response, what: string) {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  const body = await res.json();
  expect(typeof body.error?.code, what).toBe('string');
  expect(typeof body.error?.message, what).toBe('string');
}

const BAD_VALUES = [
  '%00',
  'a%00b',
  '%01',
  '%1F',
  '%7F',
  '%C2%85',
  '%0A',
  '%0D%0A',
  '%E0%A4%A',
  '%ZZ',
  '%',
  '%C0%AF',
  '%ED%A0%80',
];

describe('client-controlled input', () => {
  it('refuses a NUL or other control character in any query parameter with a 400', async () => {
    const lines = await logged(async () => {
      for (const value of ['%00', 'a%00b', '%01', '%1F', '%7F', '%C2%85', '%0A', '%0D%0A']) {
        for (const param of ['q', 'category', 'difficulty', 'sort', 'page', 'pageSize', 'price']) {
          for (const headers of [{}, auth]) {
            const res = await h.app.request(`/api/courses?${param}=${value}`, { headers });
            expect(res.status, `${param}=${value}`).toBe(400);
            await expectClientError(res, `${param}=${value}`);
          }
        }
        const key = await h.app.request(`/api/courses?q${value}=x`);
        expect(key.status, `key q${value}`).toBe(400);
      }
    });
    expect(lines).toEqual([]);
  });

  it('answers malformed or odd values in every route with a 4xx or a normal answer, never a 500', async () => {
    const paths = (v: string) => [
      `/api/courses?q=${v}`,
      `/api/courses?category=${v}&category=web-development`,
      `/api/courses/${v}`,
      `/api/courses/${v}/player`,
      `/api/lessons/${v}`,
      `/api/categories?${v}=1`,
      `/api/dashboard?x=${v}`,
      `/api/${v}`,
    ];
    const lines = await logged(async () => {
      for (const value of [...BAD_VALUES, 'a'.repeat(5000), "'", '%5C', '(((', '!:*%26|', '%F0%9F%98%80']) {
        for (const path of paths(value)) {
          for (const headers of [{}, auth]) {
            const res = await h.app.request(path, { headers });
            expect(res.status, path).not.toBeGreaterThanOrEqual(500);
            if (res.status >= 400) await expectClientError(res, path);
          }
        }
      }
    });
    expect(lines).toEqual([]);
  });

  it('refuses NUL anywhere in a JSON body, and malformed bodies, with a 400', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      h.app.request(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
    const lines = await logged(async () => {
      const cases: [string, string][] = [
        ['/api/enrollments', `{"courseId":"${ids.free}\\u0000"}`],
        ['/api/enrollments', '{"courseId\\u0000":"x"}'],
        ['/api/enrollments', '\u0000'],
        ['/api/enrollments', '['.repeat(20_000)],
        ['/api/enrollments', '{"courseId":'],
        ['/api/enrollments', 'null'],
        ['/api/enrollments', '"x"'],
        ['/api/enrollments', '{"courseId":["x"]}'],
        [`/api/lessons/${ids.l1}%00/complete`, '{}'],
      ];
      for (const [path, body] of cases) {
        const res = await post(path, body);
        expect(res.status, body.slice(0, 40)).toBe(400);
        await expectClientError(res, body.slice(0, 40));
      }
      await expectClientError(await post('/api/enrollments', '{}', 'text/plain'), 'text/plain');
    });
    expect(lines).toEqual([]);
  });

  it('answers odd Authorization headers with a 401 in the error shape', async () => {
    for (const value of [
      'Bearer',
      'Bearer ',
      'Basic abc',
      'Bearer a.b.c',
      `Bearer ${'a'.repeat(10_000)}`,
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    ]) {
      const res = await h.app.request('/api/courses', { headers: { authorization: value } });
      expect(res.status, value.slice(0, 20)).toBe(401);
      await expectClientError(res, value.slice(0, 20));
    }
  });
});

describe('every answer of the data API', () => {
  it('carries the security headers, errors and not-found included', async () => {
    for (const res of [
      await h.app.request('/api/courses'),
      await h.app.request('/api/courses?q=%00'),
      await h.app.request('/api/nope'),
      await h.app.request('/api/enrollments', { method: 'POST' }),
    ]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name), `${res.url} ${name}`).toBe(value);
    }
  });
});
