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
  /**
   * Optional: one parameterless statement as `caller`, role and claims included, in a single
   * round trip (its own transaction). For tiny reads on a hot path, such as the catalog
   * version a cached answer is checked against. Without it, callers use asCaller.
   */
  statementAsCaller?<T>(caller: Caller, text: string): Promise<T[]>;
  /**
   * Runs `fn` in one transaction as role `service_role` (claims `{"role":"service_role"}`), for
   * the privileged steps only it may take: the commerce definer functions in schema private
   * (checkout, fulfilment, refunds). Never for reads or writes a caller could make themselves.
   */
  asService<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/**
 * One statement, one round trip: the role and the claims for this transaction only, and no JIT
 * compilation. PostgreSQL compiles a statement with LLVM once its estimated cost passes
 * jit_above_cost (100,000), which costs 100-400 ms: fine for a report, ruinous for an API read
 * that runs in 10 ms. Policies with `exists` inside an `or` are costed as if their subquery ran
 * for every row (the planner costs an `exists` by its per-row form, then runs the hashed form),
 * so scans of a few thousand rows pass that threshold while running in milliseconds.
 * `jit` is a per-session setting; here it is off for this transaction only (PGlite has no JIT).
 * Last, once role and claims are set, private.assert_active_caller() refuses a suspended account's
 * token (401 account_suspended, docs/admin.md): one primary-key lookup, no extra round trip.
 */
export const SET_CALLER_SQL =
  "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('jit', 'off', true), private.assert_active_caller()";

/** SET_CALLER_SQL's parameters for asService: the service role and its claims. */
export const SERVICE_PARAMS: [string, string] = ['service_role', JSON.stringify({ role: 'service_role' })];

export function callerParams(caller: Caller): [string, string] {
  if (caller.role === 'anon') return ['anon', JSON.stringify({ role: 'anon' })];
  return ['authenticated', JSON.stringify(caller.claims)];
}
