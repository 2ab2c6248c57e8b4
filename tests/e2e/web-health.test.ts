import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENTRY_BUDGET_GZIP } from '../../vite.config.ts';
import { axe, describeViolations } from '../support/browser.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectVisible } from '../support/web-expect.ts';

/**
 * The web app's resilience and weight: a page that fails to render shows a message and a way
 * on (not a blank app), the first page's JavaScript stays within budget, its data comes in the
 * HTML (no request after the script, no auth client without a session), and the dev outbox
 * link shows only where it works (this machine, outbox on).
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

// The server builds dist/web when the sources changed.
usePlatform((p) => {
  ({ server, browser, page } = p);
});

const COURSE = '/api/courses/html-css-foundations';

/**
 * Opens the course page the way a visitor coming from the catalog does, so its data comes from
 * the API (a page opened directly has it in the HTML: see "the first page" below).
 */
async function openCourseFromCatalog(): Promise<void> {
  await page.goto(`${server.url}/courses`);
  await page.getByRole('link', { name: 'HTML & CSS Foundations' }).click();
}

describe('a page that fails to render', () => {
  it('shows what happened inside the usual frame, with a retry and links on', async () => {
    // A server answering in a shape this build does not know (a deploy in progress, a proxy's
    // page): the course page throws while rendering it.
    await page.route(`**${COURSE}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
    );
    await openCourseFromCatalog();
    await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /could not be shown/ })
      .waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).waitFor();
    await page.getByRole('contentinfo').waitFor();
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Once the server answers properly, "Try again" asks again and renders the page.
    await page.unroute(`**${COURSE}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Course content' }).waitFor();
  });

  it('clears when the user moves to another page', async () => {
    await page.route(`**${COURSE}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"sections":7}' }),
    );
    await openCourseFromCatalog();
    await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
    await page.getByRole('link', { name: 'Browse courses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
    await page.getByRole('article').first().waitFor();
    await page.unroute(`**${COURSE}`);
  });
});

describe('the first page', () => {
  it('loads at most 100 KB gzip of JavaScript before it runs (entry + modulepreloads)', () => {
    const dist = new URL('../../dist/web/', import.meta.url);
    const html = readFileSync(new URL('index.html', dist), 'utf8');
    const scripts = [
      ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((file) => ({ file, gzip: gzipSync(readFileSync(new URL(file, dist))).length }));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(ENTRY_BUDGET_GZIP);
    // supabase-js's realtime and storage clients are not part of it (they load on first use).
    for (const { file } of sizes)
      expect(readFileSync(new URL(file, dist), 'utf8')).not.toMatch(/RealtimeClient|StorageClient/);
  });

  it('loads within the budget with the page’s own code, and without the auth client (no session)', async () => {
    for (const path of ['/', '/courses', '/courses/html-css-foundations']) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      const scripts = [
        ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
      ];
      const files = scripts.map((m) => readFileSync(new URL(`../../dist/web/${m[1]}`, import.meta.url), 'utf8'));
      const gzip = files.reduce((n, text) => n + gzipSync(text).length, 0);
      expect(gzip, path).toBeLessThanOrEqual(ENTRY_BUDGET_GZIP);
      for (const text of files) expect(text, path).not.toMatch(/GoTrueClient/);
    }
  });

  it('renders home, the catalog and a course page from the data in the HTML, asking nothing more', async () => {
    const fresh = await browser.newContext();
    const visitor = await fresh.newPage();
    visitor.setDefaultTimeout(20_000);
    const asked: string[] = [];
    visitor.on('request', (req) => asked.push(new URL(req.url()).pathname));
    const views: [string, string][] = [
      ['/', 'Popular courses'],
      ['/courses', 'Courses'],
      ['/courses/html-css-foundations', 'HTML & CSS Foundations'],
    ];
    for (const [path, heading] of views) {
      asked.length = 0;
      await visitor.goto(`${server.url}${path}`);
      await expectVisible(visitor.getByRole('heading', { name: heading, exact: true }));
      await expectVisible(visitor.getByRole('link', { name: 'Sign in' }).first());
      await visitor.waitForLoadState('networkidle');
      // Data, config and session state come with the page: no API call, no auth client.
      expect(
        asked.filter((p) => /^\/(api|auth)\//.test(p)),
        `${path}: ${asked.filter((p) => /^\/(api|auth)\//.test(p)).join(', ')}`,
      ).toEqual([]);
      expect(
        asked
          .filter((p) => p.endsWith('.js'))
          .map((p) => readFileSync(new URL(`../../dist/web${p}`, import.meta.url), 'utf8'))
          .some((t) => /GoTrueClient/.test(t)),
        path,
      ).toBe(false);
    }
    // Sign-in loads the auth client on the way.
    await visitor.getByRole('link', { name: 'Sign in' }).first().click();
    await visitor.getByLabel('Email').fill('student@demo.test');
    await visitor.getByLabel('Password').fill('learn-demo-2026');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(visitor.getByRole('button', { name: 'Sign out' }));
    await fresh.close();
  });

  it('links the dev outbox in the footer when opened on this machine with the outbox on', async () => {
    // The server runs the outbox here (NODE_ENV=test) and this request comes from this machine.
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { devOutbox: boolean };
    expect(config.devOutbox).toBe(true);
    await page.goto(server.url); // 127.0.0.1; other host names are covered by web/src/lib/dev-outbox.test.ts
    await page.getByRole('article').first().waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Dev outbox' }).waitFor();
  });
});
