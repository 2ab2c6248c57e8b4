import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createLogger, defineConfig, type LogLevel, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

// The web app lives in web/ and builds to dist/web, which the Node host serves.
// In development, `vite` serves it on :5173 and forwards the API, auth and dev
// routes to the Node host on :8787.
const backend = 'http://localhost:8787';

/** What the first page may download before it runs: the entry chunk and what it imports. */
export const ENTRY_BUDGET_GZIP = 100 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * One compact table at the end of `vite build`: raw and gzip size per chunk and stylesheet,
 * the entry marked, and the initial JS (entry + its static imports) against the budget.
 * Logged at info level, so `npm start` (which builds with --logLevel warn) stays quiet.
 */
function sizeReport(): Plugin {
  return {
    name: 'lms:size-report',
    apply: 'build',
    configResolved(config) {
      level = config.logLevel ?? 'info';
    },
    writeBundle(_options, bundle) {
      const rows: { file: string; raw: number; gzip: number; entry: boolean }[] = [];
      for (const item of Object.values(bundle)) {
        if (item.fileName.endsWith('.map')) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        if (item.type === 'asset' && !item.fileName.endsWith('.css')) continue;
        const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        rows.push({
          file: item.fileName,
          raw: bytes.length,
          gzip: gzipSync(bytes).length,
          entry: item.type === 'chunk' && item.isEntry,
        });
      }
      rows.sort((a, b) => Number(b.entry) - Number(a.entry) || b.gzip - a.gzip);
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const initial = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk' || initial.has(name)) return;
        initial.add(name);
        chunk.imports.forEach(visit);
      };
      if (entry) visit(entry.fileName);
      const initialGzip = rows.filter((r) => initial.has(r.file)).reduce((n, r) => n + r.gzip, 0);
      const width = Math.max(...rows.map((r) => r.file.length), 4);
      const line = (a: string, b: string, c: string) => `${a.padEnd(width)}  ${b.padStart(9)}  ${c.padStart(9)}`;
      const out = [
        line('file', 'raw', 'gzip'),
        ...rows.map((r) => `${line(r.file, kb(r.raw), kb(r.gzip))}${r.entry ? '  ← entry' : ''}`),
        `initial JS (entry + static imports): ${kb(initialGzip)} gzip, budget ${kb(ENTRY_BUDGET_GZIP)}`,
      ];
      this.environment.logger.info(out.join('\n'));
      if (initialGzip > ENTRY_BUDGET_GZIP)
        this.environment.logger.warn(`initial JS is over budget: ${kb(initialGzip)} gzip`);
    },
  };
}

/** Where the code-lab editor's Monaco build lives, in the package and in the built app. */
const MONACO_SOURCE = fileURLToPath(new URL('./node_modules/monaco-editor/min/vs', import.meta.url));
export const MONACO_PUBLIC_PATH = '/vendor/monaco/vs';
const MONACO_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Monaco for the code labs (web/src/lib/monaco.ts), from the installed monaco-editor, never a
 * CDN: its AMD build (min/vs, loaded by @monaco-editor/loader) is copied as it is into the build
 * at /vendor/monaco/vs (type declarations left out), and served from node_modules by the dev
 * server. Nothing of it enters the bundle: only lab pages ask for it, at run time.
 */
function monacoVendor(): Plugin {
  let outDir = '';
  return {
    name: 'lms:monaco-vendor',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      cpSync(MONACO_SOURCE, join(outDir, MONACO_PUBLIC_PATH), {
        recursive: true,
        filter: (src) => !src.endsWith('.d.ts'),
      });
    },
    configureServer(server) {
      server.middlewares.use(MONACO_PUBLIC_PATH, (req, res, next) => {
        const path = normalize(join(MONACO_SOURCE, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
        const type = MONACO_TYPES[extname(path)];
        if (!type || !path.startsWith(`${MONACO_SOURCE}/`) || !existsSync(path) || !statSync(path).isFile()) {
          next();
          return;
        }
        res.setHeader('content-type', type);
        res.end(readFileSync(path));
      });
    },
  };
}

/**
 * Vite's own per-file listing would repeat the table above: drop those lines, keep the rest.
 * A custom logger does not follow `--logLevel`, so it reads the level the build resolved.
 */
let level: LogLevel = 'info';
const logger = createLogger();
const info = logger.info.bind(logger);
const warn = logger.warn.bind(logger);
logger.warn = (msg, options) => {
  if (level !== 'error' && level !== 'silent') warn(msg, options);
};
logger.info = (msg, options) => {
  if (level !== 'info') return;
  const plain = msg.replace(/\u001b\[[0-9;]*m/g, '');
  if (/^dist\/web\/\S+\s+[\d.,]+ kB/.test(plain)) return;
  info(msg, options);
};

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [solid(), sizeReport(), monacoVendor()],
  customLogger: logger,
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // .vite/manifest.json: the host reads it to modulepreload a page's chunk with the page.
    manifest: true,
    sourcemap: true,
    // The size table computes gzip itself.
    reportCompressedSize: false,
    // No "plugins took N s" report in the build or start output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: backend },
      '/auth': { target: backend },
      '/dev/api': { target: backend },
    },
  },
  preview: { port: 4173 },
});
