import type { Sql } from '../../edge/db/port.ts';
import type { HostDatabase } from '../db/types.ts';
import type { Identity } from '../realtime/tokens.ts';

export type DocumentAccess = 'write' | 'read' | null;

const query = (sql: Sql, document: string) =>
  sql.query<{ access: DocumentAccess }>('select private.yjs_document_access($1) as access', [document]);

/**
 * What `identity` may do with `document`: private.yjs_document_access as the caller (role and
 * claims set as for any request). The service role writes anything; anon nothing.
 */
export async function documentAccess(db: HostDatabase, identity: Identity, document: string): Promise<DocumentAccess> {
  if (identity.kind === 'service') return 'write';
  if (identity.caller.role !== 'authenticated') return null;
  const [row] = await db.asCaller(identity.caller, (sql) => query(sql, document));
  return row?.access ?? null;
}

/**
 * When `document` (a cohort note) was locked, or null when it is not: the same for everyone, so
 * read as the owner, once per document and not per socket (server.ts).
 */
export async function cohortNoteLock(db: HostDatabase, document: string): Promise<string | null> {
  const lesson = document.slice('cohort-note:'.length);
  const [row] = await db.asOwner((sql) =>
    sql.query<{ at: string }>('select locked_at::text as at from public.cohort_note_locks where lesson_id = $1', [
      lesson,
    ]),
  );
  return row?.at ?? null;
}
