/**
 * One Lighthouse audit in its own headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH), the
 * default mobile profile: used by the benchmark (bench/lighthouse.ts, all four categories) and by the
 * e2e test of the categories that do not depend on the machine's speed (tests/e2e/lighthouse.test.ts).
 */
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseRow {
  page: string;
  path: string;
  /** 0..100 each */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
}

/** The public pages audited (issue 13: home, catalog, a course and a blog post). */
export const LIGHTHOUSE_PAGES: { page: string; path: string }[] = [
  { page: 'home', path: '/' },
  { page: 'catalog', path: '/courses' },
  { page: 'course', path: '/courses/html-css-foundations' },
  { page: 'post', path: '/blog/how-to-finish-an-online-course' },
];

/** Issue 13: 95 or more in every category on every page above. */
export const TARGET_SCORE = 95;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** Audits one URL in its own Chromium (no cache or storage carried from another page). */
export async function audit(
  url: string,
  categories: readonly Category[] = CATEGORIES,
): Promise<Omit<LighthouseRow, 'page' | 'path'> & { failing: string[] }> {
  const chrome = await launchChrome({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100);
    // The audits that cost points outside performance (a score below 1 with weight), for a failing test to name.
    const failing = categories
      .filter((c) => c !== 'performance')
      .flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]?.title ?? ''})`),
      );
    return {
      failing,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: Math.round(num('first-contentful-paint')),
      lcpMs: Math.round(num('largest-contentful-paint')),
      cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
      tbtMs: Math.round(num('total-blocking-time')),
    };
  } finally {
    chrome.kill();
  }
}
