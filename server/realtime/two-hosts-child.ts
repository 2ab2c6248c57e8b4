import { openPostgres } from '../../edge/db/postgres.ts';
import { startHost } from './test-host.ts';

/**
 * A host in a process of its own, for two-hosts.test.ts to kill without a goodbye: it serves
 * the PostgreSQL database `argv[2]` with the presence heartbeat `argv[3]` (ms), prints
 * `{url, key}` as one JSON line, and runs until it is killed.
 */
const [url, heartbeat] = process.argv.slice(2);
if (!url || !heartbeat) throw new Error('usage: two-hosts-child.ts <database url> <heartbeat ms>');
const db = await openPostgres(url, 2);
const host = await startHost(db, undefined, { presenceHeartbeatMs: Number(heartbeat) });
process.stdout.write(`${JSON.stringify({ url: host.url, key: host.key })}\n`);
