// The Deno lane: the edge tests (and the Supabase function's) under real Deno, via the vitest shim.
// Files named *.node.test.ts need Node (e.g. the code-lab runner's isolated-vm): vitest runs them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const deno = join(root, 'node_modules/.bin/deno');
const args = [
  'test',
  '-A',
  '--no-check',
  '--import-map=tests/deno/import_map.json',
  '--ignore=**/*.node.test.ts',
  'edge/',
  'supabase/functions/',
];
const r = spawnSync(deno, [...args, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
});
process.exit(r.status ?? 1);
