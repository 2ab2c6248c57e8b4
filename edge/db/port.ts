/**
 * The database port edge/ depends on. Every request runs in one transaction as its caller,
 * the way PostgREST does it: role and JWT claims are set with `set_config(..., true)`, so
 * they end with the transaction and never leak into another caller's request.
 */

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Claims of a verified Supabase-shaped JWT. */
export interface JwtClaims {
  sub: string;
  role: 'authenticated' | 'anon' | 'service_role';
  email?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  session_id?: string;
  [claim: string]: unknown;
}

export type Caller = { role: 'anon' } | { role: 'authenticated'; claims: JwtClaims };

export interface Database {
  /** Runs `fn` in one transaction as `caller`; rolls back if it throws. */
  asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/** One statement, one round trip: the role and the claims for this transaction only. */
export const SET_CALLER_SQL = "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";

export function callerParams(caller: Caller): [string, string] {
  if (caller.role === 'anon') return ['anon', JSON.stringify({ role: 'anon' })];
  return ['authenticated', JSON.stringify(caller.claims)];
}
