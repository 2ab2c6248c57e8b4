import type { Database, Sql } from '../../edge/db/port.ts';

/**
 * What the Node host needs beyond the edge port: owner access for migrations, seeding and
 * the embedded auth service (which is the auth server, so it reads auth.users directly).
 */
export interface HostDatabase extends Database {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction as the connecting (owner) role. */
  asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (a migration) in one transaction as the owner. */
  runScript(script: string): Promise<void>;
  /**
   * PGlite only: a parameterless multi-statement script as the owner in one exclusive turn of the
   * single connection, returning every statement's rows. The script may BEGIN and COMMIT itself;
   * a failure rolls back. For pg-boss's executor on PGlite (server/mail/queue-db.ts).
   */
  execRows?(script: string): Promise<Record<string, unknown>[]>;
  /**
   * LISTEN on `channel` (on PostgreSQL a dedicated connection, reconnected when lost): `onNotify`
   * gets each committed NOTIFY's payload. Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
