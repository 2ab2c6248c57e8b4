import type { Db as IDatabase } from 'pg-boss';
import type { HostDatabase } from '../db/types.ts';

/**
 * pg-boss's executor over the host's database on PGlite (the embedded default). PGlite has one
 * connection, so every pg-boss statement takes its turn beside the requests: a statement with
 * parameters runs in its own owner transaction (`asOwner`), a parameterless one may be a
 * BEGIN … COMMIT block and runs whole through `execRows` (one exclusive turn, rolled back on error).
 * LISTEN/NOTIFY is in-process, so workers hear new jobs at once instead of at the next poll.
 * On PostgreSQL pg-boss uses its own small pool on DATABASE_URL instead (server/mail/queue.ts).
 */
export function hostQueueDatabase(db: HostDatabase): IDatabase {
  const execRows = db.execRows;
  if (!execRows) throw new Error('hostQueueDatabase: the database cannot run scripts (PGlite only)');
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: await db.asOwner((sql) => sql.query(text, values)) };
      return { rows: await execRows.call(db, text) };
    },
    async listen(channel, onNotification, onReconnect) {
      const stop = await db.listen(channel, onNotification);
      onReconnect();
      return { close: () => stop() };
    },
  };
}
