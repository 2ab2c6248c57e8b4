import type { HostDatabase } from '../../server/db/types.ts';
import { LIVE_SESSION, USER } from './fixtures.ts';

/**
 * The live Q&A part of the RLS matrix's fixtures (migration 20261126000100), on the free course's
 * session: the student's visible question (one vote, the other student's), the other student's
 * pending question, the employee's hidden question, and the employee banned by the instructor.
 * Rows are the owner's, with fixed ids; the broadcasts their triggers send are cleared, so the
 * fixtures leave no realtime messages behind. live-qa.test.ts covers the functions.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const SESSION_QUESTION = {
  studentVisible: id(80, 1),
  otherStudentPending: id(80, 2),
  employeeHidden: id(80, 3),
};

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedLiveFixtures(db: HostDatabase): Promise<void> {
  const session = q(LIVE_SESSION.free);
  await db.runScript(`
    insert into public.session_questions (id, session_id, author_id, body, status) values
      (${q(SESSION_QUESTION.studentVisible)}, ${session}, ${q(USER.student)}, 'What is a closure?', 'visible'),
      (${q(SESSION_QUESTION.otherStudentPending)}, ${session}, ${q(USER.otherStudent)}, 'Is the exam open book?', 'pending'),
      (${q(SESSION_QUESTION.employeeHidden)}, ${session}, ${q(USER.employee)}, 'Buy cheap watches', 'hidden');
    insert into public.session_votes (question_id, user_id) values
      (${q(SESSION_QUESTION.studentVisible)}, ${q(USER.otherStudent)});
    insert into public.session_bans (session_id, user_id, banned_by, reason) values
      (${session}, ${q(USER.employee)}, ${q(USER.instructor)}, 'spam');
    delete from realtime.messages where topic like 'session%' or event = 'session_ban';
  `);
}
