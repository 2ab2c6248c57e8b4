import type { HostDatabase } from '../../server/db/types.ts';
import { BUNDLE, COURSE, USER } from './fixtures.ts';

/**
 * The reviews part of the RLS matrix's fixtures, written as the owner, as the seed writes them (the
 * reviews' triggers keep the free course's rating figures):
 * - the student's 5-star review of the free course, with the instructor's reply, and the other
 *   student's 1-star review of it, hidden by an admin (so the free course counts 1 rating: 5.00);
 * - FAQ: two entries on the free course, one on the draft course;
 * - an admin's earlier rejection of the draft course;
 * - the published bundle is open to instructors (the draft bundle is not).
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const REVIEW = { student: id(60, 1), otherHidden: id(60, 2) };
export const FAQ = { freeFirst: id(61, 1), freeSecond: id(61, 2), draft: id(61, 3) };
export const DECISION = { draftRejected: id(62, 1) };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedReviewFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.reviews (id, course_id, user_id, rating, comment, instructor_reply) values
      (${q(REVIEW.student)}, ${q(COURSE.free)}, ${q(USER.student)}, 5, 'Clear and practical.', 'Thank you!');
    insert into public.reviews (id, course_id, user_id, rating, comment, is_hidden) values
      (${q(REVIEW.otherHidden)}, ${q(COURSE.free)}, ${q(USER.otherStudent)}, 1, 'Buy followers at spam.example', true);

    insert into public.course_faqs (id, course_id, question, answer, position) values
      (${q(FAQ.freeFirst)}, ${q(COURSE.free)}, 'Is it really free?', 'Yes, **forever**.', 1),
      (${q(FAQ.freeSecond)}, ${q(COURSE.free)}, 'Do I get a certificate?', 'When you complete every lesson.', 2),
      (${q(FAQ.draft)}, ${q(COURSE.draft)}, 'When does it open?', 'Soon.', 1);

    insert into public.course_review_decisions (id, course_id, decided_by, decision, reason) values
      (${q(DECISION.draftRejected)}, ${q(COURSE.draft)}, ${q(USER.admin)}, 'rejected', 'Add a second section.');

    update public.bundles set open_to_instructors = true where id = ${q(BUNDLE.published)};
  `);
}
