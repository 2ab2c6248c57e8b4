/**
 * `npm run seed`: migrates the database the host would use (DATABASE_URL, or PGlite in
 * DATA_DIR) and writes the demo data. Safe to run again: it changes nothing the second time.
 * Refuses while a running server holds the PGlite data dir (stop it first).
 *
 * `npm run seed -- --scale N` then also writes the scale fixture (seed/scale.ts; N = 100 gives
 * about 1,500 courses, 20,000 learners and 200,000 progress rows), just as idempotently.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { privateDataDir } from '../server/data-dir.ts';
import { migrate } from '../server/db/migrate.ts';
import { openHostDatabase } from '../server/db/open.ts';
import { parseEnv } from '../server/env.ts';
import { storageRootOf } from '../server/storage/app.ts';
import { parseSeedArgs } from './cli-args.ts';
import { seedScale } from './scale.ts';
import { formatDemoAccounts, isSeeded, seed } from './seed.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const args = parseSeedArgs(process.argv.slice(2));
  const env = parseEnv();
  privateDataDir(resolve(env.DATA_DIR)); // the data dir is the owner's alone (server/data-dir.ts)
  const db = await openHostDatabase(env);
  try {
    const applied = await migrate(db);
    if (applied.length) out(`applied ${applied.length} migration(s)`);
    // In production the admin gets a generated password, as on the host's first start (server/main.ts).
    const production = env.NODE_ENV === 'production';
    const adminPassword = production && !(await isSeeded(db)) ? randomBytes(18).toString('base64url') : undefined;
    const s = await seed(db, {
      adminPassword,
      storageRoot: storageRootOf(env),
      onProgress: (step, done, total) => out(`seeding [${done}/${total}] ${step}…`),
    });
    out('');
    out(
      `seeded in ${(s.ms / 1000).toFixed(1)} s: ${s.accounts} accounts (${s.accountsCreated} new), ` +
        `${s.instructors} instructors, ${s.categories} categories, ${s.publishedCourses} published and ` +
        `${s.unpublishedCourses} unpublished courses, ${s.sections} sections, ${s.lessons} lessons, ` +
        `${s.enrollments} enrollments (${s.completedLessons} lessons completed)`,
    );
    if (s.skippedCourses.length) {
      out(`skipped (the slug belongs to a course that is not demo data): ${s.skippedCourses.join(', ')}`);
    }
    if (args.scale !== undefined) {
      out('');
      out(`scale fixture, N = ${args.scale}:`);
      // Each step is printed when it ends, with its time.
      let current: { line: string; started: number } | undefined;
      const finish = () => current && out(`  ${current.line} ${((Date.now() - current.started) / 1000).toFixed(1)} s`);
      const k = await seedScale(db, {
        scale: args.scale,
        onProgress: (step, done, total) => {
          finish();
          current = { line: `[${done}/${total}] ${step}`, started: Date.now() };
        },
      });
      finish();
      out(
        `scale fixture (N = ${k.scale}) in ${(k.ms / 1000).toFixed(1)} s: ${k.courses} courses ` +
          `(${k.publishedCourses} published), ${k.sections} sections, ${k.lessons} lessons, ${k.learners} learners, ` +
          `${k.instructors} instructors, ${k.enrollments} enrollments, ${k.progressRows} progress rows, ` +
          `${k.companies} companies (${k.companyMembers} members). Scale accounts cannot sign in (no password).`,
      );
    }
    out('');
    if (!production) for (const line of formatDemoAccounts(s.demoAccounts)) out(line);
    else if (adminPassword) out(`Admin account admin@demo.test, password (shown once, change it): ${adminPassword}`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
