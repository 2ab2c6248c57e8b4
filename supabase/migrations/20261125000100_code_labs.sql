-- Code labs (issue 10): labs, their hidden tests, graded submissions and the learner's drafts.
--
-- Who may do what:
--   labs: the enrolled learner reads the published labs of a published course they learn in
--     (an enrollment that is not cancelled; a lab tied to a lesson only once that lesson is open
--     to them, as private.my_open_lesson_ids() decides); course managers read and write their
--     courses' labs, drafts included; admins all. anon nothing.
--   lab_secrets (hidden tests, reference solution): course managers and admins only, every verb.
--     Learners never, before or after submitting: a run's hidden results carry no expected values.
--   lab_submissions: the learner reads their own, course managers their courses', admins all.
--     Nobody writes them directly, admins included: private.record_lab_submission (service_role)
--     is the only writer, after the sandbox graded the code.
--   lab_drafts: the learner's own autosaved code, for labs open to them. Nobody else.
--
-- The two privileged functions are in schema private (not exposed by the API), security definer
-- with an empty search_path, executable by service_role only: the data API calls them through
-- the database port's asService (edge/db/port.ts), for the signed-in learner it names.
--   private.lab_grading_context(lab, user)   what the runner needs, with the hidden tests
--   private.record_lab_submission(...)       the graded submission; a pass completes the lab
--
-- A passed submission completes the lab's lesson (when it has one) and the lab counts as a
-- required item in course progress: private.recompute_enrollment below counts published
-- required labs beside lessons, quizzes and assignments.
--
-- Errors a caller can cause are raised with errcode P0001 and hint '<4xx>:<code>' (edge/http/errors.ts).
-- Policies follow 20261123000100/0400 and 20261124000100: one permissive policy per role and
-- verb, admins first, the caller's own small sets from set-based helpers
-- (`col in (select private.x())`), never a helper given a column of the row.

-- ---------------------------------------------------------------------------
-- Types

create type public.lab_language as enum ('javascript', 'typescript');
create type public.lab_status as enum ('passed', 'failed', 'error', 'timeout', 'memory');

-- ---------------------------------------------------------------------------
-- Tables

create table public.labs (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  lesson_id uuid unique references public.lessons (id) on delete set null,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 1 and 80),
  title text not null check (char_length(title) between 1 and 200),
  instructions_md text not null default '' check (char_length(instructions_md) <= 50000),
  language public.lab_language not null default 'javascript',
  starter_code text not null default '' check (char_length(starter_code) <= 50000),
  visible_tests text not null default '' check (char_length(visible_tests) <= 50000),
  time_limit_ms integer not null default 1000 check (time_limit_ms between 50 and 5000),
  memory_limit_mb integer not null default 32 check (memory_limit_mb between 8 and 128),
  points integer not null default 10 check (points between 1 and 1000),
  is_required boolean not null default true,
  status text not null default 'draft' check (status in ('draft', 'published')),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (course_id, slug)
);
create index labs_course_idx on public.labs (course_id, position);

create table public.lab_secrets (
  lab_id uuid primary key references public.labs (id) on delete cascade,
  hidden_tests text not null default '' check (char_length(hidden_tests) <= 50000),
  reference_solution text not null default '' check (char_length(reference_solution) <= 50000),
  updated_at timestamptz not null default now()
);

create table public.lab_submissions (
  id uuid primary key default gen_random_uuid(),
  lab_id uuid not null references public.labs (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  code text not null check (char_length(code) <= 100000),
  status public.lab_status not null,
  score numeric(5, 2) not null default 0 check (score between 0 and 100),
  points integer not null default 0 check (points >= 0),
  tests jsonb not null default '[]'::jsonb check (jsonb_typeof(tests) = 'array'),
  output text not null default '' check (char_length(output) <= 20000),
  duration_ms integer not null default 0 check (duration_ms >= 0),
  created_at timestamptz not null default now()
);
create index lab_submissions_lab_user_idx on public.lab_submissions (lab_id, user_id, created_at desc);
create index lab_submissions_course_idx on public.lab_submissions (course_id);
create index lab_submissions_user_idx on public.lab_submissions (user_id);
-- "has the learner passed this lab": recompute_enrollment's probe.
create index lab_submissions_passed_idx on public.lab_submissions (user_id, lab_id) where status = 'passed';

create table public.lab_drafts (
  user_id uuid not null references public.profiles (id) on delete cascade,
  lab_id uuid not null references public.labs (id) on delete cascade,
  code text not null default '' check (char_length(code) <= 100000),
  updated_at timestamptz not null default now(),
  primary key (user_id, lab_id)
);
create index lab_drafts_lab_idx on public.lab_drafts (lab_id);

comment on column public.enrollments.total_items is
  'Required items: published text/video/pdf/slides lessons, published required quizzes, assignments and labs.';

-- ---------------------------------------------------------------------------
-- Triggers: timestamps, the lab's lesson

create trigger labs_touch before update on public.labs
  for each row execute function private.touch_updated_at();
create trigger lab_secrets_touch before update on public.lab_secrets
  for each row execute function private.touch_updated_at();
create trigger lab_drafts_touch before update on public.lab_drafts
  for each row execute function private.touch_updated_at();

-- A lab's lesson belongs to its course and is a 'lab' lesson. Definer: the caller may not see the lesson.
create function private.check_lab_lesson() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.lesson_id is not null and not exists (
    select 1 from public.lessons l
    where l.id = new.lesson_id and l.course_id = new.course_id and l.content_type = 'lab'
  ) then
    raise exception 'lesson % is not a lab lesson of course %', new.lesson_id, new.course_id using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger labs_check_lesson before insert or update of lesson_id, course_id on public.labs
  for each row execute function private.check_lab_lesson();

-- ---------------------------------------------------------------------------
-- Set-based helpers (the caller's own small sets; once per statement)

-- Published labs open to the caller: in a published course they are enrolled in (not cancelled),
-- and when tied to a lesson, that lesson is open to them (private.my_open_lesson_ids decides).
create function private.my_open_lab_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select b.id
    from public.enrollments e
    join public.courses c on c.id = e.course_id and c.status = 'published'
    join public.labs b on b.course_id = e.course_id and b.status = 'published'
    where e.user_id = (select auth.uid())
      and e.status <> 'cancelled'
      and (b.lesson_id is null or b.lesson_id in (select private.my_open_lesson_ids()));
end
$$;

-- Labs of the courses the caller owns (their secrets' policies).
create function private.my_managed_lab_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select b.id from public.labs b where b.course_id in (select private.my_managed_course_ids());
end
$$;

-- ---------------------------------------------------------------------------
-- Who may run a lab, for a user the service names (no auth.uid() here: the data API calls as
-- service_role). Returns whether p_user manages the lab's course (owner instructor or admin),
-- who pass whatever the lab's or course's state. Others: 404 when the lab does not exist or is
-- not published (or its course, or its lesson), 403 when they are not enrolled, 423 when its
-- lesson's drip date has not come (the rules of private.my_open_lesson_ids, for p_user).
create function private.lab_access(p_lab uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
declare
  b public.labs;
  c public.courses;
  l public.lessons;
  e public.enrollments;
begin
  select * into b from public.labs x where x.id = p_lab;
  if not found or p_user is null then
    raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
  end if;
  select * into c from public.courses x where x.id = b.course_id;
  if exists (select 1 from public.profiles p where p.id = p_user and p.role = 'admin'::public.app_role)
     or exists (select 1 from public.instructors i where i.id = c.instructor_id and i.user_id = p_user) then
    return true;
  end if;
  if c.status <> 'published' or b.status <> 'published' then
    raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
  end if;
  if b.lesson_id is not null then
    select * into l from public.lessons x where x.id = b.lesson_id;
    if l.status <> 'published' then
      raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
    end if;
  end if;
  select * into e from public.enrollments x
    where x.user_id = p_user and x.course_id = b.course_id and x.status <> 'cancelled';
  if not found then
    raise exception 'enroll in the course to work on its labs' using errcode = 'P0001', hint = '403:not_enrolled';
  end if;
  if b.lesson_id is not null and not (
    (l.drip_available_at is null or l.drip_available_at <= now())
    and (l.drip_days_after_enrollment is null
         or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
  ) then
    raise exception 'this lab is not open to you yet' using errcode = 'P0001', hint = '423:lab_locked';
  end if;
  return false;
end
$$;

-- What the runner needs to grade p_user's code: limits, visible and hidden tests; the reference
-- solution only for a manager of the course.
create function private.lab_grading_context(p_lab uuid, p_user uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  manager boolean := private.lab_access(p_lab, p_user);
  b public.labs;
  s public.lab_secrets;
begin
  select * into b from public.labs x where x.id = p_lab;
  select * into s from public.lab_secrets x where x.lab_id = p_lab;
  return jsonb_build_object(
    'labId', b.id,
    'courseId', b.course_id,
    'slug', b.slug,
    'title', b.title,
    'language', b.language,
    'points', b.points,
    'timeLimitMs', b.time_limit_ms,
    'memoryLimitMb', b.memory_limit_mb,
    'visibleTests', b.visible_tests,
    'hiddenTests', coalesce(s.hidden_tests, ''),
    'referenceSolution', case when manager then coalesce(s.reference_solution, '') end,
    'isManager', manager
  );
end
$$;

-- Stores a graded submission for p_user (who must still be allowed the lab, as above). Points:
-- the lab's points times the share of tests passed, for a run that passed or failed; nothing for
-- error, timeout or memory. A pass completes the lab's lesson and recomputes the enrollment
-- (which completes it, and issues the certificate, when it was the last required item).
-- progress is null when p_user has no enrollment in the course (a manager trying their lab).
create function private.record_lab_submission(
  p_lab uuid, p_user uuid, p_code text, p_status public.lab_status, p_score numeric,
  p_tests jsonb, p_output text, p_duration_ms integer
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  b public.labs;
  awarded integer;
  sub public.lab_submissions;
  e public.enrollments;
  passed_before boolean;
begin
  perform private.lab_access(p_lab, p_user);
  select * into b from public.labs x where x.id = p_lab;
  if p_code is null or char_length(p_code) > 100000 then
    raise exception 'code is required, at most 100000 characters' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if p_status is null or p_score is null or p_score not between 0 and 100
     or p_tests is null or jsonb_typeof(p_tests) <> 'array'
     or char_length(coalesce(p_output, '')) > 20000
     or coalesce(p_duration_ms, 0) < 0 then
    raise exception 'a result is a status, a score of 0..100, an array of tests, output of at most 20000 characters'
      using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  awarded := case when p_status in ('passed', 'failed') then round(p_score / 100 * b.points)::integer else 0 end;

  -- Serialises this learner's submissions in this course (progress is recomputed once at a time).
  select * into e from public.enrollments x
    where x.user_id = p_user and x.course_id = b.course_id and x.status <> 'cancelled'
    for update;

  -- A lab passed before stays passed: a later pass changes neither the lesson nor the progress.
  passed_before := exists (
    select 1 from public.lab_submissions x where x.user_id = p_user and x.lab_id = p_lab and x.status = 'passed'
  );

  insert into public.lab_submissions
    (lab_id, course_id, user_id, code, status, score, points, tests, output, duration_ms)
  values (p_lab, b.course_id, p_user, p_code, p_status, round(p_score, 2), awarded, p_tests,
          coalesce(p_output, ''), coalesce(p_duration_ms, 0))
  returning * into sub;

  if e.id is null then
    return jsonb_build_object('id', sub.id, 'createdAt', sub.created_at, 'points', sub.points, 'progress', null);
  end if;

  if p_status = 'passed' and not passed_before and b.lesson_id is not null then
    insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
      values (p_user, b.lesson_id, b.course_id, 'completed', true, now(), now())
      on conflict (user_id, lesson_id) do update
        set status = 'completed', is_completed = true,
            started_at = coalesce(public.lesson_progress.started_at, now()),
            completed_at = coalesce(public.lesson_progress.completed_at, now());
  end if;
  update public.enrollments x set last_activity_at = now() where x.id = e.id;
  if p_status = 'passed' and not passed_before then
    perform private.recompute_enrollment(p_user, b.course_id);
  end if;
  select * into e from public.enrollments x where x.id = e.id;
  return jsonb_build_object(
    'id', sub.id,
    'createdAt', sub.created_at,
    'points', sub.points,
    'progress', jsonb_build_object(
      'percentage', e.progress_percentage,
      'completedItems', e.completed_items,
      'totalItems', e.total_items,
      'status', e.status
    )
  );
end
$$;

-- ---------------------------------------------------------------------------
-- Progress from required items: as in 20261124000100, and published required labs count, done
-- once the learner has a passed submission.

create or replace function private.recompute_enrollment(learner uuid, course uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  total_l integer;
  done_l integer;
  total_q integer;
  done_q integer;
  total_a integer;
  done_a integer;
  total_b integer;
  done_b integer;
  total integer;
  done integer;
begin
  -- Lessons of type quiz/assignment/lab are represented by their item, so they are not counted.
  select count(*) into total_l from public.lessons l
    where l.course_id = course and l.status = 'published' and l.content_type in ('text', 'video', 'pdf', 'slides');
  select count(*) into done_l from public.lesson_progress p
    join public.lessons l on l.id = p.lesson_id and l.status = 'published'
      and l.content_type in ('text', 'video', 'pdf', 'slides')
    where p.user_id = learner and p.course_id = course and p.is_completed;
  select count(*), count(*) filter (where exists (
      select 1 from public.quiz_attempts a where a.user_id = learner and a.quiz_id = q.id and a.passed
    ))
    into total_q, done_q
    from public.quizzes q
    where q.course_id = course and q.status = 'published' and q.is_required;
  select count(*), count(*) filter (where exists (
      select 1 from public.assignment_submissions s
      where s.user_id = learner and s.assignment_id = a.id and s.status = 'graded'
        and s.final_points >= coalesce(a.passing_points, 0)
    ))
    into total_a, done_a
    from public.assignments a
    where a.course_id = course and a.status = 'published' and a.is_required;
  select count(*), count(*) filter (where exists (
      select 1 from public.lab_submissions s
      where s.user_id = learner and s.lab_id = b.id and s.status = 'passed'
    ))
    into total_b, done_b
    from public.labs b
    where b.course_id = course and b.status = 'published' and b.is_required;
  total := total_l + total_q + total_a + total_b;
  done := done_l + done_q + done_a + done_b;
  update public.enrollments e set
    total_lessons = total_l,
    completed_lessons = done_l,
    total_items = total,
    completed_items = done,
    progress_percentage = case when total = 0 then 0 else round(done * 100.0 / total, 2) end,
    status = case when total > 0 and done >= total then 'completed'::public.enrollment_status
                  when e.status = 'completed' then 'active'::public.enrollment_status
                  else e.status end,
    completed_at = case when total > 0 and done >= total then coalesce(e.completed_at, now()) else null end
  where e.user_id = learner and e.course_id = course and e.status <> 'cancelled';
end
$$;

-- ---------------------------------------------------------------------------
-- Function privileges

revoke execute on function private.check_lab_lesson() from public;
revoke execute on function private.my_open_lab_ids() from public;
revoke execute on function private.my_managed_lab_ids() from public;
revoke execute on function private.lab_access(uuid, uuid) from public;
revoke execute on function private.lab_grading_context(uuid, uuid) from public, anon, authenticated;
revoke execute on function
  private.record_lab_submission(uuid, uuid, text, public.lab_status, numeric, jsonb, text, integer)
  from public, anon, authenticated;
grant execute on function private.my_open_lab_ids() to authenticated;
grant execute on function private.my_managed_lab_ids() to authenticated;
grant execute on function private.lab_grading_context(uuid, uuid) to service_role;
grant execute on function
  private.record_lab_submission(uuid, uuid, text, public.lab_status, numeric, jsonb, text, integer)
  to service_role;

-- ---------------------------------------------------------------------------
-- Table privileges: authoring tables and drafts for authenticated (RLS decides which rows);
-- submissions are read-only for every request role.

revoke all on public.labs, public.lab_secrets, public.lab_submissions, public.lab_drafts from anon, authenticated;
grant select, insert, update, delete on public.labs, public.lab_secrets, public.lab_drafts to authenticated;
grant select on public.lab_submissions to authenticated;

alter table public.labs enable row level security;
alter table public.lab_secrets enable row level security;
alter table public.lab_submissions enable row level security;
alter table public.lab_drafts enable row level security;

-- labs: learners the published ones open to them; course managers theirs; admins all.
create policy "learners read open labs, course managers their own"
  on public.labs for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.my_managed_course_ids())
    or id in (select private.my_open_lab_ids())
  );
create policy "course managers create labs"
  on public.labs for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update labs"
  on public.labs for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete labs"
  on public.labs for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- lab_secrets: course managers only, for every verb. Learners never.
create policy "course managers read lab secrets"
  on public.lab_secrets for select to authenticated
  using ((select private.is_admin()) or lab_id in (select private.my_managed_lab_ids()));
create policy "course managers create lab secrets"
  on public.lab_secrets for insert to authenticated
  with check ((select private.is_admin()) or lab_id in (select private.my_managed_lab_ids()));
create policy "course managers update lab secrets"
  on public.lab_secrets for update to authenticated
  using ((select private.is_admin()) or lab_id in (select private.my_managed_lab_ids()))
  with check ((select private.is_admin()) or lab_id in (select private.my_managed_lab_ids()));
create policy "course managers delete lab secrets"
  on public.lab_secrets for delete to authenticated
  using ((select private.is_admin()) or lab_id in (select private.my_managed_lab_ids()));

-- lab_submissions: the learner's own; the course's managers; admins. Written by
-- private.record_lab_submission only.
create policy "learners read their lab submissions, course managers their courses'"
  on public.lab_submissions for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );

-- lab_drafts: the learner's own, written only for labs open to them.
create policy "learners read their lab drafts"
  on public.lab_drafts for select to authenticated
  using (user_id = (select auth.uid()));
create policy "learners save drafts of open labs"
  on public.lab_drafts for insert to authenticated
  with check (user_id = (select auth.uid()) and lab_id in (select private.my_open_lab_ids()));
create policy "learners update drafts of open labs"
  on public.lab_drafts for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and lab_id in (select private.my_open_lab_ids()));
create policy "learners delete their lab drafts"
  on public.lab_drafts for delete to authenticated
  using (user_id = (select auth.uid()));
