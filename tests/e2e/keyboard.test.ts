import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/** The core journey with the keyboard only: no clicks. Each step waits web-first, as a user would. */

let server: RunningServer;
let page: Page;

usePlatform((p) => {
  ({ server, page } = p);
});

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase(),
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? (el as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '',
    };
  });

async function tabTo(p: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if (matches(await focused(p))) return;
  }
  throw new Error(`never reached the element with Tab; last focus: ${JSON.stringify(await focused(p))}`);
}

describe('with the keyboard only', () => {
  it('skips to the main content from the first Tab', async () => {
    await page.goto(server.url);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toMatch(/skip to (main )?content/i);
    await page.keyboard.press('Enter');
    await expectEventually(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('filters the catalog and signs in without a pointer', async () => {
    await page.goto(`${server.url}/courses`);
    await expectVisible(page.getByRole('status').filter({ hasText: /\d+ courses?/ }));
    // Tab reaches a radio group at its checked radio ("Any"); arrows choose within the group.
    await tabTo(page, (f) => f.tag === 'input' && f.label === 'Any');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/difficulty=beginner/);

    await page.goto(`${server.url}/signin`);
    await expectVisible(page.getByLabel('Email'));
    await tabTo(page, (f) => f.tag === 'input' && f.label === 'Email');
    await page.keyboard.type('student@demo.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('learn-demo-2026');
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('link', { name: 'My learning' }));
  });

  it('marks a lesson complete from the keyboard', async () => {
    await page.goto(`${server.url}/dashboard`);
    await expectVisible(page.getByRole('link', { name: 'Continue learning' }).first());
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Continue learning');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/learn\//);
    // The button says aria-disabled until the lesson's content has loaded, as a user hears it.
    const button = page.getByRole('button', { name: 'Mark as complete' });
    await expectEventually(() => button.getAttribute('aria-disabled')).toBeNull();
    const bar = page.getByRole('progressbar', { name: 'Course progress' });
    const before = Number(await bar.getAttribute('aria-valuenow'));
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Mark as complete', 120);
    await page.keyboard.press('Enter');
    await expectEventually(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  });
});
