// `npm test`: every lane in turn (typecheck, unit, database, Deno, end-to-end), then one line
// `N passed, N failed` summing them. A lane that cannot run counts as a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const out = mkdtempSync(join(tmpdir(), 'lms-test-'));
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];

function run(cmd, args, extraEnv = {}) {
  return spawnSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

function lane(name, fn) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { p, f, note } = fn();
  passed += p;
  failed += f;
  summary.push(
    `${name.padEnd(10)} ${String(p).padStart(4)} passed, ${String(f).padStart(3)} failed  (${((Date.now() - started) / 1000).toFixed(0)} s)${note ? `  ${note}` : ''}`,
  );
}

function vitestLane(project) {
  const file = join(out, `${project}.json`);
  const r = run(bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  process.stdout.write(r.stdout ?? '');
  if (!existsSync(file)) return { p: 0, f: 1, note: `vitest did not report (exit ${r.status})` };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests;
  let f = report.numFailedTests;
  const skipped = report.numPendingTests + report.numTodoTests;
  if (r.status !== 0 && f === 0) f = 1; // a file that failed to load, or an error outside tests
  if (report.numTotalTests === 0) f += 1; // a lane that ran nothing has failed
  if (process.env.CI && skipped > 0) f += skipped; // nothing is skipped silently in CI
  return { p, f, note: skipped ? `${skipped} skipped` : '' };
}

// Biome: lint and format, as one check (biome.json says which rules and why some are off).
lane('lint', () => {
  const r = run(bin('biome'), ['ci', '--reporter=summary', '.']);
  process.stdout.write(r.stdout ?? '');
  return r.status === 0 ? { p: 1, f: 0 } : { p: 0, f: 1, note: 'biome found problems: npm run lint:fix' };
});

// One check per TypeScript project: the server side, the web app, the web app's tests.
lane('typecheck', () => {
  let p = 0;
  let f = 0;
  for (const project of ['tsconfig.json', 'web/tsconfig.json', 'web/tsconfig.test.json']) {
    const r = run(bin('tsc'), ['--noEmit', '-p', project]);
    process.stdout.write(r.stdout ?? '');
    if (r.status === 0) p++;
    else f++;
  }
  return { p, f, note: f ? 'tsc reported errors' : '' };
});
lane('unit', () => vitestLane('unit'));
lane('db', () => vitestLane('db'));
lane('perf', () => vitestLane('perf'));
lane('deno', () => {
  const r = run(process.execPath, [join(root, 'scripts/test-deno.mjs')]);
  process.stdout.write(r.stdout ?? '');
  const m = /(\d+) passed \| (\d+) failed(?: \| (\d+) ignored)?/.exec(r.stdout ?? '');
  if (!m) return { p: 0, f: 1, note: `deno test did not report (exit ${r.status})` };
  let f = Number(m[2]);
  if (r.status !== 0 && f === 0) f = 1;
  if (Number(m[1]) === 0) f += 1;
  return { p: Number(m[1]), f };
});
lane('e2e', () => vitestLane('e2e'));

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
