/**
 * The performance guard's runner: a representative read of a table as one role of the RLS
 * matrix, explained and timed, compared with the table owner's (who bypasses RLS), and the
 * policies to blame when it loops per row or is too slow. The detector is plan.ts.
 */

import type { Sql } from '../../../edge/db/port.ts';
import { scaleIds } from '../../../seed/scale.ts';
import type { HostDatabase } from '../../../server/db/types.ts';
import { callerOf, type Role } from '../fixtures.ts';
import { blame, type Explained, type Policy, parseExplain, perRowFindings, tooSlow, totalMs } from './plan.ts';

/** Who runs a read: a role of the matrix, or the table owner (no RLS) for the baseline. */
export type Reader = Role | 'owner';

export interface Read {
  /** what the read is, in words */
  what: string;
  sql: string;
}

/**
 * Runs of each timed read, the caller's and the owner's taken in turn; the best counts (noise
 * only ever adds time). Only reads over the 25 ms floor are timed more than once.
 */
export const RUNS = 5;
/** Further rounds of RUNS before a read fails on time, RETRY_PAUSE_MS apart. */
export const RETRY_ROUNDS = 3;
export const RETRY_PAUSE_MS = 250;
/** A read that takes longer than this fails outright (and does not hold the lane for minutes). */
export const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * The reads of a table: everything, and one filtered by each key a client filters on
 * (a scale course, a scale learner, a lesson, a company, an order), when the table has that column.
 */
export async function readsOf(db: HostDatabase, table: string): Promise<Read[]> {
  const [schema, name] = table.split('.');
  const columns = new Set(
    (
      await db.asOwner((sql) =>
        sql.query<{ column_name: string }>(
          'select column_name from information_schema.columns where table_schema = $1 and table_name = $2',
          [schema, name],
        ),
      )
    ).map((c) => c.column_name),
  );
  const filters: [string, string][] = [
    ['course_id', scaleIds.course(1)],
    ['user_id', scaleIds.learner(4)],
    ['lesson_id', scaleIds.lesson(1, 2)],
    ['company_id', scaleIds.company(1)],
    // learner 1's first enrollment was a purchase: its order (seed/scale/commerce.ts)
    ['order_id', scaleIds.order(1, 1)],
  ];
  return [
    { what: 'every visible row', sql: `select * from ${table}` },
    ...filters
      .filter(([column]) => columns.has(column))
      .map(([column, value]) => ({
        what: `rows of one ${column.replace(/_id$/, '')}`,
        sql: `select * from ${table} where ${column} = '${value}'`,
      })),
  ];
}

class Rollback extends Error {
  readonly value: Explained;
  constructor(value: Explained) {
    super('sentinel: roll the read back');
    this.value = value;
  }
}

/** EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) of `text` as `who`, in a transaction always rolled back. */
export async function explainAs(db: HostDatabase, who: Reader, text: string): Promise<Explained> {
  const run = async (sql: Sql) => {
    await sql.query(`select set_config('statement_timeout', $1, true)`, [String(STATEMENT_TIMEOUT_MS)]);
    const rows = await sql.query<Record<string, unknown>>(
      `explain (analyze, verbose, timing off, format json) ${text}`,
    );
    throw new Rollback(parseExplain(Object.values(rows[0]!)[0]));
  };
  try {
    await (who === 'owner' ? db.asOwner(run) : db.asCaller(callerOf(who), run));
  } catch (error) {
    if (error instanceof Rollback) return error.value;
    throw error;
  }
  throw new Error('unreachable: the read neither rolled back nor failed');
}

/** The permissive and restrictive SELECT policies that apply to `role` on `table`. */
export async function selectPolicies(db: HostDatabase, table: string, role: Role): Promise<Policy[]> {
  const [schema, name] = table.split('.');
  const dbRole = role === 'anon' ? 'anon' : 'authenticated';
  const rows = await db.asOwner((sql) =>
    sql.query<{ policyname: string; expression: string }>(
      `select policyname, coalesce(qual, with_check, '') as expression from pg_catalog.pg_policies
       where schemaname = $1 and tablename = $2 and cmd in ('SELECT', 'ALL')
         and ($3 = any(roles) or 'public' = any(roles))
       order by policyname`,
      [schema, name, dbRole],
    ),
  );
  return rows.map((r) => ({ name: r.policyname, expression: r.expression }));
}

const sqlState = (error: unknown) => (error as { code?: unknown } | null)?.code;
const ms = (n: number) => `${n.toFixed(1)} ms`;

export interface Verdict {
  /** What went wrong, one line each, naming the table, the role, the read, the node and the policy. */
  problems: string[];
  /** What was measured, for the report: one line per read. */
  notes: string[];
}

/**
 * Checks every read of `table` as `role`. The owner's times are cached in `ownerMs` (by SQL),
 * since every role compares with the same baseline.
 */
export async function checkTable(
  db: HostDatabase,
  table: string,
  role: Role,
  ownerMs: Map<string, number>,
): Promise<Verdict> {
  const problems: string[] = [];
  const notes: string[] = [];
  const policies = await selectPolicies(db, table, role);
  /** Best of RUNS for the caller (counting the first run) and, unless cached, the owner, in turn. */
  const timed = async (sql: string, first: Explained) => {
    let roleMs = totalMs(first);
    let owner = ownerMs.get(sql) ?? Number.POSITIVE_INFINITY;
    const cached = ownerMs.has(sql);
    for (let i = 0; i < RUNS; i++) {
      if (!cached) owner = Math.min(owner, totalMs(await explainAs(db, 'owner', sql)));
      if (i > 0) roleMs = Math.min(roleMs, totalMs(await explainAs(db, role, sql)));
    }
    if (!cached) ownerMs.set(sql, owner);
    return { roleMs, owner };
  };
  for (const read of await readsOf(db, table)) {
    const where = `${table} as ${role}, ${read.what} (${read.sql})`;
    let first: Explained;
    try {
      first = await explainAs(db, role, read.sql);
    } catch (error) {
      if (sqlState(error) === '42501') {
        notes.push(`${where}: denied (no grant)`);
        continue;
      }
      if (sqlState(error) === '57014') {
        problems.push(
          `${where}: still running after ${STATEMENT_TIMEOUT_MS / 1000} s (statement timeout); ` +
            `policies: ${policies.map((p) => `"${p.name}"`).join(', ')}`,
        );
        continue;
      }
      throw error;
    }
    const findings = perRowFindings(first.Plan);
    for (const f of findings) {
      const names = blame(f, policies)
        .map((p) => `"${p.name}"`)
        .join(' or ');
      const calls = f.helpers.length ? ` calling ${f.helpers.join(', ')}` : '';
      problems.push(`${where}: ${f.kind}: ${f.node}${calls}; policy ${names}`);
    }
    if (findings.length) continue;
    // Only a read over the floor can fail on time: time it again, and the owner, best of RUNS each.
    const quick = totalMs(first);
    if (!tooSlow(quick, 0)) {
      notes.push(`${where}: ${ms(quick)}`);
      continue;
    }
    let { roleMs, owner } = await timed(read.sql, first);
    // Wall time suffers from whatever else the machine runs: before failing on time, sample
    // again a little later (up to RETRY_ROUNDS), keeping the best of every run.
    for (let round = 0; round < RETRY_ROUNDS && tooSlow(roleMs, owner); round++) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      ownerMs.delete(read.sql);
      const again = await timed(read.sql, first);
      roleMs = Math.min(roleMs, again.roleMs);
      owner = Math.min(owner, again.owner);
      ownerMs.set(read.sql, owner);
    }
    notes.push(`${where}: ${ms(roleMs)} against ${ms(owner)} as the owner`);
    if (tooSlow(roleMs, owner)) {
      problems.push(
        `${where}: ${ms(roleMs)}, more than 3x the owner's ${ms(owner)} and more than 25 ms; ` +
          `policies: ${policies.map((p) => `"${p.name}"`).join(', ')}`,
      );
    }
  }
  return { problems, notes };
}
