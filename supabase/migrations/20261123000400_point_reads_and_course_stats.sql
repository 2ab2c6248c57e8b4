-- Point reads that stay point reads, and course statistics kept on the course.
--
-- 1. Policies. The set-based helpers of 20261123000100 (`col in (select private.x_ids())`) run
--    once per statement, which keeps scans flat, but a function's result is opaque to the
--    planner: reading one lesson still builds the id of every published course (1,290 at the
--    scale fixture) or every preview lesson (1,715) and probes a hash of them, 4-5 ms for a
--    read that takes 0.02 ms as the owner. Where the set is large and public (published
--    courses, preview lessons, teaching instructors) the policies now test the row itself:
--    - lessons carry `course_published`, kept from courses.status by triggers (below), so
--      "a published lesson of a published course" is a predicate on the row, no subquery;
--    - sections, preview content and instructor cards use
--      `exists (select 1 from <table> where <indexed column> = <row column> and ...)`. The
--      planner sees through an `exists`: inside an `or` it plans both a hashed subplan (built
--      once, for scans) and an index probe (for reads of a few rows) and keeps the cheaper for
--      the estimated row count. It is never a helper taking a column of the row. The table it
--      reads is read as the caller, under its own policies: courses' and lessons' are
--      predicates on the row, so nothing nests a second subquery (lesson_contents reads
--      lessons, whose policy no longer reads courses: with it, every preview lesson probed
--      courses once, a per-row subplan inside the hashed one).
--    The sets that are small and the caller's own (managed courses and lessons, open lessons,
--    companies) keep their set-based helpers, now in plpgsql (see below).
--    The semantics are unchanged: supabase/tests/rls-matrix.test.ts is the spec.
--
-- 2. Course statistics. The catalog card shows each course's lesson count and duration
--    (published lessons); the list computed them with a lateral aggregate per course, 1,290
--    loops and most of the list's 22 ms at the scale fixture. They are now columns of
--    public.courses, kept by a statement-level trigger on lessons (one update of the courses a
--    statement touched, whatever number of lessons it wrote) and backfilled here. Like
--    enrollment_count, no request writes them: no column grant.

-- ---------------------------------------------------------------------------
-- Whether a lesson's course is published, on the lesson. Requests may insert and update lessons
-- (table grants), so a before trigger sets it on every insert and update, whatever was sent;
-- a change of a course's status rewrites its lessons'. Definer: the caller may not see the course.

alter table public.lessons add column course_published boolean not null default false;
comment on column public.lessons.course_published is
  'Whether the course is published (courses.status), kept by triggers for the read policies; never taken from a request.';

create function private.set_lesson_course_published() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.course_published := exists (
    select 1 from public.courses c where c.id = new.course_id and c.status = 'published'
  );
  return new;
end
$$;
create trigger lessons_set_course_published before insert or update on public.lessons
  for each row execute function private.set_lesson_course_published();

-- Row-level, only when the status moves: a publish rewrites that course's lessons (lessons_course_idx).
create function private.sync_lessons_course_published() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.lessons l set course_published = (new.status = 'published')
    where l.course_id = new.id and l.course_published is distinct from (new.status = 'published');
  return null;
end
$$;
create trigger courses_sync_lessons_course_published after update of status on public.courses
  for each row when (old.status is distinct from new.status)
  execute function private.sync_lessons_course_published();
revoke execute on function private.set_lesson_course_published() from public;
revoke execute on function private.sync_lessons_course_published() from public;

update public.lessons l set course_published = true
  from public.courses c where c.id = l.course_id and c.status = 'published';

-- ---------------------------------------------------------------------------
-- 1. Policies

-- Published courses' curriculum: anon and authenticated. courses_pkey probes for one row.
drop policy "visitors read sections of published courses" on public.sections;
create policy "visitors read sections of published courses"
  on public.sections for select to anon
  using (exists (select 1 from public.courses c where c.id = sections.course_id and c.status = 'published'));

drop policy "users read published courses' sections, managers their own" on public.sections;
create policy "users read published courses' sections, managers their own"
  on public.sections for select to authenticated
  using (
    (select private.is_admin())
    or exists (select 1 from public.courses c where c.id = sections.course_id and c.status = 'published')
    or course_id in (select private.my_managed_course_ids())
  );

drop policy "visitors read published lessons of published courses" on public.lessons;
create policy "visitors read published lessons of published courses"
  on public.lessons for select to anon
  using (status = 'published' and course_published);

drop policy "users read published lessons, course managers their own" on public.lessons;
create policy "users read published lessons, course managers their own"
  on public.lessons for select to authenticated
  using (
    (select private.is_admin())
    or (status = 'published' and course_published)
    or course_id in (select private.my_managed_course_ids())
  );

-- Preview content: the lesson by its primary key (lessons_pkey; lessons_preview_idx for scans).
drop policy "visitors read preview lessons' content" on public.lesson_contents;
create policy "visitors read preview lessons' content"
  on public.lesson_contents for select to anon
  using (exists (
    select 1 from public.lessons l
    where l.id = lesson_contents.lesson_id and l.is_preview and l.status = 'published' and l.course_published
  ));

drop policy "users read previews, open lessons and their own lessons" on public.lesson_contents;
create policy "users read previews, open lessons and their own lessons"
  on public.lesson_contents for select to authenticated
  using (
    (select private.is_admin())
    or exists (
      select 1 from public.lessons l
      where l.id = lesson_contents.lesson_id and l.is_preview and l.status = 'published' and l.course_published
    )
    or lesson_id in (select private.my_open_lesson_ids())
    or lesson_id in (select private.my_managed_lesson_ids())
  );

-- Instructor cards: a published course of theirs. The partial index answers that in one probe
-- (with courses_instructor_idx alone the planner ANDs it with the 1,290 entries of the status index).
create index courses_instructor_published_idx on public.courses (instructor_id) where status = 'published';
drop policy "visitors read the cards of instructors with a published course" on public.instructors;
create policy "visitors read the cards of instructors with a published course"
  on public.instructors for select to anon
  using (exists (select 1 from public.courses c where c.instructor_id = instructors.id and c.status = 'published'));

drop policy "users read teaching instructors' cards and their own" on public.instructors;
create policy "users read teaching instructors' cards and their own"
  on public.instructors for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or exists (select 1 from public.courses c where c.instructor_id = instructors.id and c.status = 'published')
  );

-- private.published_course_ids(), private.teaching_instructor_ids() and private.preview_lesson_ids()
-- stay (a later policy may want the set) but no policy calls them now.

-- ---------------------------------------------------------------------------
-- The helpers every authenticated read calls, in plpgsql. A security definer SQL function is
-- never inlined, and PostgreSQL (before 18) plans its body again in every statement that calls
-- it: private.is_admin() cost 0.3 ms a call, and a point read calls it once per policy it
-- crosses. plpgsql keeps each statement's plan for the session (a pooled connection serves
-- thousands of requests), 0.07 ms a call. Same signatures, same queries, same results.

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles p where p.id = (select auth.uid()) and p.role = 'admin'::public.app_role
  );
end
$$;

create or replace function private.my_instructor_id() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select i.id from public.instructors i where i.user_id = (select auth.uid()));
end
$$;

create or replace function private.my_managed_course_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select c.id
    from public.instructors i
    join public.courses c on c.instructor_id = i.id
    where i.user_id = (select auth.uid());
end
$$;

create or replace function private.my_managed_lesson_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select l.id
    from public.instructors i
    join public.courses c on c.instructor_id = i.id
    join public.lessons l on l.course_id = c.id
    where i.user_id = (select auth.uid());
end
$$;

create or replace function private.my_open_lesson_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select l.id
    from public.enrollments e
    join public.courses c on c.id = e.course_id and c.status = 'published'
    join public.lessons l on l.course_id = e.course_id
    where e.user_id = (select auth.uid())
      and e.status <> 'cancelled'
      and l.status = 'published'
      and (l.drip_available_at is null or l.drip_available_at <= now())
      and (l.drip_days_after_enrollment is null
           or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now());
end
$$;

create or replace function private.my_company_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select m.company_id from public.company_members m where m.user_id = (select auth.uid());
end
$$;

create or replace function private.my_admin_company_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select m.company_id from public.company_members m
    where m.user_id = (select auth.uid()) and m.role = 'admin';
end
$$;

create or replace function private.my_company_learner_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select distinct m.user_id
    from public.company_members me
    join public.company_members m on m.company_id = me.company_id
    where me.user_id = (select auth.uid()) and me.role = 'admin';
end
$$;

-- complete_lesson asks it for one lesson (the player and the dashboard read private.my_open_lesson_ids()).
create or replace function private.lesson_is_open_to_me(lesson uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.lessons l
    join public.courses c on c.id = l.course_id and c.status = 'published'
    join public.enrollments e on e.course_id = l.course_id
      and e.user_id = (select auth.uid()) and e.status <> 'cancelled'
    where l.id = lesson
      and l.status = 'published'
      and (l.drip_available_at is null or l.drip_available_at <= now())
      and (l.drip_days_after_enrollment is null
           or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
  );
end
$$;
-- create or replace keeps each function's grants (and PUBLIC's revoked execute).

-- ---------------------------------------------------------------------------
-- 2. Course statistics

alter table public.courses
  add column lesson_count integer not null default 0 check (lesson_count >= 0),
  add column duration_minutes integer not null default 0 check (duration_minutes >= 0);
comment on column public.courses.lesson_count is
  'Published lessons of the course; kept by private.refresh_course_lesson_stats, never written by a request.';
comment on column public.courses.duration_minutes is
  'Sum of the published lessons'' duration_minutes; kept like lesson_count.';

-- A change of the statistics is a change of lessons, and those bump the catalog version already
-- (lessons_bump_catalog_version): the course update that follows must not bump it a second time.
-- As in 20261123000200, otherwise.
create or replace function private.bump_catalog_version_on_course_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (
    select to_jsonb(n) - '{enrollment_count,lesson_count,duration_minutes,updated_at}'::text[] from new_courses n
    except
    select to_jsonb(o) - '{enrollment_count,lesson_count,duration_minutes,updated_at}'::text[] from old_courses o
  ) then
    update private.catalog_revision set version = version + 1, changed_at = now() where id;
  end if;
  return null;
end
$$;
revoke execute on function private.bump_catalog_version_on_course_update() from public;

-- Recounts the courses a statement on lessons touched (both sides of a lesson moved between
-- courses), from the lessons_course_idx index, and writes only those whose figures changed.
-- Statement-level with transition tables: one update for a bulk import. Definer: an instructor
-- editing lessons has no grant on these columns. Each trigger below has only the transition
-- tables of its event, and plpgsql plans a statement when it first runs, so each branch reads
-- only the tables its event has.
create function private.refresh_course_lesson_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  touched uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct n.course_id) into touched from new_lessons n;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct o.course_id) into touched from old_lessons o;
  else
    select array_agg(distinct t.course_id) into touched
    from (select n.course_id from new_lessons n union select o.course_id from old_lessons o) t;
  end if;
  if touched is null then
    return null;
  end if;
  update public.courses c
    set lesson_count = s.lesson_count, duration_minutes = s.duration_minutes
    from (
      select t.id,
             count(l.id) filter (where l.status = 'published')::int as lesson_count,
             coalesce(sum(l.duration_minutes) filter (where l.status = 'published'), 0)::int as duration_minutes
      from unnest(touched) t(id)
      left join public.lessons l on l.course_id = t.id
      group by t.id
    ) s
    where c.id = s.id and (c.lesson_count, c.duration_minutes) is distinct from (s.lesson_count, s.duration_minutes);
  return null;
end
$$;

create function private.clear_course_lesson_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.courses c set lesson_count = 0, duration_minutes = 0
    where c.lesson_count <> 0 or c.duration_minutes <> 0;
  return null;
end
$$;
-- Trigger functions are not called by name (EXECUTE is checked when a trigger is created).
revoke execute on function private.refresh_course_lesson_stats() from public;
revoke execute on function private.clear_course_lesson_stats() from public;

create trigger lessons_insert_course_stats after insert on public.lessons
  referencing new table as new_lessons
  for each statement execute function private.refresh_course_lesson_stats();
create trigger lessons_update_course_stats after update on public.lessons
  referencing old table as old_lessons new table as new_lessons
  for each statement execute function private.refresh_course_lesson_stats();
create trigger lessons_delete_course_stats after delete on public.lessons
  referencing old table as old_lessons
  for each statement execute function private.refresh_course_lesson_stats();
create trigger lessons_truncate_course_stats after truncate on public.lessons
  for each statement execute function private.clear_course_lesson_stats();

-- Backfill.
update public.courses c
  set lesson_count = s.lesson_count, duration_minutes = s.duration_minutes
  from (
    select l.course_id,
           count(*) filter (where l.status = 'published')::int as lesson_count,
           coalesce(sum(l.duration_minutes) filter (where l.status = 'published'), 0)::int as duration_minutes
    from public.lessons l
    group by l.course_id
  ) s
  where c.id = s.course_id;
