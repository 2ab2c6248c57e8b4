/** What the seed's steps share during one run. */
import type { Sql } from '../../edge/db/port.ts';

export interface SeedContext {
  /** The clock for relative dates (published_at, enrolled_at). */
  readonly now: Date;
  /** The demo password's bcrypt hash, computed at most once per run and only when asked. */
  readonly hash: () => Promise<string>;
  /** The admin's password hash: the demo password's, or a generated one's in production. */
  readonly adminHash: () => Promise<string>;
  /** Demo account ids by lower-cased email (filled by the accounts step). */
  readonly userIds: Map<string, string>;
  /** Instructor ids by the instructor's email (filled by the instructors step). */
  readonly instructorIds: Map<string, string>;
  /** Accounts this run created. */
  accountsCreated: number;
  /** Demo courses not written because a user's course already holds the slug. */
  skippedCourses: string[];
  /** The embedded storage's root (object bytes on disk), when the seed may write objects. */
  readonly storageRoot?: string;
}

/** One seed step; the orchestrator runs each in its own transaction, as the owner. */
export type SeedStep = (sql: Sql, ctx: SeedContext) => Promise<void>;
