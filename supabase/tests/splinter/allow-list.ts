/**
 * Findings of Supabase's linter we accept, each with the reason. Keys are `<lint name>: <subject>`
 * (see findingKey in run.ts), or `<lint name>: <schema>.*` for a whole schema. splinter.test.ts fails
 * on an entry that no longer matches anything, so the list cannot rot.
 */
export const ALLOWED: Record<string, string> = {
  'authenticated_security_definer_function_executable: public.enroll_in_free_course(course uuid)':
    'The enrollment RPC: definer so it can write enrollments (no insert grant), callable by authenticated ' +
    'on purpose; it checks the caller (signed in, course published and free) before it writes.',
  'authenticated_security_definer_function_executable: public.complete_lesson(lesson uuid)':
    'The progress RPC: definer so it can write lesson_progress and recompute the enrollment, callable by ' +
    'authenticated on purpose; it checks the caller (signed in, lesson open to them) before it writes.',
  // Learning RPCs (20261124000100): definer so they can write results no request role may write;
  // each checks the caller (enrollment, ownership, course management, admin) before it writes.
  'authenticated_security_definer_function_executable: public.start_quiz_attempt(quiz uuid)':
    'Starts or resumes a quiz attempt for an enrolled learner (attempts have no insert grant).',
  'authenticated_security_definer_function_executable: public.submit_quiz_attempt(attempt uuid, answers jsonb)':
    "Grades the caller's own attempt against answer keys the caller may not read.",
  'authenticated_security_definer_function_executable: public.quiz_attempt_review(attempt uuid)':
    "Reveals an attempt's answers to its learner as the quiz's review policy allows, to course managers always.",
  'authenticated_security_definer_function_executable: public.submit_assignment(assignment uuid, text_content text, files jsonb)':
    "Records an enrolled learner's submission after checking their uploads in storage.objects.",
  'authenticated_security_definer_function_executable: public.grade_submission(submission uuid, points numeric, rubric_marks jsonb, feedback text)':
    "Grades a submission for the course's instructor or an admin, never the submitter.",
  'authenticated_security_definer_function_executable: public.record_video_progress(lesson uuid, position_seconds numeric, duration_seconds numeric)':
    'Records how far the caller watched a video lesson open to them, capped by wall-clock plausibility.',
  'authenticated_security_definer_function_executable: public.verify_certificate(code text)':
    'The public certificate check: a row only for the hash of a real code, minimal data.',
  'anon_security_definer_function_executable: public.verify_certificate(code text)':
    'The public certificate check, for visitors too: a row only for the hash of a real code, minimal data.',
  'authenticated_security_definer_function_executable: public.revoke_certificate(certificate uuid, reason text)':
    'Revokes a certificate for admins only (certificates have no update grant).',
  // Reviews and approval RPCs (20261124000200).
  'authenticated_security_definer_function_executable: public.decide_course_review(course uuid, approve boolean, reason text)':
    'Approves or rejects a course in review for admins only (decisions have no insert grant; it notifies the instructor).',
  'authenticated_security_definer_function_executable: public.instructor_earnings()':
    "Sums the caller's own courses' sales (admins: all) from orders the instructor may not read line by line.",
  'authenticated_security_definer_function_executable: public.instructor_overview()':
    "The instructor dashboard's figures for the caller's own courses (admins: all), from tables they may not read.",
  // Learner names for graders (20261124000300).
  'authenticated_security_definer_function_executable: public.learner_names(learners uuid[])':
    "Display names (never emails) of the learners of the caller's own courses (admins: anyone), from profiles they may not read.",
  // Company learning RPCs (20261125000200): definer so they can write tables no request role writes;
  // each checks the caller (company admin, platform admin, or the invitee) first.
  'authenticated_security_definer_function_executable: public.create_company_group(company uuid, name text)':
    'Creates a group in a company the caller administers (admins: any); 404 for others.',
  'authenticated_security_definer_function_executable: public.rename_company_group(grp uuid, name text)':
    'Renames a group of a company the caller administers (admins: any); 404 for others.',
  'authenticated_security_definer_function_executable: public.delete_company_group(grp uuid)':
    'Deletes a group of a company the caller administers (admins: any); members keep their seats.',
  'authenticated_security_definer_function_executable: public.move_company_members(company uuid, users uuid[], grp uuid)':
    'Moves members of a company the caller administers between its groups.',
  'authenticated_security_definer_function_executable: public.assign_company_learning(company uuid, spec jsonb)':
    'Assigns seats of a company the caller administers, serialised per company so seats stay exact.',
  'authenticated_security_definer_function_executable: public.unassign_company_learning(company uuid, spec jsonb)':
    'Frees seats of a company the caller administers and cancels those company enrollments.',
  'authenticated_security_definer_function_executable: public.remove_company_member(company uuid, member uuid)':
    'Removes a member of a company the caller administers (records kept, seats freed).',
  'authenticated_security_definer_function_executable: public.create_company_invitation(company uuid, email text, grp uuid, name text)':
    'Invites into a company the caller administers; the token is returned once and stored hashed.',
  'authenticated_security_definer_function_executable: public.resend_company_invitation(invitation uuid)':
    'Replaces the token of an open invitation of a company the caller administers.',
  'authenticated_security_definer_function_executable: public.revoke_company_invitation(invitation uuid)':
    'Revokes an open invitation of a company the caller administers, freeing its seats.',
  'authenticated_security_definer_function_executable: public.accept_company_invitation(token text)':
    "The invitee joins: only with a valid, unexpired, unused token made out to the caller's own email.",
  'authenticated_security_definer_function_executable: public.import_company_members(company uuid, rows jsonb, assign jsonb)':
    'Bulk invitations into a company the caller administers (at most 5,000 rows), tokens returned once.',
  'authenticated_security_definer_function_executable: public.company_report(company uuid)':
    'The report of a company the caller administers (admins: any), only for courses the company assigned.',
  'authenticated_security_definer_function_executable: public.admin_add_company_seats(company uuid, course uuid, seats integer, note text)':
    'Platform admins only (403 for others): seats without an order.',
  'authenticated_security_definer_function_executable: public.admin_add_company_admin(company uuid, email text)':
    'Platform admins only (403 for others): makes an account a company admin.',
  // Live Q&A RPCs (20261126000100): definer so they can write tables no request role writes; each
  // checks the caller (a participant of the session, or one of its moderators) first, 404 for others.
  'authenticated_security_definer_function_executable: public.ask_session_question(session uuid, body text)':
    'Asks a question in a session the caller takes part in (not banned, slow mode, pre-moderation).',
  'authenticated_security_definer_function_executable: public.vote_session_question(question uuid, up boolean)':
    "Adds or removes the caller's one vote on a visible question of a session they take part in.",
  'authenticated_security_definer_function_executable: public.moderate_session_question(question uuid, action text, answer text)':
    "Moderates a question for the session's moderators (the course's instructor, admins); 403 for participants.",
  'authenticated_security_definer_function_executable: public.ban_session_user(session uuid, member uuid, reason text)':
    "Bans a user from asking and voting, for the session's moderators only; never a moderator.",
  'authenticated_security_definer_function_executable: public.unban_session_user(session uuid, member uuid)':
    "Lifts a ban, for the session's moderators only.",
  // Shared notes (20261126000200): definer so it writes a table no request role writes.
  'authenticated_security_definer_function_executable: public.set_cohort_note_lock(lesson uuid, locked boolean)':
    "Locks or unlocks a lesson's cohort note, for the course's instructor and admins only (403/404 for others).",
  // FAQ center (20261128000200): definer so it writes a table no request role writes.
  'authenticated_security_definer_function_executable: public.give_faq_feedback(article uuid, helpful boolean, browser_key text)':
    "Records the caller's one helpful/unhelpful vote on a published FAQ article (404 for drafts).",
  'anon_security_definer_function_executable: public.give_faq_feedback(article uuid, helpful boolean, browser_key text)':
    "Records a visitor's one vote per browser key on a published FAQ article (404 for drafts).",
  // People (20261128000100): definer to read auth.users and write what no request role writes;
  // each refuses anyone but a platform admin (403) and audits its change in the same transaction.
  'authenticated_security_definer_function_executable: public.admin_list_users(search text, wanted_role app_role, wanted_status text, page_limit integer, page_offset integer)':
    'Platform admins only (403 for others): the people list with last sign-in from auth.users.',
  'authenticated_security_definer_function_executable: public.admin_set_user_role(target uuid, new_role app_role)':
    'Platform admins only (403 for others): changes a role, never their own admin role; audited.',
  'authenticated_security_definer_function_executable: public.admin_suspend_user(target uuid, reason text)':
    'Platform admins only (403 for others): suspends an account and ends its auth sessions; audited.',
  'authenticated_security_definer_function_executable: public.admin_restore_user(target uuid)':
    'Platform admins only (403 for others): lifts a suspension; audited.',
  // Payouts (20261129000500): definer to read every order line and write what no request role writes.
  'authenticated_security_definer_function_executable: public.payout_earnings(from_day date, to_day date)':
    'Earnings per instructor for a period: admins all, an instructor their own, anyone else 403.',
  'authenticated_security_definer_function_executable: public.admin_record_payout(instructor uuid, from_day date, to_day date, payout_currency text, payout_reference text)':
    'Platform admins only (403 for others): records a paid payout of a closed period; audited.',
  'authenticated_security_definer_function_executable: public.admin_set_revenue_share(instructor uuid, share_bps integer)':
    "Platform admins only (403 for others): the platform's or an instructor's share; audited.",
  // Course moderation (20261129000400): platform admins only (403 for others), each change audited.
  'authenticated_security_definer_function_executable: public.admin_resolve_reports(target_type text, target uuid, action text)':
    'Hides reported content and marks its open reports actioned, or dismisses them (reports have no update grant).',
  'authenticated_security_definer_function_executable: public.admin_feature_courses(courses uuid[], feature boolean)':
    'Features or unfeatures published courses on the homepage within its limit; audited per course.',
  'authenticated_security_definer_function_executable: public.admin_set_course_status(courses uuid[], action text, reason text)':
    "Unpublishes, archives or restores courses and notifies each course's instructor (notifications have no insert grant).",
  'authenticated_security_definer_function_executable: public.admin_delete_category(category uuid, move_to uuid)':
    'Moves the courses of a category to another and deletes it, in one audited step.',
  'authenticated_security_definer_function_executable: public.admin_rename_tag(old_tag text, new_tag text)':
    "Renames or merges a tag across every course, including other instructors' courses.",
  'authenticated_security_definer_function_executable: private.*':
    'RLS helpers: the policies call them as the caller, so the caller must be able to execute them. ' +
    'Schema private is not exposed by the API (supabase/config.toml [api] schemas, checked by ' +
    'splinter.test.ts), so no /rest/v1/rpc route reaches them; each returns only what concerns the caller.',
  'anon_security_definer_function_executable: private.*':
    'RLS helpers of the anon policies (published courses, preview lessons, teaching instructors, is_admin) ' +
    'and the catalog version; schema private is not exposed by the API, and each returns only public facts.',
};

/**
 * INFO-level lints we hold ourselves to as if they were WARN, with the reason. Every other INFO
 * finding is printed but does not fail.
 */
export const ENFORCED_INFO: Record<string, string> = {
  unindexed_foreign_keys: 'Issue 5: every foreign key has an index (a delete on the parent must not scan the child).',
};
