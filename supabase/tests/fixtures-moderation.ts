import type { HostDatabase } from '../../server/db/types.ts';
import { USER } from './fixtures.ts';
import { REVIEW } from './fixtures-reviews.ts';

/**
 * The reported-content part of the RLS matrix's fixtures (migration 20261129000400), written as
 * the owner: the other student's open spam report of the student's review, and the student's
 * report of the other student's (hidden) review, dismissed by the admin.
 * course-moderation.test.ts covers the functions.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const REPORT = { otherStudentOpen: id(130, 1), studentDismissed: id(130, 2) };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedModerationFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.content_reports (id, reporter_id, target_type, target_id, reason, note) values
      (${q(REPORT.otherStudentOpen)}, ${q(USER.otherStudent)}, 'review', ${q(REVIEW.student)}, 'spam', '');
    insert into public.content_reports
      (id, reporter_id, target_type, target_id, reason, note, status, resolved_by, resolved_at) values
      (${q(REPORT.studentDismissed)}, ${q(USER.student)}, 'review', ${q(REVIEW.otherHidden)}, 'other', 'Rude',
       'dismissed', ${q(USER.admin)}, now());
  `);
}
