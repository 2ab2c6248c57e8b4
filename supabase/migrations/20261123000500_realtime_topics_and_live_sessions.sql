-- Realtime topics and live sessions.
--
-- Who may join (receive) and send on a Realtime channel is decided by RLS on
-- realtime.messages, the way Supabase Realtime decides it for private channels: on join the
-- server reads a probe row per extension (broadcast, presence) as the user with the setting
-- `realtime.topic` set to the channel's topic (visible = may receive); a send is an insert as
-- the user (allowed = may send). Off Supabase the compat layer (supabase/compat/30_realtime.sql)
-- creates the table; on Supabase it exists already, so this migration only adds policies.
--
-- Topics:
--   user:<uid>     that user only (notifications)
--   course:<id>    receive: its enrolled learners and its instructor; send: its instructor
--   company:<id>   that company's admins (company_members.role = 'admin')
--   session:<id>   a live session's participants: the enrolled learners and the instructor
--                  of its course
--
-- public.live_sessions is the session a `session:<id>` topic names; the live-cohorts module
-- extends it.

-- ---------------------------------------------------------------------------
-- live_sessions

create type public.live_session_status as enum ('scheduled', 'live', 'ended');

create table public.live_sessions (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  starts_at timestamptz not null,
  ends_at timestamptz,
  status public.live_session_status not null default 'scheduled',
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at is null or ends_at > starts_at)
);
create index live_sessions_course_starts_idx on public.live_sessions (course_id, starts_at);
create index live_sessions_created_by_idx on public.live_sessions (created_by);

create trigger live_sessions_touch before update on public.live_sessions
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Set-based helpers (security definer: they read rows the caller's RLS would hide).

-- Courses whose live sessions the caller takes part in: enrolled (not cancelled) or teaching.
create function private.my_participant_course_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select e.course_id from public.enrollments e
  where e.user_id = (select auth.uid()) and e.status <> 'cancelled'
  union
  select c.id from public.instructors i join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
$$;

-- Realtime topics the caller may receive on (join).
create function private.my_readable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || p.id::text from private.my_participant_course_ids() p(id)
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
  union all
  select 'session:' || s.id::text from public.live_sessions s
  where s.course_id in (select private.my_participant_course_ids())
$$;

-- Realtime topics the caller may send on: as above, except that only a course's instructor
-- sends on its course topic.
create function private.my_writable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || c.id::text from public.instructors i join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
  union all
  select 'session:' || s.id::text from public.live_sessions s
  where s.course_id in (select private.my_participant_course_ids())
$$;

revoke execute on function private.my_participant_course_ids() from public;
revoke execute on function private.my_readable_realtime_topics() from public;
revoke execute on function private.my_writable_realtime_topics() from public;
grant execute on function private.my_participant_course_ids() to authenticated;
grant execute on function private.my_readable_realtime_topics() to authenticated;
grant execute on function private.my_writable_realtime_topics() to authenticated;

-- ---------------------------------------------------------------------------
-- live_sessions: participants read; the course's instructor (and admins) write.

alter table public.live_sessions enable row level security;
revoke all on public.live_sessions from anon, authenticated;
grant select, insert, delete on public.live_sessions to authenticated;
-- created_by stays who scheduled it: no column grant.
grant update (course_id, title, starts_at, ends_at, status) on public.live_sessions to authenticated;

create policy "participants read their courses' live sessions; admins read all"
  on public.live_sessions for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.my_participant_course_ids())
  );
create policy "course managers schedule live sessions as themselves"
  on public.live_sessions for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  );
create policy "course managers update live sessions"
  on public.live_sessions for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete live sessions"
  on public.live_sessions for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- ---------------------------------------------------------------------------
-- realtime.messages: one policy per verb for authenticated; anon gets none (denied).
-- The row's topic must be the channel's (`realtime.topic()`), so a setting chosen by a
-- caller never opens another topic's rows.

create policy "users receive on the realtime topics they take part in"
  on realtime.messages for select to authenticated
  using (
    extension in ('broadcast', 'presence')
    and topic = (select realtime.topic())
    and (select realtime.topic()) in (select private.my_readable_realtime_topics())
  );
create policy "users send on the realtime topics they may write to"
  on realtime.messages for insert to authenticated
  with check (
    extension in ('broadcast', 'presence')
    and topic = (select realtime.topic())
    and (select realtime.topic()) in (select private.my_writable_realtime_topics())
  );
