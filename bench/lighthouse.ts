/**
 * Lighthouse's default (mobile) profile against the real platform: `npm start`'s boot (build if
 * stale, migrate, seed) on a free port and a fresh data dir, then the public pages of
 * tests/support/lighthouse.ts, each in a fresh headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
 * Prints the four category scores (performance, accessibility, best practices, SEO), FCP, LCP, CLS
 * and TBT per page, the target (95 in each category, issue 13), and the machine's load average
 * (TBT follows the CPU time the trace saw: a busy machine inflates it). `node bench/lighthouse.ts`
 * runs it alone; LIGHTHOUSE_URL audits a running server instead.
 *
 * The profile simulates a mid-range phone on a slow 4G link (Lantern), so figures come from a
 * model of the trace, not the wall clock: they are stable enough on a shared machine to compare.
 */
import { loadavg } from 'node:os';
import { audit, LIGHTHOUSE_PAGES, type LighthouseRow, TARGET_SCORE } from '../tests/support/lighthouse.ts';
import { type RunningServer, startServer, tempDataDir } from '../tests/support/server.ts';

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
    for (const p of LIGHTHOUSE_PAGES) {
      const { failing: _, ...row } = await audit(`${baseUrl}${p.path}`);
      rows.push({ ...p, ...row });
    }
    return rows;
  } finally {
    await server?.stop();
    data?.remove();
  }
}

export function formatRows(rows: LighthouseRow[]): string {
  const head = `${'page'.padEnd(8)} ${'perf'.padStart(4)} ${'a11y'.padStart(4)} ${'bp'.padStart(4)} ${'seo'.padStart(4)} ${'FCP ms'.padStart(7)} ${'LCP ms'.padStart(7)} ${'CLS'.padStart(6)} ${'TBT ms'.padStart(7)}  path`;
  const lines = rows.map(
    (r) =>
      `${r.page.padEnd(8)} ${[r.performance, r.accessibility, r.bestPractices, r.seo].map((n) => String(n).padStart(4)).join(' ')} ${String(r.fcpMs).padStart(7)} ${String(r.lcpMs).padStart(7)} ${r.cls.toFixed(3).padStart(6)} ${String(r.tbtMs).padStart(7)}  ${r.path}`,
  );
  const below = rows.flatMap((r) =>
    (
      [
        ['performance', r.performance],
        ['accessibility', r.accessibility],
        ['best practices', r.bestPractices],
        ['SEO', r.seo],
      ] as const
    )
      .filter(([, n]) => !(n >= TARGET_SCORE))
      .map(([c, n]) => `${r.page} ${c} ${n}`),
  );
  const verdict = `  target ${TARGET_SCORE}+ in every category on every page: ${below.length ? `MISS (${below.join(', ')})` : 'OK'}`;
  return [head, ...lines, verdict].join('\n');
}

if (import.meta.main) {
  const load = () => loadavg()[0]!.toFixed(1);
  console.log('Lighthouse, default mobile profile (simulated slow 4G, 4x CPU slowdown)');
  const before = load();
  const rows = await runLighthouse(process.env.LIGHTHOUSE_URL);
  console.log(formatRows(rows));
  console.log(`load average ${before} at the start, ${load()} at the end`);
}
