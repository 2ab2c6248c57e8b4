-- Notification preferences (issue 13, Communication part 2). docs/notifications.md is the contract.
--
-- Categories a person understands, each covering notification kinds:
--   learning       enrollment, course_completed, certificate_issued
--   grades         grade_posted
--   live           session_starting, session_changed, question_answered
--   announcements  announcement
--   account        system (payments, refunds, course review decisions)
-- Per category: in_app (the bell) and email. Defaults when a user has no row: in_app on; email on
-- for learning (certificates), grades and live, off for announcements and account. Account
-- notices are security relevant: their in-app copy can never be switched off (checked here).
-- Per user (notification_settings): a digest (off | daily | weekly) and essential_only, "email me
-- nothing but essential account mail": no notification mail and no digest at all (sign-in,
-- password and receipt mails are sent by the host directly and are not affected).
--
-- Honoured by every sender: a BEFORE INSERT trigger on public.notifications drops the row when the
-- user turned in-app off for its category (so no realtime event either) and queues a mail request
-- in private.mail_requests when the user wants email for it. The Node host drains the queue with
-- private.claim_mail_requests, builds digests with private.collect_digests and applies one-click
-- unsubscribes with private.unsubscribe (all three run as the owner; no request role may call them).

-- ---------------------------------------------------------------------------
-- Categories

-- The category of a notification kind (null for an unknown kind).
create function private.notification_category(kind text) returns text
language sql immutable security invoker set search_path = ''
as $$
  select case kind
    when 'enrollment' then 'learning'
    when 'course_completed' then 'learning'
    when 'certificate_issued' then 'learning'
    when 'grade_posted' then 'grades'
    when 'session_starting' then 'live'
    when 'session_changed' then 'live'
    when 'question_answered' then 'live'
    when 'announcement' then 'announcements'
    when 'system' then 'account'
  end
$$;
revoke execute on function private.notification_category(text) from public, anon, authenticated;

-- Email default for a category when the user has no row.
create function private.notification_email_default(category text) returns boolean
language sql immutable security invoker set search_path = ''
as $$
  select category in ('learning', 'grades', 'live')
$$;
revoke execute on function private.notification_email_default(text) from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Tables

create table public.notification_preferences (
  user_id uuid not null references public.profiles (id) on delete cascade,
  category text not null check (category in ('learning', 'grades', 'live', 'announcements', 'account')),
  in_app boolean not null default true,
  email boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, category),
  -- Security notices always reach the bell.
  constraint notification_preferences_account_in_app check (category <> 'account' or in_app)
);
comment on table public.notification_preferences is
  'Per user and category: bell (in_app) and email on or off; no row = the defaults (docs/notifications.md).';

create table public.notification_settings (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  digest text not null default 'off' check (digest in ('off', 'daily', 'weekly')),
  essential_only boolean not null default false,
  updated_at timestamptz not null default now()
);
comment on table public.notification_settings is
  'Per user: the digest frequency and the "essential account mail only" switch; no row = off / false.';

-- Mail the host should send: drained by private.claim_mail_requests (queued_at set when claimed).
create table private.mail_requests (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users on delete cascade,
  template text not null,
  vars jsonb not null,
  created_at timestamptz not null default now(),
  queued_at timestamptz
);
create index mail_requests_unqueued_idx on private.mail_requests (id) where queued_at is null;
create index mail_requests_user_idx on private.mail_requests (user_id);
revoke all on private.mail_requests from public, anon, authenticated;
-- RLS on, no policy: only the host (the owner) reads or writes the queue.
alter table private.mail_requests enable row level security;

-- When each user last got a digest (written by private.collect_digests only).
create table private.notification_digests (
  user_id uuid primary key references auth.users on delete cascade,
  last_sent_at timestamptz not null
);
revoke all on private.notification_digests from public, anon, authenticated;
alter table private.notification_digests enable row level security;

create function private.stamp_notification_preference() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
revoke execute on function private.stamp_notification_preference() from public, anon, authenticated;
create trigger notification_preferences_stamp before insert or update on public.notification_preferences
  for each row execute function private.stamp_notification_preference();
create trigger notification_settings_stamp before insert or update on public.notification_settings
  for each row execute function private.stamp_notification_preference();

-- ---------------------------------------------------------------------------
-- Privileges and row-level security: a user reads and writes their own rows; admins read all.

revoke all on public.notification_preferences, public.notification_settings from anon, authenticated;
grant select, delete on public.notification_preferences, public.notification_settings to authenticated;
grant insert (user_id, category, in_app, email), update (in_app, email)
  on public.notification_preferences to authenticated;
grant insert (user_id, digest, essential_only), update (digest, essential_only)
  on public.notification_settings to authenticated;

alter table public.notification_preferences enable row level security;
alter table public.notification_settings enable row level security;

create policy "users read their own notification preferences; admins read all"
  on public.notification_preferences for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "users add their own notification preferences"
  on public.notification_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "users change their own notification preferences"
  on public.notification_preferences for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users delete their own notification preferences"
  on public.notification_preferences for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "users read their own notification settings; admins read all"
  on public.notification_settings for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "users add their own notification settings"
  on public.notification_settings for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "users change their own notification settings"
  on public.notification_settings for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users delete their own notification settings"
  on public.notification_settings for delete to authenticated
  using (user_id = (select auth.uid()));

-- ---------------------------------------------------------------------------
-- Every sender: the preferences applied to each new notification, whoever writes it.

create function private.apply_notification_preferences() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  cat text := private.notification_category(new.kind);
  pref record;
  essential boolean;
begin
  select p.in_app, p.email into pref
  from public.notification_preferences p
  where p.user_id = new.user_id and p.category = cat;

  select s.essential_only into essential
  from public.notification_settings s
  where s.user_id = new.user_id;

  if coalesce(pref.email, private.notification_email_default(cat)) and not coalesce(essential, false) then
    insert into private.mail_requests (user_id, template, vars)
    values (new.user_id, 'notification',
            jsonb_build_object('kind', new.kind, 'title', new.title, 'body', new.body, 'link', new.link));
  end if;

  if cat <> 'account' and not coalesce(pref.in_app, true) then
    return null;
  end if;
  return new;
end
$$;
revoke execute on function private.apply_notification_preferences() from public, anon, authenticated;
create trigger notifications_apply_preferences before insert on public.notifications
  for each row execute function private.apply_notification_preferences();

-- ---------------------------------------------------------------------------
-- The host's side (run as the owner; no request role may call these)

-- Up to max unqueued requests, oldest first, marked queued. Rows another claimer holds are skipped.
create function private.claim_mail_requests(max int) returns setof private.mail_requests
language sql volatile security definer set search_path = ''
as $$
  with picked as (
    select r.id from private.mail_requests r
    where r.queued_at is null
    order by r.id
    limit greatest(max, 0)
    for update skip locked
  )
  update private.mail_requests m set queued_at = now()
  from picked
  where m.id = picked.id
  returning m.*
$$;
revoke execute on function private.claim_mail_requests(int) from public, anon, authenticated;

-- One 'digest' request per user whose digest is due at `at` (daily: the last one 24 h ago or more,
-- weekly: 7 days; never sent: due), listing their unread notifications since the last digest (or
-- since one period ago for a first digest). A user with nothing unread gets no mail, but the
-- time is recorded so the next check is a period later. Returns the number of requests made.
create function private.collect_digests(at timestamptz) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  made int;
begin
  with due as (
    select s.user_id, s.digest,
           case s.digest when 'daily' then interval '1 day' else interval '7 days' end as period,
           d.last_sent_at
    from public.notification_settings s
    left join private.notification_digests d on d.user_id = s.user_id
    where s.digest <> 'off' and not s.essential_only
      and (d.last_sent_at is null
           or d.last_sent_at <= at - case s.digest when 'daily' then interval '1 day' else interval '7 days' end)
  ),
  items as (
    select due.user_id, due.digest,
           jsonb_agg(jsonb_build_object('title', n.title, 'body', n.body, 'link', n.link,
                                        'created_at', n.created_at) order by n.created_at desc) as list
    from due
    join public.notifications n
      on n.user_id = due.user_id and n.read_at is null
     and n.created_at > coalesce(due.last_sent_at, at - due.period) and n.created_at <= at
    group by due.user_id, due.digest
  ),
  stamped as (
    insert into private.notification_digests (user_id, last_sent_at)
    select due.user_id, at from due
    on conflict (user_id) do update set last_sent_at = excluded.last_sent_at
  ),
  queued as (
    insert into private.mail_requests (user_id, template, vars)
    select i.user_id, 'digest', jsonb_build_object('items', i.list, 'period', i.digest)
    from items i
    returning 1
  )
  select count(*) into made from queued;
  return made;
end
$$;
revoke execute on function private.collect_digests(timestamptz) from public, anon, authenticated;

-- One-click unsubscribe: 'all' = essential account mail only (no digest either), 'digest' = digest
-- off, a category = its email off. 'newsletter' belongs to the blog's subscriptions: ignored here.
create function private.unsubscribe(target uuid, category text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if category = 'newsletter' then
    return;
  elsif category = 'all' then
    insert into public.notification_settings (user_id, digest, essential_only)
    values (target, 'off', true)
    on conflict (user_id) do update set digest = 'off', essential_only = true;
  elsif category = 'digest' then
    insert into public.notification_settings (user_id, digest)
    values (target, 'off')
    on conflict (user_id) do update set digest = 'off';
  elsif category in ('learning', 'grades', 'live', 'announcements', 'account') then
    insert into public.notification_preferences (user_id, category, in_app, email)
    values (target, category, true, false)
    on conflict on constraint notification_preferences_pkey do update set email = false;
  else
    raise exception 'unknown notification category %', category
      using errcode = '22023', hint = '422:unknown_category';
  end if;
end
$$;
revoke execute on function private.unsubscribe(uuid, text) from public, anon, authenticated;
