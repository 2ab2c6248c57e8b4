-- Policies that scale: set-based helpers computed once per statement, one permissive policy per
-- role and verb, and an index on every column a policy or a foreign key uses.
--
-- Why: a helper given a column of the row as its argument (as the landed policies did)
-- is a correlated subplan, so it runs once per row however it is wrapped; several permissive
-- policies for one role are all evaluated for every row. Here each helper returns the set of ids
-- the caller may see (no argument, security definer, stable), and a policy tests
-- `col in (select private.x_ids())`: the planner runs the helper once per statement and probes a
-- hash of its result per row (a hashed SubPlan). Admins are a separate `(select private.is_admin())`
-- term (an InitPlan, also once per statement), first in each `or` so it short-circuits for them.
-- The semantics are unchanged: supabase/tests/rls-matrix.test.ts is the spec.

-- ---------------------------------------------------------------------------
-- Indexes on foreign keys and policy columns that had none (splinter 0001).

create index lesson_progress_lesson_idx on public.lesson_progress (lesson_id);
create index lesson_progress_course_idx on public.lesson_progress (course_id);
create index enrollments_last_lesson_idx on public.enrollments (last_lesson_id);
-- The public previews of published courses: what anon reads in lesson_contents.
create index lessons_preview_idx on public.lessons (course_id) where is_preview and status = 'published';

-- ---------------------------------------------------------------------------
-- Set-based helpers: security definer (they read tables whose RLS would hide the rows they
-- need), stable, empty search_path, execute granted one by one to the roles whose policies
-- call them.

-- Courses anyone may see the curriculum of.
create function private.published_course_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id from public.courses c where c.status = 'published'
$$;

-- Instructor cards with at least one published course (anyone reads those).
create function private.teaching_instructor_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct c.instructor_id from public.courses c where c.status = 'published'
$$;

-- Published preview lessons of published courses: their content is public.
create function private.preview_lesson_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select l.id
  from public.lessons l
  join public.courses c on c.id = l.course_id and c.status = 'published'
  where l.is_preview and l.status = 'published'
$$;

-- Courses the caller owns (through their instructor card). Admins are checked apart.
create function private.my_managed_course_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id
  from public.instructors i
  join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
$$;

-- Lessons of the courses the caller owns.
create function private.my_managed_lesson_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select l.id
  from public.instructors i
  join public.courses c on c.instructor_id = i.id
  join public.lessons l on l.course_id = c.id
  where i.user_id = (select auth.uid())
$$;

-- Lessons open to the caller: the drip rules of private.lesson_is_open_to_me, as a set.
-- Published lesson of a published course, an enrollment that is not cancelled, and the drip
-- date (absolute, or days after the enrollment) passed.
create function private.my_open_lesson_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select l.id
  from public.enrollments e
  join public.courses c on c.id = e.course_id and c.status = 'published'
  join public.lessons l on l.course_id = e.course_id
  where e.user_id = (select auth.uid())
    and e.status <> 'cancelled'
    and l.status = 'published'
    and (l.drip_available_at is null or l.drip_available_at <= now())
    and (l.drip_days_after_enrollment is null
         or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
$$;

-- Companies the caller belongs to, and those they administer.
create function private.my_company_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.company_id from public.company_members m where m.user_id = (select auth.uid())
$$;

create function private.my_admin_company_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.company_id from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
$$;

-- Users in the companies the caller administers (themselves included).
create function private.my_company_learner_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct m.user_id
  from public.company_members me
  join public.company_members m on m.company_id = me.company_id
  where me.user_id = (select auth.uid()) and me.role = 'admin'
$$;

grant execute on function private.published_course_ids() to anon, authenticated;
grant execute on function private.teaching_instructor_ids() to anon, authenticated;
grant execute on function private.preview_lesson_ids() to anon, authenticated;
grant execute on function private.my_managed_course_ids() to authenticated;
grant execute on function private.my_managed_lesson_ids() to authenticated;
grant execute on function private.my_open_lesson_ids() to authenticated;
grant execute on function private.my_company_ids() to authenticated;
grant execute on function private.my_admin_company_ids() to authenticated;
grant execute on function private.my_company_learner_ids() to authenticated;

-- ---------------------------------------------------------------------------
-- profiles (authenticated only: anon has no grant)

drop policy "users read their own profile; admins read all" on public.profiles;
drop policy "company admins read their members' profiles" on public.profiles;
create policy "users read own profile, company admins members', admins all"
  on public.profiles for select to authenticated
  using (
    (select private.is_admin())
    or id = (select auth.uid())
    or id in (select private.my_company_learner_ids())
  );

-- ---------------------------------------------------------------------------
-- instructors

drop policy "instructors read their own card; admins read all" on public.instructors;
drop policy "anyone reads the cards of instructors with a published course" on public.instructors;
create policy "visitors read the cards of instructors with a published course"
  on public.instructors for select to anon
  using (id in (select private.teaching_instructor_ids()));
create policy "users read teaching instructors' cards and their own"
  on public.instructors for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or id in (select private.teaching_instructor_ids())
  );

-- ---------------------------------------------------------------------------
-- companies

drop policy "members read their company; admins read all" on public.companies;
create policy "members read their company; admins read all"
  on public.companies for select to authenticated
  using ((select private.is_admin()) or id in (select private.my_company_ids()));

drop policy "company admins and admins update a company" on public.companies;
create policy "company admins and admins update a company"
  on public.companies for update to authenticated
  using ((select private.is_admin()) or id in (select private.my_admin_company_ids()))
  with check ((select private.is_admin()) or id in (select private.my_admin_company_ids()));

-- ---------------------------------------------------------------------------
-- company_members

drop policy "members read their own membership; company admins read their company" on public.company_members;
create policy "members read own membership, company admins their company's"
  on public.company_members for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or company_id in (select private.my_admin_company_ids())
  );

-- ---------------------------------------------------------------------------
-- categories

drop policy "anyone reads active categories; admins read all" on public.categories;
create policy "visitors read active categories"
  on public.categories for select to anon
  using (is_active);
create policy "users read active categories; admins read all"
  on public.categories for select to authenticated
  using (is_active or (select private.is_admin()));

-- ---------------------------------------------------------------------------
-- courses

drop policy "anyone reads published courses" on public.courses;
drop policy "instructors read their own courses; admins read all" on public.courses;
create policy "visitors read published courses"
  on public.courses for select to anon
  using (status = 'published');
create policy "users read published courses, instructors their own, admins all"
  on public.courses for select to authenticated
  using (
    status = 'published'
    or (select private.is_admin())
    or instructor_id = (select private.my_instructor_id())
  );

-- ---------------------------------------------------------------------------
-- sections

drop policy "anyone reads sections of published courses; managers read their own" on public.sections;
drop policy "course managers create sections" on public.sections;
drop policy "course managers update sections" on public.sections;
drop policy "course managers delete sections" on public.sections;
create policy "visitors read sections of published courses"
  on public.sections for select to anon
  using (course_id in (select private.published_course_ids()));
create policy "users read published courses' sections, managers their own"
  on public.sections for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.published_course_ids())
    or course_id in (select private.my_managed_course_ids())
  );
create policy "course managers create sections"
  on public.sections for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update sections"
  on public.sections for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete sections"
  on public.sections for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- ---------------------------------------------------------------------------
-- lessons

drop policy "anyone reads published lessons of published courses; managers read their own" on public.lessons;
drop policy "course managers create lessons" on public.lessons;
drop policy "course managers update lessons" on public.lessons;
drop policy "course managers delete lessons" on public.lessons;
create policy "visitors read published lessons of published courses"
  on public.lessons for select to anon
  using (status = 'published' and course_id in (select private.published_course_ids()));
create policy "users read published lessons, course managers their own"
  on public.lessons for select to authenticated
  using (
    (select private.is_admin())
    or (status = 'published' and course_id in (select private.published_course_ids()))
    or course_id in (select private.my_managed_course_ids())
  );
create policy "course managers create lessons"
  on public.lessons for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update lessons"
  on public.lessons for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete lessons"
  on public.lessons for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- ---------------------------------------------------------------------------
-- lesson_contents

drop policy "anyone reads preview lessons' content" on public.lesson_contents;
drop policy "enrolled learners read content of lessons open to them" on public.lesson_contents;
drop policy "course managers read their lessons' content" on public.lesson_contents;
drop policy "course managers create lesson content" on public.lesson_contents;
drop policy "course managers update lesson content" on public.lesson_contents;
drop policy "course managers delete lesson content" on public.lesson_contents;
create policy "visitors read preview lessons' content"
  on public.lesson_contents for select to anon
  using (lesson_id in (select private.preview_lesson_ids()));
create policy "users read previews, open lessons and their own lessons"
  on public.lesson_contents for select to authenticated
  using (
    (select private.is_admin())
    or lesson_id in (select private.preview_lesson_ids())
    or lesson_id in (select private.my_open_lesson_ids())
    or lesson_id in (select private.my_managed_lesson_ids())
  );
create policy "course managers create lesson content"
  on public.lesson_contents for insert to authenticated
  with check ((select private.is_admin()) or lesson_id in (select private.my_managed_lesson_ids()));
create policy "course managers update lesson content"
  on public.lesson_contents for update to authenticated
  using ((select private.is_admin()) or lesson_id in (select private.my_managed_lesson_ids()))
  with check ((select private.is_admin()) or lesson_id in (select private.my_managed_lesson_ids()));
create policy "course managers delete lesson content"
  on public.lesson_contents for delete to authenticated
  using ((select private.is_admin()) or lesson_id in (select private.my_managed_lesson_ids()));

-- ---------------------------------------------------------------------------
-- enrollments and lesson_progress: learners their own, managers their courses', company admins
-- their members', admins all.

drop policy "learners read their enrolments; course managers read their courses'" on public.enrollments;
drop policy "company admins read their employees' enrolments" on public.enrollments;
create policy "users read own enrollments, managers and company admins theirs"
  on public.enrollments for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
    or user_id in (select private.my_company_learner_ids())
  );

drop policy "learners read their progress; course managers read their courses'" on public.lesson_progress;
drop policy "company admins read their employees' progress" on public.lesson_progress;
create policy "users read own progress, managers and company admins theirs"
  on public.lesson_progress for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
    or user_id in (select private.my_company_learner_ids())
  );

-- ---------------------------------------------------------------------------
-- Per-row helpers nothing calls any more. Kept: private.lesson_is_open_to_me (complete_lesson
-- and the player's and dashboard's queries in edge/ call it for one lesson at a time),
-- is_admin, current_role_is and my_instructor_id (scalar, once per statement).

drop function private.is_enrolled(uuid);
drop function private.lesson_is_public_preview(uuid);
drop function private.lesson_course(uuid);
drop function private.can_manage_course(uuid);
drop function private.owns_course(uuid);
drop function private.course_is_published(uuid);
drop function private.is_company_admin(uuid);
drop function private.is_company_member(uuid);
