/**
 * Scale notification preferences (docs/notifications.md): one learner in 4 turned the bell off
 * for grades and email on for announcements, one in 10 chose a daily or weekly digest, so the
 * performance guard reads both tables at a realistic size. Set-based and idempotent.
 */
import type { Sql } from '../../edge/db/port.ts';
import type { ScaleShape } from './shape.ts';

export async function seedScaleNotificationPreferences(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `insert into public.notification_preferences (user_id, category, in_app, email)
     select p.id, c.category, c.category <> 'grades', true
     from generate_series(4, $1::int, 4) j
     join public.profiles p on p.id = md5('scale-learner-' || j)::uuid
     cross join (values ('grades'), ('announcements')) as c(category)
     on conflict do nothing`,
    [shape.learners],
  );
  await sql.query(
    `insert into public.notification_settings (user_id, digest)
     select p.id, case when j % 20 = 0 then 'weekly' else 'daily' end
     from generate_series(10, $1::int, 10) j
     join public.profiles p on p.id = md5('scale-learner-' || j)::uuid
     on conflict do nothing`,
    [shape.learners],
  );
}
