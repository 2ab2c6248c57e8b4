import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../edge/app.ts';
import { MAX_BODY_BYTES as AUTH_MAX_BODY_BYTES } from '../../server/auth/request.ts';
import { launch } from '../support/browser.ts';
import { type RunningServer, startServer, tempDataDir } from '../support/server.ts';

/**
 * A body over the limit gets a 413 that a browser's fetch can read (issue 6): page JS in Chromium
 * posts to the real host and reads the status and the JSON error, where a connection closed under
 * the upload would show as a network error ("Failed to fetch"). The host reads and drops the rest
 * of a refused body (server/drain.ts), so the connection stays usable for the next request.
 */

let server: RunningServer;
let data: ReturnType<typeof tempDataDir>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  data = tempDataDir();
  server = await startServer({ DATA_DIR: data.dir });
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/about`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  data?.remove();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/** POSTs `bytes` of JSON from the page, as the web app would; resolves with what fetch read. */
function postFromPage(path: string, bytes: number, headers: Record<string, string> = {}): Promise<Answer> {
  return page.evaluate(
    async ({ path, bytes, headers }) => {
      const body = JSON.stringify({ padding: 'x'.repeat(bytes) });
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      return { status: res.status, contentType: res.headers.get('content-type'), body: await res.json() };
    },
    { path, bytes, headers },
  );
}

/** A small request after the refused one: the browser and the host still talk. */
function healthFromPage(): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/health')).status);
}

describe('a body over the limit, sent by a browser', () => {
  it('gets the data API’s 413 with its JSON error', async () => {
    const answer = await postFromPage('/api/enrollments', 2 * MAX_BODY_BYTES);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: { code: 'payload_too_large', message: expect.stringMatching(/limited/) } });
    expect(await healthFromPage()).toBe(200);
  });

  it('gets the 413 while it is still uploading a body far over the limit (20 MB)', async () => {
    const answer = await postFromPage('/api/enrollments', 20 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await healthFromPage()).toBe(200);
  });

  it('gets Supabase Auth’s 413 in the shape its client reads, legacy and current', async () => {
    const legacy = await postFromPage('/auth/v1/signup', 2 * AUTH_MAX_BODY_BYTES);
    expect(legacy.status).toBe(413);
    expect(legacy.contentType).toMatch(/^application\/json/);
    expect(legacy.body).toMatchObject({ code: 413, error_code: 'request_too_large' });

    // What @supabase/auth-js sends: the API version header, answered with `{ code, message }`.
    const current = await postFromPage('/auth/v1/token?grant_type=password', 20 * 1024 * 1024, {
      'x-supabase-api-version': '2024-01-01',
    });
    expect(current.status).toBe(413);
    expect(current.body).toMatchObject({ code: 'request_too_large' });
    expect(await healthFromPage()).toBe(200);
  });
});
