/**
 * Open reports in the admin's reported-content queue (/admin/reports, docs/admin.md): two
 * community reviewers report reviews of the SQL course (spam, off-topic). Written as the owner with
 * stable ids and `on conflict do nothing`: a report an admin resolved stays resolved on the next
 * run. Reviews a user hid or removed are skipped.
 */
import { REVIEWERS } from '../data/reviews.ts';
import { seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';

/** The course whose reviews are reported (not the one the end-to-end tests report). */
export const REPORTED_COURSE = 'sql-for-analysts';

const REPORTS = [
  { reason: 'spam', note: 'Reads like an advert for another site.', daysAgo: 2 },
  { reason: 'off_topic', note: 'About a different course.', daysAgo: 1 },
] as const;

export const seedReports: SeedStep = async (sql, ctx) => {
  const reviews = await sql.query<{ id: string; user_id: string }>(
    `select r.id, r.user_id from public.reviews r join public.courses c on c.id = r.course_id
      where c.slug = $1 and not r.is_hidden order by r.created_at, r.id limit ${REPORTS.length}`,
    [REPORTED_COURSE],
  );
  const reviewers = await sql.query<{ id: string; email: string }>(
    'select id, lower(email) as email from public.profiles where lower(email) = any($1::text[]) order by email',
    [REVIEWERS.map((r) => r.email.toLowerCase())],
  );
  for (const [i, review] of reviews.entries()) {
    const others = reviewers.filter((r) => r.id !== review.user_id);
    const reporter = others[(i * 2) % Math.max(others.length, 1)];
    const report = REPORTS[i]!;
    if (!reporter) continue;
    await sql.query(
      `insert into public.content_reports (id, reporter_id, target_type, target_id, reason, note, created_at)
       values ($1, $2, 'review', $3, $4, $5, $6)
       on conflict do nothing`,
      [
        seedId(`report:${reporter.email}:${review.id}`),
        reporter.id,
        review.id,
        report.reason,
        report.note,
        new Date(ctx.now.getTime() - report.daysAgo * DAY),
      ],
    );
  }
};
