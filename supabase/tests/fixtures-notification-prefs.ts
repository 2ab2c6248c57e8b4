import type { HostDatabase } from '../../server/db/types.ts';
import { USER } from './fixtures.ts';

/**
 * The notification preferences part of the RLS matrix's fixtures (migration 20261129000200):
 * the student wants announcement mail and a weekly digest; the other student wants no live
 * session mail. None of them hides a bell row, so the other fixtures' notifications stay as
 * they are. Rows are the owner's.
 */

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedNotificationPrefFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.notification_preferences (user_id, category, in_app, email) values
      (${q(USER.student)}, 'announcements', true, true),
      (${q(USER.otherStudent)}, 'live', true, false);
    insert into public.notification_settings (user_id, digest) values (${q(USER.student)}, 'weekly');
  `);
}
