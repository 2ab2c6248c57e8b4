// `npm start`: build the web app when its sources are newer than the build, then boot the host.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildWebApp } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sourcesTime = Math.max(newest(join(root, 'web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sourcesTime) {
  console.log('building the web app…');
  try {
    console.log(buildWebApp(root));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
await import('../server/main.ts');
