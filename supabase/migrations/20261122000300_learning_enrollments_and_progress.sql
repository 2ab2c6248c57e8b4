-- Learning: enrolments and lesson progress. Progress and completion are computed here,
-- in definer functions; no request writes them directly.

create type public.enrollment_status as enum ('active', 'completed', 'cancelled');
create type public.enrollment_source as enum ('free', 'purchase', 'company', 'admin');
create type public.progress_status as enum ('not_started', 'in_progress', 'completed');

create table public.enrollments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  status public.enrollment_status not null default 'active',
  source public.enrollment_source not null default 'free',
  enrolled_at timestamptz not null default now(),
  completed_lessons integer not null default 0 check (completed_lessons >= 0),
  total_lessons integer not null default 0 check (total_lessons >= 0),
  progress_percentage numeric(5, 2) not null default 0 check (progress_percentage between 0 and 100),
  last_lesson_id uuid references public.lessons (id) on delete set null,
  last_activity_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, course_id)
);
create index enrollments_course_idx on public.enrollments (course_id);

create table public.lesson_progress (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  lesson_id uuid not null references public.lessons (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  status public.progress_status not null default 'not_started',
  is_completed boolean not null default false,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, lesson_id)
);
create index lesson_progress_user_course_idx on public.lesson_progress (user_id, course_id);

create trigger enrollments_touch before update on public.enrollments
  for each row execute function private.touch_updated_at();
create trigger lesson_progress_touch before update on public.lesson_progress
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Helpers

create function private.is_enrolled(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.enrollments e
    where e.course_id = course and e.user_id = (select auth.uid()) and e.status <> 'cancelled'
  )
$$;

-- A lesson is open to a learner when it is published, the course is published, they are
-- enrolled, and its drip date (absolute, or days after their enrolment) has passed.
create function private.lesson_is_open_to_me(lesson uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
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
  )
$$;

create function private.lesson_is_public_preview(lesson uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.lessons l join public.courses c on c.id = l.course_id
    where l.id = lesson and l.is_preview and l.status = 'published' and c.status = 'published'
  )
$$;

create function private.lesson_course(lesson uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select l.course_id from public.lessons l where l.id = lesson
$$;

grant execute on function private.is_enrolled(uuid) to authenticated;
grant execute on function private.lesson_is_open_to_me(uuid) to authenticated;
grant execute on function private.lesson_is_public_preview(uuid) to anon, authenticated;
grant execute on function private.lesson_course(uuid) to authenticated;

-- Recomputes an enrolment's progress from lesson_progress. Owner-only (no grants).
create function private.recompute_enrollment(learner uuid, course uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  total integer;
  done integer;
begin
  select count(*) into total from public.lessons l
    where l.course_id = course and l.status = 'published';
  select count(*) into done from public.lesson_progress p
    join public.lessons l on l.id = p.lesson_id and l.status = 'published'
    where p.user_id = learner and p.course_id = course and p.is_completed;
  update public.enrollments e set
    total_lessons = total,
    completed_lessons = done,
    progress_percentage = case when total = 0 then 0 else round(done * 100.0 / total, 2) end,
    status = case when total > 0 and done >= total then 'completed'::public.enrollment_status
                  when e.status = 'completed' then 'active'::public.enrollment_status
                  else e.status end,
    completed_at = case when total > 0 and done >= total then coalesce(e.completed_at, now()) else null end
  where e.user_id = learner and e.course_id = course and e.status <> 'cancelled';
end
$$;

-- Keeps courses.enrollment_count by deltas (active or completed enrolments count; cancelled
-- ones do not), so a count imported with a course is kept rather than recounted.
create function private.bump_enrollment_count() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  was integer := case when tg_op <> 'INSERT' and old.status <> 'cancelled' then 1 else 0 end;
  now_counts integer := case when tg_op <> 'DELETE' and new.status <> 'cancelled' then 1 else 0 end;
begin
  if now_counts <> was then
    update public.courses c
      set enrollment_count = greatest(0, c.enrollment_count + now_counts - was)
      where c.id = coalesce(new.course_id, old.course_id);
  end if;
  return null;
end
$$;
create trigger enrollments_count after insert or delete or update of status on public.enrollments
  for each row execute function private.bump_enrollment_count();

-- ---------------------------------------------------------------------------
-- API functions (called by edge/ as the caller; definer inside, checks first)

-- Enrols the caller in a published free course. Idempotent: enrolling twice returns the
-- same enrolment. Paid courses are enrolled only by checkout fulfilment.
create function public.enroll_in_free_course(course uuid) returns public.enrollments
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.courses;
  result public.enrollments;
begin
  if me is null then
    raise exception 'sign in to enrol' using errcode = '28000';
  end if;
  select * into c from public.courses where id = course;
  if not found or c.status <> 'published' then
    raise exception 'course not found' using errcode = 'P0002';
  end if;
  if c.price_amount > 0 then
    raise exception 'this course is paid: enrol through checkout' using errcode = 'P0001', hint = 'payment_required';
  end if;
  insert into public.enrollments (user_id, course_id, source)
    values (me, course, 'free')
    on conflict (user_id, course_id) do update
      set status = case when public.enrollments.status = 'cancelled' then 'active'::public.enrollment_status
                        else public.enrollments.status end
    returning * into result;
  perform private.recompute_enrollment(me, course);
  select * into result from public.enrollments where id = result.id;
  return result;
end
$$;

-- Marks a lesson complete for the caller, if it is open to them; returns the enrolment.
create function public.complete_lesson(lesson uuid) returns public.enrollments
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  course uuid;
  result public.enrollments;
begin
  if me is null then
    raise exception 'sign in to record progress' using errcode = '28000';
  end if;
  select l.course_id into course from public.lessons l where l.id = lesson;
  if course is null then
    raise exception 'lesson not found' using errcode = 'P0002';
  end if;
  if not private.lesson_is_open_to_me(lesson) then
    raise exception 'this lesson is not open to you' using errcode = '42501';
  end if;
  insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
    values (me, lesson, course, 'completed', true, now(), now())
    on conflict (user_id, lesson_id) do update
      set status = 'completed', is_completed = true,
          completed_at = coalesce(public.lesson_progress.completed_at, now());
  update public.enrollments set last_lesson_id = lesson, last_activity_at = now()
    where user_id = me and course_id = course;
  perform private.recompute_enrollment(me, course);
  select * into result from public.enrollments where user_id = me and course_id = course;
  return result;
end
$$;

revoke execute on function public.enroll_in_free_course(uuid) from public, anon;
revoke execute on function public.complete_lesson(uuid) from public, anon;
grant execute on function public.enroll_in_free_course(uuid) to authenticated;
grant execute on function public.complete_lesson(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Privileges: learners read; only admins write directly.

revoke all on public.enrollments, public.lesson_progress from anon, authenticated;
grant select, insert, update, delete on public.enrollments to authenticated;
grant select, insert, update, delete on public.lesson_progress to authenticated;

alter table public.enrollments enable row level security;
alter table public.lesson_progress enable row level security;

create policy "learners read their enrolments; course managers read their courses'"
  on public.enrollments for select to authenticated
  using (user_id = (select auth.uid()) or (select private.can_manage_course(course_id)));
create policy "company admins read their employees' enrolments"
  on public.enrollments for select to authenticated
  using (exists (
    select 1 from public.company_members m
    where m.user_id = enrollments.user_id and (select private.is_company_admin(m.company_id))
  ));
create policy "admins create enrolments"
  on public.enrollments for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins change enrolments"
  on public.enrollments for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete enrolments"
  on public.enrollments for delete to authenticated
  using ((select private.is_admin()));

create policy "learners read their progress; course managers read their courses'"
  on public.lesson_progress for select to authenticated
  using (user_id = (select auth.uid()) or (select private.can_manage_course(course_id)));
create policy "company admins read their employees' progress"
  on public.lesson_progress for select to authenticated
  using (exists (
    select 1 from public.company_members m
    where m.user_id = lesson_progress.user_id and (select private.is_company_admin(m.company_id))
  ));
create policy "admins create progress"
  on public.lesson_progress for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins change progress"
  on public.lesson_progress for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete progress"
  on public.lesson_progress for delete to authenticated
  using ((select private.is_admin()));

-- Lesson content: public previews, lessons open to the learner, and course managers.
create policy "anyone reads preview lessons' content"
  on public.lesson_contents for select to anon, authenticated
  using ((select private.lesson_is_public_preview(lesson_id)));
create policy "enrolled learners read content of lessons open to them"
  on public.lesson_contents for select to authenticated
  using ((select private.lesson_is_open_to_me(lesson_id)));
create policy "course managers read their lessons' content"
  on public.lesson_contents for select to authenticated
  using ((select private.can_manage_course(private.lesson_course(lesson_id))));
create policy "course managers create lesson content"
  on public.lesson_contents for insert to authenticated
  with check ((select private.can_manage_course(private.lesson_course(lesson_id))));
create policy "course managers update lesson content"
  on public.lesson_contents for update to authenticated
  using ((select private.can_manage_course(private.lesson_course(lesson_id))))
  with check ((select private.can_manage_course(private.lesson_course(lesson_id))));
create policy "course managers delete lesson content"
  on public.lesson_contents for delete to authenticated
  using ((select private.can_manage_course(private.lesson_course(lesson_id))));

-- Belt and braces: nothing in public or private is executable by PUBLIC (the guard test checks).
revoke execute on all functions in schema private from public;
revoke execute on all functions in schema public from public;
