-- Notifications: short messages to one user (welcome to a course, a course completed), read in
-- the web app's bell and pushed live on the private Realtime topic `user:<uid>`.
--
-- Who may do what:
--   a user reads their own, marks them read (read_at is the only column they may update) and
--   deletes their own; nobody inserts directly: the platform's definer code and triggers do.
--   Admins get no more than anyone else: a notification is private to its user.
-- Delivery: a statement-level trigger calls realtime.send(payload, 'notification', 'user:<uid>',
-- true) for every new row. realtime.send is Supabase's own; off Supabase the compat layer
-- (supabase/compat/30_realtime.sql) provides it and the host fans the message out.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in ('enrollment', 'course_completed', 'announcement', 'system')),
  title text not null check (char_length(title) between 1 and 200),
  body text not null default '' check (char_length(body) <= 2000),
  -- A path on this site only ("/learn/x"): never another origin ("//evil", "/\evil", "https:").
  link text check (link is null or (char_length(link) <= 2048 and link ~ '^/([^/\\][!-~]*)?$')),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
-- The bell's query (latest first, per user) and the foreign key.
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);

comment on table public.notifications is
  'Messages to one user; written only by definer code, read and marked read by that user.';

-- ---------------------------------------------------------------------------
-- Privileges and row-level security

revoke all on public.notifications from anon, authenticated;
grant select, delete on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;

alter table public.notifications enable row level security;

create policy "users read their own notifications"
  on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users mark their own notifications read"
  on public.notifications for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users delete their own notifications"
  on public.notifications for delete to authenticated
  using (user_id = (select auth.uid()));

-- ---------------------------------------------------------------------------
-- Live delivery: one broadcast per new notification, to its user's private topic. The payload is
-- the notification as GET /api/notifications returns it (edge/contract/notifications.ts).

create function private.broadcast_new_notifications() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object(
      'id', n.id,
      'kind', n.kind,
      'title', n.title,
      'body', n.body,
      'link', n.link,
      'createdAt', to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'readAt', null
    ),
    'notification',
    'user:' || n.user_id::text,
    true
  )
  from added n;
  return null;
end
$$;
create trigger notifications_broadcast after insert on public.notifications
  referencing new table as added
  for each statement execute function private.broadcast_new_notifications();

-- ---------------------------------------------------------------------------
-- What the platform tells learners now: welcome to a course (a new enrollment, whatever its
-- source: free, purchase, company seat, admin) and a course completed. Statement-level for new
-- enrollments, so a bulk insert writes its notifications in one statement.

create function private.notify_new_enrollments() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, title, body, link)
  select e.user_id, 'enrollment', left('Welcome to ' || c.title, 200),
         'You are enrolled. Start with the first lesson whenever you are ready.',
         '/learn/' || c.slug
  from added e
  join public.courses c on c.id = e.course_id
  where e.status <> 'cancelled';
  return null;
end
$$;
create trigger enrollments_notify_welcome after insert on public.enrollments
  referencing new table as added
  for each statement execute function private.notify_new_enrollments();

create function private.notify_course_completed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, title, body, link)
  select new.user_id, 'course_completed', left('You completed ' || c.title, 200),
         'Every lesson is done. Well learned!', '/learn/' || c.slug
  from public.courses c
  where c.id = new.course_id;
  return null;
end
$$;
create trigger enrollments_notify_completed after update of status on public.enrollments
  for each row when (new.status = 'completed' and old.status is distinct from 'completed')
  execute function private.notify_course_completed();

-- Trigger functions only: nobody calls them.
revoke execute on function private.broadcast_new_notifications() from public, anon, authenticated;
revoke execute on function private.notify_new_enrollments() from public, anon, authenticated;
revoke execute on function private.notify_course_completed() from public, anon, authenticated;
