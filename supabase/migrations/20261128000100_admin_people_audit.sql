-- Admin console: People (role changes, suspension) and the audit log (issue 13). docs/admin.md.
--
-- The audit log is read by admins only and written by nobody directly: private.audit, a definer
-- helper no request role may execute, is called inside the admin functions and by AFTER triggers
-- on the rows admins change, so an entry lands in the same transaction as the change (a refused
-- or failed action leaves none).
--
-- A suspended account: profiles.suspended_at is set, auth.users.banned_until is set (the embedded
-- auth and Supabase Auth both refuse sign-in and refresh of a banned user) and the user's auth
-- sessions are deleted (their refresh tokens go with them). Access tokens already issued are
-- refused by the data API at once: private.assert_active_caller() runs in the statement that sets
-- each request's role and claims (edge/db/port.ts SET_CALLER_SQL), one primary-key lookup.

-- ---------------------------------------------------------------------------
-- The audit log

create table public.admin_audit_log (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid references public.profiles (id) on delete set null,
  action text not null check (action ~ '^[a-z_]{1,30}\.[a-z_]{1,30}$'),
  target_type text not null check (target_type ~ '^[a-z_]{1,40}$'),
  target_id uuid,
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  created_at timestamptz not null default now()
);
create index admin_audit_log_created_idx on public.admin_audit_log (created_at desc, id desc);
create index admin_audit_log_actor_idx on public.admin_audit_log (actor_id, created_at desc);
create index admin_audit_log_action_idx on public.admin_audit_log (action, created_at desc);
comment on table public.admin_audit_log is
  'Who changed what and when, for every admin action; written only by private.audit, never edited.';

revoke all on public.admin_audit_log from anon, authenticated;
grant select on public.admin_audit_log to authenticated;

alter table public.admin_audit_log enable row level security;

create policy "admins read the audit log"
  on public.admin_audit_log for select to authenticated
  using ((select private.is_admin()));

-- Never edited, not even by the owner: the one change allowed is the actor's profile going away
-- (on delete set null).
create function private.guard_audit_log() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and new.actor_id is null and old.actor_id is not null
     and (new.id, new.action, new.target_type, new.target_id, new.details, new.created_at)
         is not distinct from (old.id, old.action, old.target_type, old.target_id, old.details, old.created_at) then
    return new;
  end if;
  raise exception 'the audit log is never edited' using errcode = 'P0001', hint = '409:audit_log_immutable';
end
$$;
revoke execute on function private.guard_audit_log() from public, anon, authenticated;
create trigger admin_audit_log_guard before update or delete on public.admin_audit_log
  for each row execute function private.guard_audit_log();

-- One entry by the caller of this request. Executable by no request role: only definer code
-- (which runs as the owner) calls it.
create function private.audit(action text, target_type text, target uuid, details jsonb default '{}'::jsonb)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.admin_audit_log (actor_id, action, target_type, target_id, details)
  values ((select auth.uid()), action, target_type, target, coalesce(details, '{}'::jsonb))
$$;
revoke execute on function private.audit(text, text, uuid, jsonb) from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Existing admin actions, audited where the change lands

-- Course approval: public.decide_course_review records each decision in course_review_decisions
-- (the seed, with no caller, is not audited).
create function private.audit_course_decision() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    perform private.audit(
      case when new.decision = 'approved' then 'course.approve' else 'course.reject' end,
      'course', new.course_id, jsonb_build_object('reason', new.reason));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_course_decision() from public, anon, authenticated;
create trigger course_review_decisions_audit after insert on public.course_review_decisions
  for each row execute function private.audit_course_decision();

-- Reviews: only an admin may flip is_hidden in a request (private.guard_review_columns), so a
-- change with a caller is an admin's. The seed (no caller) is not audited.
create function private.audit_review_visibility() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    perform private.audit(
      case when new.is_hidden then 'review.hide' else 'review.restore' end,
      'review', new.id, jsonb_build_object('course_id', new.course_id));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_review_visibility() from public, anon, authenticated;
create trigger reviews_audit_visibility after update of is_hidden on public.reviews
  for each row when (new.is_hidden is distinct from old.is_hidden)
  execute function private.audit_review_visibility();

-- Refunds an admin issues: private.refund_order runs as the service role (no caller in the claims)
-- and records the admin in refunds.requested_by, who is the actor here.
create function private.audit_admin_refund() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.admin_audit_log (actor_id, action, target_type, target_id, details)
  values (new.requested_by, 'order.refund', 'order', new.order_id,
          jsonb_build_object('refund_id', new.id, 'amount', new.amount, 'currency', new.currency, 'reason', new.reason));
  return null;
end
$$;
revoke execute on function private.audit_admin_refund() from public, anon, authenticated;
create trigger refunds_audit_admin after insert on public.refunds
  for each row when (new.kind = 'admin' and new.requested_by is not null)
  execute function private.audit_admin_refund();

-- ---------------------------------------------------------------------------
-- People: suspension and roles

alter table public.profiles
  add column suspended_at timestamptz,
  add column suspended_reason text check (suspended_reason is null or char_length(suspended_reason) <= 500);
comment on column public.profiles.suspended_at is
  'Set by public.admin_suspend_user: the account may not sign in and its tokens are refused.';

-- Refuses a request of a suspended account: called in the statement that sets each request's role
-- and claims, after them. One primary-key lookup; anon and the service role pass.
create function private.assert_active_caller() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  if exists (
    select 1 from public.profiles p where p.id = (select auth.uid()) and p.suspended_at is not null
  ) then
    raise exception 'this account is suspended' using errcode = 'P0001', hint = '401:account_suspended';
  end if;
  return true;
end
$$;
revoke execute on function private.assert_active_caller() from public;
grant execute on function private.assert_active_caller() to anon;
grant execute on function private.assert_active_caller() to authenticated;
grant execute on function private.assert_active_caller() to service_role;

-- An admin cannot demote themself, however the role is changed (this function or an update).
-- Invoker on purpose, like private.guard_profile_columns: the owner outside requests may do anything.
create function private.guard_own_admin_role() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if old.id = (select auth.uid()) and old.role = 'admin' and new.role <> 'admin' then
    raise exception 'an admin cannot demote themself' using errcode = 'P0001', hint = '409:cannot_demote_self';
  end if;
  return new;
end
$$;
revoke execute on function private.guard_own_admin_role() from public, anon;
grant execute on function private.guard_own_admin_role() to authenticated;
create trigger profiles_guard_own_admin_role before update of role on public.profiles
  for each row when (new.role is distinct from old.role)
  execute function private.guard_own_admin_role();

-- Every role change in a request is an admin's (private.guard_profile_columns): audited.
create function private.audit_role_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    perform private.audit('user.role_change', 'user', new.id,
      jsonb_build_object('from', old.role, 'to', new.role));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_role_change() from public, anon, authenticated;
create trigger profiles_audit_role_change after update of role on public.profiles
  for each row when (new.role is distinct from old.role)
  execute function private.audit_role_change();

-- The caller, who must be a platform admin: 401 without a caller, 403 for anyone else.
create function private.require_platform_admin() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if me is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  if not private.is_admin() then
    raise exception 'only an admin manages people' using errcode = 'P0001', hint = '403:not_admin';
  end if;
  return me;
end
$$;
revoke execute on function private.require_platform_admin() from public, anon, authenticated;

-- Admins' people list: search (name or email), role, status, a page; each with their enrollments
-- and last sign-in (auth.users, hence definer), and the total matching.
create function public.admin_list_users(
  search text default '', wanted_role public.app_role default null, wanted_status text default null,
  page_limit integer default 25, page_offset integer default 0
)
returns table (
  id uuid, email text, first_name text, last_name text, role public.app_role,
  suspended_at timestamptz, suspended_reason text, created_at timestamptz,
  last_sign_in_at timestamptz, enrollments integer, total integer
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  pattern text := '%' || replace(replace(replace(btrim(coalesce(search, '')), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  perform private.require_platform_admin();
  if wanted_status is not null and wanted_status not in ('active', 'suspended') then
    raise exception 'status is active or suspended' using errcode = 'P0001', hint = '400:invalid_status';
  end if;
  if page_limit is null or page_limit not between 1 and 100 or page_offset is null or page_offset < 0 then
    raise exception 'a page holds 1 to 100 people' using errcode = 'P0001', hint = '400:invalid_page';
  end if;
  return query
    with matching as (
      select p.* from public.profiles p
      where (pattern = '%%' or p.email ilike pattern or (p.first_name || ' ' || p.last_name) ilike pattern)
        and (wanted_role is null or p.role = wanted_role)
        and (wanted_status is null or (p.suspended_at is not null) = (wanted_status = 'suspended'))
    )
    select m.id, m.email, m.first_name, m.last_name, m.role, m.suspended_at, m.suspended_reason, m.created_at,
           u.last_sign_in_at,
           (select count(*)::int from public.enrollments e where e.user_id = m.id),
           (count(*) over ())::int
      from matching m
      left join auth.users u on u.id = m.id
     order by m.created_at desc, m.id
     limit page_limit offset page_offset;
end
$$;
revoke execute on function public.admin_list_users(text, public.app_role, text, integer, integer) from public, anon;
grant execute on function public.admin_list_users(text, public.app_role, text, integer, integer) to authenticated;

-- Changes a user's role (audited by the trigger above). Becoming an instructor creates their
-- instructor card (public.instructors) when they have none; a demoted instructor keeps theirs,
-- since their courses refer to it.
create function public.admin_set_user_role(target uuid, new_role public.app_role) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := private.require_platform_admin();
  p public.profiles;
begin
  if new_role is null then
    raise exception 'name the role' using errcode = 'P0001', hint = '400:invalid_role';
  end if;
  if target = me and new_role <> 'admin' then
    raise exception 'an admin cannot demote themself' using errcode = 'P0001', hint = '409:cannot_demote_self';
  end if;
  select * into p from public.profiles x where x.id = target for update;
  if not found then
    raise exception 'user not found' using errcode = 'P0002';
  end if;
  if p.role <> new_role then
    update public.profiles x set role = new_role where x.id = target returning * into p;
  end if;
  if new_role = 'instructor' then
    insert into public.instructors (user_id, display_name)
    values (p.id, left(coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''), split_part(p.email, '@', 1), 'Instructor'), 120))
    on conflict (user_id) do nothing;
  end if;
  return jsonb_build_object('id', p.id, 'role', p.role);
end
$$;
revoke execute on function public.admin_set_user_role(uuid, public.app_role) from public, anon;
grant execute on function public.admin_set_user_role(uuid, public.app_role) to authenticated;

-- Suspends an account: refused sign-in and refresh (banned_until), sessions ended, access tokens
-- refused by the data API (private.assert_active_caller). Not oneself.
create function public.admin_suspend_user(target uuid, reason text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := private.require_platform_admin();
  why text := btrim(coalesce(reason, ''));
  p public.profiles;
begin
  if why = '' or char_length(why) > 500 then
    raise exception 'say why (at most 500 characters)' using errcode = 'P0001', hint = '400:invalid_reason';
  end if;
  if target = me then
    raise exception 'an admin cannot suspend themself' using errcode = 'P0001', hint = '409:cannot_suspend_self';
  end if;
  select * into p from public.profiles x where x.id = target for update;
  if not found then
    raise exception 'user not found' using errcode = 'P0002';
  end if;
  if p.suspended_at is not null then
    raise exception 'this account is already suspended' using errcode = 'P0001', hint = '409:already_suspended';
  end if;
  update public.profiles x set suspended_at = now(), suspended_reason = why where x.id = target returning * into p;
  update auth.users u set banned_until = now() + interval '100 years' where u.id = target;
  delete from auth.sessions s where s.user_id = target;
  perform private.audit('user.suspend', 'user', target, jsonb_build_object('reason', why));
  return jsonb_build_object('id', p.id, 'suspendedAt', p.suspended_at, 'reason', p.suspended_reason);
end
$$;
revoke execute on function public.admin_suspend_user(uuid, text) from public, anon;
grant execute on function public.admin_suspend_user(uuid, text) to authenticated;

create function public.admin_restore_user(target uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.profiles;
begin
  perform private.require_platform_admin();
  select * into p from public.profiles x where x.id = target for update;
  if not found then
    raise exception 'user not found' using errcode = 'P0002';
  end if;
  if p.suspended_at is null then
    raise exception 'this account is not suspended' using errcode = 'P0001', hint = '409:not_suspended';
  end if;
  update public.profiles x set suspended_at = null, suspended_reason = null where x.id = target returning * into p;
  update auth.users u set banned_until = null where u.id = target;
  perform private.audit('user.restore', 'user', target, '{}'::jsonb);
  return jsonb_build_object('id', p.id, 'suspendedAt', null, 'reason', null);
end
$$;
revoke execute on function public.admin_restore_user(uuid) from public, anon;
grant execute on function public.admin_restore_user(uuid) to authenticated;
