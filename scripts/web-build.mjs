// Builds the web app quietly for `npm start`: the bundler's own report (per-file sizes, plugin
// timings) is for `npm run build`; a person starting the platform needs one line, or, when the
// build fails, everything the bundler said.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip bytes of the scripts index.html loads before the app runs (entry and modulepreloads). */
export function initialJsGzip(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(outDir, file))).length;
  return bytes;
}

/**
 * Runs `vite build`; resolves with the one line to print, or throws with the bundler's output.
 * Always a production build: a host started by the tests runs with NODE_ENV=test, and the bundler
 * would then pick packages' "development" builds (solid-js and micromark with their checks and
 * warnings, 20% more JavaScript), which is not what a browser gets from `npm start`.
 */
export function buildWebApp(root, outDir = join(root, 'dist/web')) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' } },
  );
  if (r.status !== 0) {
    throw new Error(`the web app did not build:\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `built the web app in ${seconds} s (initial JS ${(initialJsGzip(outDir) / 1024).toFixed(1)} kB gzip)`;
}
