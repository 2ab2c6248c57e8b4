import { every } from '../db/periodic.ts';
import type { Database, Sql } from '../db/port.ts';

/** How long before a live session starts its participants are told. */
export const SESSION_STARTING_LEAD = '15 minutes';

/** private.notify_sessions_starting at the database's clock: how many notifications went out. */
export async function notifySessionsStarting(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select private.notify_sessions_starting(now(), $1::interval) as n`, [
    SESSION_STARTING_LEAD,
  ]);
  return row?.n ?? 0;
}

/**
 * Tells the participants of live sessions that start within SESSION_STARTING_LEAD, once per
 * session (a 'session_starting' notification: the bell shows it live), every `intervalMs`, on
 * the Node host. Returns a stop function.
 */
export function startSessionReminders(
  db: Database,
  intervalMs = 60_000,
  onError: (err: unknown) => void = (err) => console.error('session reminders failed', err),
): () => void {
  return every(intervalMs, () => db.asService(notifySessionsStarting), onError);
}
