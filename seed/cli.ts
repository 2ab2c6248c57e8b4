/**
 * `npm run seed`: migrates the database the host would use (DATABASE_URL, or PGlite in
 * DATA_DIR) and writes the demo data. Safe to run again: it changes nothing the second time.
 * Refuses while a running server holds the PGlite data dir (stop it first).
 */
import { migrate } from '../server/db/migrate.ts';
import { openHostDatabase } from '../server/db/open.ts';
import { parseEnv } from '../server/env.ts';
import { formatDemoAccounts, seed } from './seed.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const env = parseEnv();
  const db = await openHostDatabase(env);
  try {
    const applied = await migrate(db);
    if (applied.length) out(`applied ${applied.length} migration(s)`);
    const s = await seed(db, { onProgress: (step, done, total) => out(`seeding [${done}/${total}] ${step}…`) });
    out('');
    out(
      `seeded in ${(s.ms / 1000).toFixed(1)} s: ${s.accounts} accounts (${s.accountsCreated} new), ` +
        `${s.instructors} instructors, ${s.categories} categories, ${s.publishedCourses} published and ` +
        `${s.unpublishedCourses} unpublished courses, ${s.sections} sections, ${s.lessons} lessons, ` +
        `${s.enrollments} enrolments (${s.completedLessons} lessons completed)`,
    );
    if (s.skippedCourses.length) {
      out(`skipped (the slug belongs to a course that is not demo data): ${s.skippedCourses.join(', ')}`);
    }
    out('');
    for (const line of formatDemoAccounts(s.demoAccounts)) out(line);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
