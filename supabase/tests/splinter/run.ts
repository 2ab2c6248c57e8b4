import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sql } from '../../../edge/db/port.ts';

/**
 * Runs the lints of Supabase's database linter (splinter) in supabase/tests/splinter/lints/:
 * one query per file, each returning the findings as rows (name, level, detail, remediation,
 * metadata). See lints/README.md for where they come from.
 */

export const LINTS_DIR = new URL('./lints/', import.meta.url).pathname;

export type Level = 'ERROR' | 'WARN' | 'INFO';

export interface Lint {
  /** the file name without .sql, e.g. 0006_multiple_permissive_policies */
  id: string;
  sql: string;
}

export interface Finding {
  /** the lint's file, e.g. 0006_multiple_permissive_policies */
  lint: string;
  /** the lint's name, e.g. multiple_permissive_policies */
  name: string;
  level: Level;
  detail: string;
  remediation: string;
  metadata: { schema?: string; name?: string; arguments?: string; [key: string]: unknown };
}

export async function loadLints(dir = LINTS_DIR): Promise<Lint[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z_]+\.sql$/.test(f)).sort();
  return Promise.all(files.map(async (f) => ({ id: f.slice(0, -4), sql: await readFile(join(dir, f), 'utf8') })));
}

/**
 * Runs every lint in the caller's transaction (as the owner: the lints read the catalogs), each
 * in a savepoint so that a lint an engine cannot run names itself instead of aborting the rest.
 */
export async function runLints(sql: Sql, lints: Lint[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const lint of lints) {
    await sql.query('savepoint splinter_lint');
    let rows: Omit<Finding, 'lint'>[];
    try {
      rows = await sql.query<Omit<Finding, 'lint'>>(lint.sql);
    } catch (error) {
      await sql.query('rollback to savepoint splinter_lint');
      throw new Error(`splinter lint ${lint.id} failed to run: ${(error as Error).message}`, { cause: error });
    }
    await sql.query('release savepoint splinter_lint');
    for (const row of rows) findings.push({ lint: lint.id, ...row });
  }
  return findings;
}

/** What a finding is about, e.g. `public.lessons` or `public.complete_lesson(lesson uuid)`. */
export function subject(f: Finding): string {
  const { schema, name, arguments: args } = f.metadata;
  const base = schema ? `${schema}.${name ?? ''}` : String(name ?? '');
  return args === undefined ? base : `${base}(${args})`;
}

/** The allow-list key of a finding: `<lint name>: <subject>`. */
export function findingKey(f: Finding): string {
  return `${f.name}: ${subject(f)}`;
}

/**
 * Whether an allow-list key covers a finding: an exact key, or `<lint name>: <schema>.*` for
 * every object of a schema.
 */
export function allows(key: string, f: Finding): boolean {
  if (key === findingKey(f)) return true;
  const wildcard = /^([a-z_]+): ([a-z_]+)\.\*$/.exec(key);
  return Boolean(wildcard && wildcard[1] === f.name && wildcard[2] === f.metadata.schema);
}

/** One line per finding, with what to do about it. */
export function formatFinding(f: Finding): string {
  return `[${f.level}] ${f.lint}: ${f.detail}\n    fix: ${f.remediation}`;
}
