import { openPostgres } from '../../edge/db/postgres.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { createWorld, startYjs } from './test-world.ts';

/**
 * A Yjs host in a process of its own, for restart.test.ts to kill -9: it serves the database
 * `argv[2]` (a PostgreSQL URL, or a PGlite data dir), migrating it first; with `seed` as
 * `argv[3]` it also creates the test world; with a folder as `argv[4]` it journals there (as the
 * host does in DATA_DIR/yjs-journal). Prints `{url, world?}` as one JSON line, then runs until
 * it is killed.
 */
const [target, seed, journalDir] = process.argv.slice(2);
if (!target) throw new Error('usage: child-host.ts <database url | pglite dir> [seed|-] [journal dir]');
const db = target.startsWith('postgres') ? await openPostgres(target, 2) : await openPglite(target);
await migrate(db);
const world = seed === 'seed' ? await createWorld(db) : undefined;
const server = await startYjs(db, journalDir ? { journalDir } : {});
process.stdout.write(`${JSON.stringify({ url: server.url, world })}\n`);
