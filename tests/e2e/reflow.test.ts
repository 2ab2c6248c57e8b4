import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';

/**
 * The app on phones. Reflow (WCAG 1.4.10): at 320 CSS px no page scrolls sideways and nothing
 * sticks out of the viewport. At 390 px (a common phone): axe passes, and the layouts that used
 * to fail there work: a one-row header with a menu, the lesson before a folded outline, and a
 * sticky bar with the course's price and main action.
 */

let server: RunningServer;
let browser: Browser;

usePlatform((p) => {
  ({ server, browser } = p);
});

const FREE_NOT_ENROLLED = 'git-and-github-workflow';
const ENROLLED = 'html-css-foundations';

async function phone(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

async function signInAsStudent(page: Page) {
  await page.goto(`${server.url}/signin?next=/dashboard`);
  await page.getByLabel('Email').fill('student@demo.test');
  await page.getByLabel('Password').fill('learn-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Not a regex on the whole URL: /signin?next=/dashboard ends with "/dashboard" too.
  await page.waitForURL((url) => url.pathname === '/dashboard');
  await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
}

/**
 * Elements whose box reaches past the viewport's left or right edge, unless a scrolling or
 * clipping ancestor inside the viewport hides the overflow (a code block that scrolls, sr-only text).
 */
function offenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const cls = [...e.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join('');
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none') {
          const r = a.getBoundingClientRect();
          if (r.left >= -1 && r.right <= vw + 1) return true;
        }
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > vw + 1 || r.left < -1) && !clipped(el))
        out.push(`${describe(el)} (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    return out;
  });
}

async function expectReflows(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  const bad = await offenders(page);
  expect(bad, `${where}: elements outside the ${widths.inner} px viewport:\n${bad.join('\n')}`).toEqual([]);
  expect(widths.scroll, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(widths.inner);
}

/** Each page and what shows that its main content has arrived. */
const PUBLIC_PAGES: { name: string; path: string; ready: (p: Page) => Promise<void> }[] = [
  { name: 'home', path: '/', ready: (p) => p.getByRole('article').first().waitFor() },
  { name: 'catalog', path: '/courses', ready: (p) => p.getByRole('article').first().waitFor() },
  {
    name: 'course details',
    path: `/courses/${ENROLLED}`,
    ready: (p) => p.getByRole('heading', { name: 'Course content' }).waitFor(),
  },
  { name: 'sign in', path: '/signin', ready: (p) => p.getByLabel('Password').waitFor() },
  { name: 'sign up', path: '/signup', ready: (p) => p.getByLabel('First name').waitFor() },
  { name: 'forgot password', path: '/forgot-password', ready: (p) => p.getByLabel('Email').waitFor() },
  { name: 'reset password', path: '/reset-password', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
  { name: 'for companies', path: '/for-companies', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
  { name: 'about', path: '/about', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
  {
    name: 'not found',
    path: '/no-such-page',
    ready: (p) => p.getByRole('heading', { name: 'Page not found' }).waitFor(),
  },
];

const SIGNED_IN_PAGES: typeof PUBLIC_PAGES = [
  {
    name: 'dashboard',
    path: '/dashboard',
    ready: (p) =>
      p
        .getByRole('progressbar', { name: / progress$/ })
        .nth(1)
        .waitFor(),
  },
  {
    name: 'player',
    path: `/learn/${ENROLLED}`,
    ready: async (p) => {
      await p.getByRole('button', { name: /Mark as complete|Completed/ }).waitFor();
      await p.locator('.lesson-body').waitFor();
    },
  },
];

describe('at 320 px, every page reflows', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => ({ context, page } = await phone(320)));
  afterAll(() => context?.close());

  for (const p of PUBLIC_PAGES) {
    it(p.name, async () => {
      await page.goto(`${server.url}${p.path}`);
      await p.ready(page);
      await expectReflows(page, p.name);
    });
  }

  it('the open menu, signed in pages and the open course outline', async () => {
    await signInAsStudent(page);
    for (const p of SIGNED_IN_PAGES) {
      await page.goto(`${server.url}${p.path}`);
      await p.ready(page);
      await expectReflows(page, p.name);
    }
    await page.getByRole('button', { name: 'Show course outline' }).click();
    await page.getByRole('navigation', { name: 'Course curriculum' }).waitFor();
    await expectReflows(page, 'player with the outline open');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'My learning' }).waitFor();
    await expectReflows(page, 'header menu open');
  });
});

describe('at 390 px', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => ({ context, page } = await phone(390)));
  afterAll(() => context?.close());

  it('every public page passes axe', async () => {
    for (const p of PUBLIC_PAGES) {
      await page.goto(`${server.url}${p.path}`);
      await p.ready(page);
      await expectAccessible(page, p.name);
    }
  });

  it('the course page keeps price and main action in a bar at the bottom of the screen', async () => {
    await page.goto(`${server.url}/courses/${ENROLLED}`);
    const bar = page.locator('.enroll-bar');
    const action = bar.getByRole('link', { name: 'Sign in to enroll' });
    await action.waitFor();
    await expect.poll(() => bar.textContent()).toMatch(/Free/);
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800 + 1);
    expect(box.y).toBeGreaterThan(800 - 120); // at the bottom of the first screen, not 2,800 px down
    // The same action as the panel's button.
    const main = page.locator('.enroll-panel').getByRole('link', { name: 'Sign in to enroll' });
    expect(await action.getAttribute('href')).toBe(await main.getAttribute('href'));
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => (await bar.boundingBox())!.y).toBeGreaterThan(800 - 120);
    await expect.poll(async () => (await bar.boundingBox())!.y).toBeLessThan(800);
  });

  it('the header is one row with a menu that opens and closes from the keyboard', async () => {
    await signInAsStudent(page);
    await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
    const header = page.locator('.header-inner');
    expect((await header.boundingBox())!.height).toBeLessThan(70);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.getByRole('link', { name: 'My learning' }).count()).toBe(0);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'My learning' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expectAccessible(page, 'header menu open');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
  });

  it('the player shows the lesson first and the outline in a disclosure', async () => {
    await page.goto(`${server.url}/learn/${ENROLLED}`);
    const lessonTitle = page.locator('#lesson-title');
    await lessonTitle.waitFor();
    await page.locator('.lesson-body').waitFor();
    const toggle = page.getByRole('button', { name: 'Show course outline' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await lessonTitle.boundingBox())!.y).toBeLessThan((await toggle.boundingBox())!.y);
    expect((await lessonTitle.boundingBox())!.y).toBeLessThan(400);
    await expect.poll(() => page.getByRole('navigation', { name: 'Course curriculum' }).count()).toBe(0);
    await expectAccessible(page, 'player, outline closed');

    await toggle.focus();
    await page.keyboard.press('Enter');
    const outline = page.getByRole('navigation', { name: 'Course curriculum' });
    await outline.waitFor();
    expect(await page.getByRole('button', { name: 'Hide course outline' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'player, outline open');
    await expectReflows(page, 'player at 390 px');

    // Picking a lesson opens it and folds the outline again.
    await outline.getByRole('link').nth(1).click();
    await page.waitForURL(/\/learn\/[^/]+\/[^/]+$/);
    await page.getByRole('button', { name: 'Show course outline' }).waitFor();
  });

  it('enrolls from the sticky bar, as from the main button', async () => {
    await page.goto(`${server.url}/courses/${FREE_NOT_ENROLLED}`);
    const bar = page.locator('.enroll-bar');
    await bar.getByRole('button', { name: 'Enroll for free' }).click();
    await bar.getByRole('link', { name: 'Go to course' }).waitFor();
    await page.locator('.enroll-panel').getByRole('link', { name: 'Go to course' }).waitFor();
    await expectAccessible(page, 'course page after enrolling');
  });
});

describe('at 1280 px', () => {
  it('has no sticky bar and no menu button: the panel and the nav are in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/courses/${ENROLLED}`);
    await page.getByRole('heading', { name: 'Course content' }).waitFor();
    await expect.poll(() => page.locator('.enroll-bar').evaluate((e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).waitFor();
    await context.close();
  });
});
