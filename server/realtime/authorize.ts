import { callerParams } from '../../edge/db/port.ts';
import type { HostDatabase } from '../db/types.ts';
import type { Identity } from './tokens.ts';

/** What RLS on realtime.messages lets one identity do on one topic. */
export interface Access {
  broadcast: { read: boolean; write: boolean };
  presence: { read: boolean; write: boolean };
}

export const FULL_ACCESS: Access = {
  broadcast: { read: true, write: true },
  presence: { read: true, write: true },
};

const NO_ACCESS: Access = {
  broadcast: { read: false, write: false },
  presence: { read: false, write: false },
};

class Rollback extends Error {
  readonly access: Access;
  constructor(access: Access) {
    super('sentinel: roll the probe back');
    this.access = access;
  }
}

const EXTENSIONS = ['broadcast', 'presence'] as const;

/**
 * Authorizes a private channel as Supabase Realtime does, in one transaction that is always
 * rolled back: a probe row per extension inserted as the owner; then the caller's role,
 * claims and `realtime.topic`; the probes selected as the caller (visible = may receive);
 * and an insert per extension as the caller in a savepoint (allowed = may send; 42501 = not).
 * The service role bypasses RLS on Supabase, so it is not probed.
 */
export async function authorize(db: HostDatabase, identity: Identity, topic: string): Promise<Access> {
  if (identity.kind === 'service') return FULL_ACCESS;
  const [role, claims] = callerParams(identity.caller);
  try {
    await db.asOwner(async (sql) => {
      const probes = await sql.query<{ id: string }>(
        `insert into realtime.messages (topic, extension, event, payload, private)
         select $1, x, 'lms_probe', '{}'::jsonb, true from unnest($2::text[]) x returning id`,
        [topic, EXTENSIONS],
      );
      await sql.query(
        // private.assert_active_caller(): a suspended account may join nothing (docs/admin.md).
        "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('realtime.topic', $3, true), private.assert_active_caller()",
        [role, claims, topic],
      );
      const visible = await sql.query<{ extension: string }>(
        'select extension from realtime.messages where id = any($1::uuid[])',
        [probes.map((p) => p.id)],
      );
      const readable = new Set(visible.map((v) => v.extension));
      const access: Access = {
        broadcast: { read: readable.has('broadcast'), write: false },
        presence: { read: readable.has('presence'), write: false },
      };
      for (const extension of EXTENSIONS) {
        await sql.query('savepoint lms_probe_write');
        try {
          await sql.query(
            `insert into realtime.messages (topic, extension, event, payload, private)
             values ($1, $2, 'lms_probe', '{}'::jsonb, true)`,
            [topic, extension],
          );
          access[extension].write = true;
        } catch (err) {
          if ((err as { code?: string }).code !== '42501') throw err;
        }
        await sql.query('rollback to savepoint lms_probe_write');
      }
      throw new Rollback(access);
    });
  } catch (err) {
    if (err instanceof Rollback) return err.access;
    if ((err as { hint?: string }).hint === '401:account_suspended') return NO_ACCESS;
    throw err;
  }
  throw new Error('unreachable: the probe neither rolled back nor failed');
}
