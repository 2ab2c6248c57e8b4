-- Live company progress (issue 12): a company admin's views update when an employee completes a
-- lesson, passes a quiz or earns a certificate in a course the company assigned.
--
-- Delivery: statement-level AFTER triggers send one broadcast per company and statement on
-- `company:<id>` (event 'progress'), listing what moved: `{changes: [{userId, courseId, kind}]}`
-- with kind 'progress' (an enrollment's progress or status changed), 'quiz' (an attempt was
-- submitted) or 'certificate' (one was issued). The payload only says what to read again: the
-- admin's page reads the report through the API, under its usual checks. Only pairs the company
-- assigned (an active assignment) are sent, so the topic never tells an admin about an
-- employee's private courses.
--
-- The topic itself: `company:<id>` is readable and writable by the company's *active* admins
-- (status 'active' since company learning; the first version of the topic helpers counted a
-- removed admin too). private.my_readable_realtime_topics and my_writable_realtime_topics are
-- re-created with that filter, keeping every other topic as it was.

-- ---------------------------------------------------------------------------
-- The broadcast: changes (user, course, kind) grouped by the companies that assigned them.

create function private.send_company_progress(changes jsonb) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- perform runs the whole query: one send per company (a SQL function would stop at the first row).
  perform realtime.send(
    jsonb_build_object('changes', jsonb_agg(distinct jsonb_build_object(
      'userId', c.user_id, 'courseId', c.course_id, 'kind', c.kind))),
    'progress',
    'company:' || a.company_id::text,
    true
  )
  from jsonb_to_recordset(changes) as c(user_id uuid, course_id uuid, kind text)
  join public.company_assignments a
    on a.user_id = c.user_id and a.course_id = c.course_id and a.unassigned_at is null
  group by a.company_id;
end
$$;
revoke execute on function private.send_company_progress(jsonb) from public;

create function private.broadcast_enrollment_progress() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.send_company_progress(coalesce(jsonb_agg(jsonb_build_object(
    'user_id', n.user_id, 'course_id', n.course_id, 'kind', 'progress')), '[]'::jsonb))
  from changed n
  join before_change o on o.id = n.id
  where n.progress_percentage is distinct from o.progress_percentage
     or n.status is distinct from o.status;
  return null;
end
$$;
revoke execute on function private.broadcast_enrollment_progress() from public;
create trigger enrollments_company_progress after update on public.enrollments
  referencing old table as before_change new table as changed
  for each statement execute function private.broadcast_enrollment_progress();

create function private.broadcast_quiz_progress() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.send_company_progress(coalesce(jsonb_agg(jsonb_build_object(
    'user_id', n.user_id, 'course_id', n.course_id, 'kind', 'quiz')), '[]'::jsonb))
  from changed n
  join before_change o on o.id = n.id
  where n.status = 'submitted' and o.status is distinct from 'submitted';
  return null;
end
$$;
revoke execute on function private.broadcast_quiz_progress() from public;
create trigger quiz_attempts_company_progress after update on public.quiz_attempts
  referencing old table as before_change new table as changed
  for each statement execute function private.broadcast_quiz_progress();

create function private.broadcast_certificate_progress() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.send_company_progress(coalesce(jsonb_agg(jsonb_build_object(
    'user_id', n.user_id, 'course_id', n.course_id, 'kind', 'certificate')), '[]'::jsonb))
  from issued n;
  return null;
end
$$;
revoke execute on function private.broadcast_certificate_progress() from public;
create trigger certificates_company_progress after insert on public.certificates
  referencing new table as issued
  for each statement execute function private.broadcast_certificate_progress();

-- ---------------------------------------------------------------------------
-- company:<id>: the company's active admins only (as 20261126000100_live_qa.sql left the
-- helpers, with `m.status = 'active'` added; every other topic unchanged).

create or replace function private.my_readable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || p.id::text from private.my_participant_course_ids() p(id)
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active'
  union all
  select 'session:' || s.id::text from private.my_participant_session_ids() s(id)
  union all
  select 'session-mod:' || s.id::text from private.my_moderated_session_ids() s(id)
$$;

create or replace function private.my_writable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || c.id::text from public.instructors i join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active'
  union all
  select 'session:' || s.id::text from private.my_participant_session_ids() s(id)
  union all
  select 'session-mod:' || s.id::text from private.my_moderated_session_ids() s(id)
$$;

-- ---------------------------------------------------------------------------
-- "Live session starting": once per session, when it starts within `lead`, every participant
-- (the course's learners with an enrollment that is not cancelled, and its instructor) gets a
-- 'session_starting' notification; the bell shows it live (user:<uid>). The Node host calls
-- this every minute (edge/sessions/starting.ts), as service_role.

alter table public.live_sessions add column starting_notified_at timestamptz;

create function private.notify_sessions_starting(at timestamptz, lead interval) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  n integer;
begin
  with due as (
    update public.live_sessions s set starting_notified_at = at
    where s.starting_notified_at is null
      and s.status = 'scheduled'
      and s.starts_at <= at + lead
      and s.starts_at > at - interval '5 minutes'
    returning s.id, s.course_id, s.title, s.starts_at
  ), told as (
    insert into public.notifications (user_id, kind, title, body, link)
    select p.user_id, 'session_starting', left('Starting soon: ' || d.title, 200),
           left(c.title || ' — the live session starts at '
                || to_char(d.starts_at at time zone 'UTC', 'HH24:MI') || ' UTC.', 2000),
           '/learn/' || c.slug || '/sessions/' || d.id
    from due d
    join public.courses c on c.id = d.course_id
    join lateral (
      select e.user_id from public.enrollments e where e.course_id = d.course_id and e.status <> 'cancelled'
      union
      select i.user_id from public.instructors i where i.id = c.instructor_id
    ) p on true
    returning 1
  )
  select count(*)::int into n from told;
  return n;
end
$$;
revoke execute on function private.notify_sessions_starting(timestamptz, interval) from public;
grant execute on function private.notify_sessions_starting(timestamptz, interval) to service_role;
