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
