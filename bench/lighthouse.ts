/**
 * Lighthouse's default (mobile) profile against the real platform: `npm start`'s boot (build if
 * stale, migrate, seed) on a free port and a fresh data dir, then home, the catalog and a course
 * page, each in a fresh headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
 * Prints the performance score, FCP, LCP, CLS and TBT per page, and the machine's load average
 * (TBT follows the CPU time the trace saw: a busy machine inflates it). `node bench/lighthouse.ts`
 * runs it alone; LIGHTHOUSE_URL audits a running server instead.
 *
 * The profile simulates a mid-range phone on a slow 4G link (Lantern), so figures come from a
 * model of the trace, not the wall clock: they are stable enough on a shared machine to compare.
 */
import { loadavg } from 'node:os';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { type RunningServer, startServer, tempDataDir } from '../tests/support/server.ts';

export interface LighthouseRow {
  page: string;
  path: string;
  /** 0..100 */
  performance: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
}

export const PAGES: { page: string; path: string }[] = [
  { page: 'home', path: '/' },
  { page: 'catalog', path: '/courses' },
  { page: 'course', path: '/courses/html-css-foundations' },
];

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** Audits one URL in its own Chromium (no cache or storage carried from another page). */
async function audit(url: string): Promise<Omit<LighthouseRow, 'page' | 'path'>> {
  const chrome = await launchChrome({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: Math.round(num('first-contentful-paint')),
      lcpMs: Math.round(num('largest-contentful-paint')),
      cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
      tbtMs: Math.round(num('total-blocking-time')),
    };
  } finally {
    chrome.kill();
  }
}

/** Starts a seeded server (unless `baseUrl` is given), audits each page, stops the server. */
export async function runLighthouse(baseUrl?: string): Promise<LighthouseRow[]> {
  let server: RunningServer | undefined;
  let data: ReturnType<typeof tempDataDir> | undefined;
  if (!baseUrl) {
    data = tempDataDir();
    server = await startServer({ DATA_DIR: data.dir });
    baseUrl = server.url.replace('127.0.0.1', 'localhost');
  }
  try {
    const rows: LighthouseRow[] = [];
    for (const p of PAGES) rows.push({ ...p, ...(await audit(`${baseUrl}${p.path}`)) });
    return rows;
  } finally {
    await server?.stop();
    data?.remove();
  }
}

export function formatRows(rows: LighthouseRow[]): string {
  const head = `${'page'.padEnd(8)} ${'perf'.padStart(4)} ${'FCP ms'.padStart(7)} ${'LCP ms'.padStart(7)} ${'CLS'.padStart(6)} ${'TBT ms'.padStart(7)}  path`;
  const lines = rows.map(
    (r) =>
      `${r.page.padEnd(8)} ${String(r.performance).padStart(4)} ${String(r.fcpMs).padStart(7)} ${String(r.lcpMs).padStart(7)} ${r.cls.toFixed(3).padStart(6)} ${String(r.tbtMs).padStart(7)}  ${r.path}`,
  );
  return [head, ...lines].join('\n');
}

if (import.meta.main) {
  const load = () => loadavg()[0]!.toFixed(1);
  console.log('Lighthouse, default mobile profile (simulated slow 4G, 4x CPU slowdown)');
  const before = load();
  const rows = await runLighthouse(process.env.LIGHTHOUSE_URL);
  console.log(formatRows(rows));
  console.log(`load average ${before} at the start, ${load()} at the end`);
}
