import { describe, expect, it } from 'vitest';
import { launch } from '../../../tests/support/browser.ts';
import { start } from './http-server.ts';

/** What a browser's fetch sees from the auth service, in Chromium over real HTTP. */
describe('in Chromium', { timeout: 120_000 }, () => {
  it('reads the 413 for a body over the limit as JSON (the connection is not closed under it)', async () => {
    const srv = await start();
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${srv.url}/`);
      const answers = await page.evaluate(
        async (sizes) => {
          const out: { status: number; code: unknown; length: number }[] = [];
          for (const size of sizes) {
            const res = await fetch('/auth/v1/signup', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
              body: JSON.stringify({
                email: 'ada@example.com',
                password: 'correct horse battery',
                data: { pad: 'x'.repeat(size) },
              }),
            });
            out.push({ status: res.status, code: ((await res.json()) as { code?: unknown }).code, length: size });
          }
          return out;
        },
        [70_000, 2_000_000, 20_000_000],
      );
      for (const a of answers) expect(a).toEqual({ status: 413, code: 'request_too_large', length: a.length });
      // The same page can go on using the service afterwards.
      const after = await page.evaluate(async () => (await fetch('/auth/v1/health')).status);
      expect(after).toBe(200);
    } finally {
      await browser.close();
    }
  });
});
