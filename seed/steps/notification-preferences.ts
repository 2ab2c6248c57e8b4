import type { SeedStep } from './context.ts';

/**
 * Notification preferences (docs/notifications.md): the demo student also wants announcements by
 * email and a weekly digest (the last one counted as sent now, so the first comes a week later);
 * Maya (an instructor) wants no live session mail. Added once: a user's own choices survive a
 * second run.
 *
 * The notifications earlier steps wrote are history, not news: their mail requests (welcome,
 * certificate, grade...) are marked handled here, so a fresh demo does not mail its accounts.
 */
export const seedNotificationPreferences: SeedStep = async (sql, ctx) => {
  const student = ctx.userIds.get('student@demo.test');
  const maya = ctx.userIds.get('maya@demo.test');
  if (student) {
    await sql.query(
      `insert into public.notification_preferences (user_id, category, in_app, email)
       values ($1, 'announcements', true, true) on conflict do nothing`,
      [student],
    );
    await sql.query(
      `insert into public.notification_settings (user_id, digest) values ($1, 'weekly') on conflict do nothing`,
      [student],
    );
    await sql.query(
      `insert into private.notification_digests (user_id, last_sent_at) values ($1, $2) on conflict do nothing`,
      [student, ctx.now],
    );
  }
  if (maya) {
    await sql.query(
      `insert into public.notification_preferences (user_id, category, in_app, email)
       values ($1, 'live', true, false) on conflict do nothing`,
      [maya],
    );
  }
  // Demo accounts (and the community reviewers) all have addresses under demo.test.
  await sql.query(
    `update private.mail_requests r set queued_at = now()
     from auth.users u
     where r.queued_at is null and u.id = r.user_id and lower(u.email) like '%demo.test'`,
  );
};
