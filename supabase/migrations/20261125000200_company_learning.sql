-- Company learning (issue 11): groups, member status, invitations (hashed single-use tokens),
-- course and bundle assignments that hold seats, imports, the company report, platform admin tools.
-- docs/company.md describes the model, the seat rules and every function's answers.
--
-- Seats: pool(company, course) = sum(seats - seats_revoked) of its seat_purchases; used = its
-- active company_assignments (members and pending invitees). Every function that takes or frees
-- seats locks the company row first, so calls for one company are serialised and exact.

-- ---------------------------------------------------------------------------
-- Tables

create table public.company_groups (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100 and name = btrim(name)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (company_id, id)
);
create unique index company_groups_name_idx on public.company_groups (company_id, lower(name));

alter table public.company_members
  add column group_id uuid,
  add column status text not null default 'active' check (status in ('active', 'removed')),
  add column removed_at timestamptz,
  add column name text not null default '' check (char_length(name) <= 200),
  add constraint company_members_removed_check check ((status = 'removed') = (removed_at is not null)),
  add constraint company_members_group_fkey foreign key (company_id, group_id)
    references public.company_groups (company_id, id) on delete set null (group_id);
create index company_members_group_idx on public.company_members (company_id, group_id);

create table public.company_invitations (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id) on delete cascade,
  email text not null check (char_length(email) <= 254 and email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  name text not null default '' check (char_length(name) <= 200),
  group_id uuid,
  role public.company_role not null default 'employee',
  token_sha256 bytea not null unique check (octet_length(token_sha256) = 32),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz,
  accepted_by uuid references public.profiles (id) on delete set null,
  revoked_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  last_sent_at timestamptz not null default now(),
  unique (company_id, id),
  foreign key (company_id, group_id) references public.company_groups (company_id, id) on delete set null (group_id)
);
-- At most one open invitation per company and email.
create unique index company_invitations_open_idx on public.company_invitations (company_id, email)
  where accepted_at is null and revoked_at is null;
create index company_invitations_group_idx on public.company_invitations (company_id, group_id);
create index company_invitations_accepted_by_idx on public.company_invitations (accepted_by);
create index company_invitations_created_by_idx on public.company_invitations (created_by);

create table public.company_assignments (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  bundle_id uuid references public.bundles (id) on delete set null,
  user_id uuid references public.profiles (id) on delete cascade,
  invitation_id uuid,
  due_at timestamptz,
  assigned_by uuid references public.profiles (id) on delete set null,
  assigned_at timestamptz not null default now(),
  unassigned_at timestamptz,
  unassigned_by uuid references public.profiles (id) on delete set null,
  check (user_id is not null or invitation_id is not null),
  foreign key (company_id, invitation_id) references public.company_invitations (company_id, id) on delete cascade
);
create unique index company_assignments_user_active_idx on public.company_assignments (company_id, user_id, course_id)
  where unassigned_at is null and user_id is not null;
create unique index company_assignments_invitation_active_idx on public.company_assignments (invitation_id, course_id)
  where unassigned_at is null and user_id is null;
create index company_assignments_seats_idx on public.company_assignments (company_id, course_id)
  where unassigned_at is null;
create index company_assignments_user_idx on public.company_assignments (user_id, course_id);
create index company_assignments_invitation_idx on public.company_assignments (company_id, invitation_id);
create index company_assignments_course_idx on public.company_assignments (course_id);
create index company_assignments_bundle_idx on public.company_assignments (bundle_id);
create index company_assignments_assigned_by_idx on public.company_assignments (assigned_by);
create index company_assignments_unassigned_by_idx on public.company_assignments (unassigned_by);

-- Seats a platform admin adds have no order.
alter table public.seat_purchases
  alter column order_id drop not null,
  add column note text check (char_length(note) <= 500),
  add column added_by uuid references public.profiles (id) on delete set null;
create index seat_purchases_added_by_idx on public.seat_purchases (added_by);

create trigger company_groups_touch before update on public.company_groups
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Memberships count while active: a removed employee no longer reads the company.
-- my_company_learner_ids keeps removed members (their records stay for the company's reports).

create or replace function private.my_company_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select m.company_id from public.company_members m
    where m.user_id = (select auth.uid()) and m.status = 'active';
end
$$;

create or replace function private.my_admin_company_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select m.company_id from public.company_members m
    where m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active';
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
    where me.user_id = (select auth.uid()) and me.role = 'admin' and me.status = 'active';
end
$$;

create or replace function private.is_company_admin(company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.company_members m
    where m.company_id = company and m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active'
  )
$$;

create or replace function private.is_company_member(company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.company_members m
    where m.company_id = company and m.user_id = (select auth.uid()) and m.status = 'active'
  )
$$;

-- ---------------------------------------------------------------------------
-- Private helpers

-- The caller may manage the company (service_role, a platform admin, an active admin of it):
-- returns the actor (null for service_role), else 404 company_not_found (no oracle).
-- With lock, the company row is locked for the rest of the transaction.
create function private.company_guard(company uuid, lock boolean) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  service boolean := coalesce((select auth.role()), '') = 'service_role';
begin
  if company is null
     or not (service or (me is not null and (
       private.is_admin()
       or exists (select 1 from public.company_members m
                  where m.company_id = company and m.user_id = me and m.role = 'admin' and m.status = 'active'))))
     or not exists (select 1 from public.companies c where c.id = company) then
    raise exception 'company not found' using errcode = 'P0001', hint = '404:company_not_found';
  end if;
  if lock then
    perform 1 from public.companies c where c.id = company for update;
  end if;
  return case when service then null else me end;
end
$$;

-- Platform admins and service_role only: the actor (null for service_role), else 403.
create function private.platform_admin_guard() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  if coalesce((select auth.role()), '') = 'service_role' then
    return null;
  end if;
  if (select auth.uid()) is null or not private.is_admin() then
    raise exception 'platform admins only' using errcode = 'P0001', hint = '403:forbidden';
  end if;
  return (select auth.uid());
end
$$;

-- A new invitation token: 32 bytes (SHA-256 of three random UUIDs, 366 random bits) in base64url.
create function private.new_invitation_token() returns text
language sql volatile security definer set search_path = ''
as $$
  select translate(encode(sha256(convert_to(
    gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'base64'), '+/=', '-_')
$$;

create function private.invitation_token_hash(token text) returns bytea
language sql immutable security definer set search_path = ''
as $$
  select sha256(convert_to(coalesce(token, ''), 'UTF8'))
$$;

create function private.is_valid_email(email text) returns boolean
language sql immutable security definer set search_path = ''
as $$
  select email is not null and char_length(email) <= 254
     and email ~ '^[^@\s,;<>()"'']+@[^@\s,;<>()"'']+\.[^@\s,;<>()"''.][^@\s,;<>()"'']*$'
$$;

-- The courses an assignment spec names: {courseId} or {bundleId}; 422/404 otherwise.
create function private.assignment_courses(spec jsonb, out courses uuid[], out bundle uuid)
language plpgsql stable security definer set search_path = ''
as $$
declare
  course uuid;
begin
  if spec is null or jsonb_typeof(spec) <> 'object'
     or (spec ? 'courseId' and spec ? 'bundleId') or not (spec ? 'courseId' or spec ? 'bundleId') then
    raise exception 'name a course or a bundle (courseId or bundleId)'
      using errcode = 'P0001', hint = '422:invalid_assignment';
  end if;
  begin
    course := (spec ->> 'courseId')::uuid;
    bundle := (spec ->> 'bundleId')::uuid;
  exception when others then
    raise exception 'courseId and bundleId are ids' using errcode = 'P0001', hint = '422:invalid_assignment';
  end;
  if course is not null then
    if not exists (select 1 from public.courses c where c.id = course) then
      raise exception 'course not found' using errcode = 'P0001', hint = '404:course_not_found';
    end if;
    courses := array[course];
  else
    select coalesce(array_agg(bc.course_id order by bc.position, bc.course_id), '{}') into courses
    from public.bundle_courses bc where bc.bundle_id = bundle;
    if not exists (select 1 from public.bundles b where b.id = bundle) or cardinality(courses) = 0 then
      raise exception 'bundle not found' using errcode = 'P0001', hint = '404:bundle_not_found';
    end if;
  end if;
end
$$;

create function private.assignment_due(spec jsonb) returns timestamptz
language plpgsql immutable security definer set search_path = ''
as $$
begin
  if spec is null or spec -> 'dueAt' is null or jsonb_typeof(spec -> 'dueAt') = 'null' then
    return null;
  end if;
  return (spec ->> 'dueAt')::timestamptz;
exception when others then
  raise exception 'dueAt is an ISO date' using errcode = 'P0001', hint = '422:invalid_assignment';
end
$$;

-- Assigns courses to targets [{userId|invitationId, email, member: bool}] in order, in a
-- company whose row the caller has locked. Free seats per course are read once, then counted
-- down. A person gets every course they lack, or none (no_seat). Members get company enrollments.
create function private.assign_targets(
  company uuid, actor uuid, targets jsonb, courses uuid[], bundle uuid, due timestamptz, due_given boolean
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  free integer[];
  t record;
  have uuid[];
  missing uuid[];
  lacking uuid;
  results jsonb := '[]'::jsonb;
  status text;
  message text;
  i integer;
begin
  select array_agg(
           coalesce((select sum(sp.seats - sp.seats_revoked) from public.seat_purchases sp
                     where sp.company_id = company and sp.course_id = c.id), 0)::int
           - (select count(*) from public.company_assignments a
              where a.company_id = company and a.course_id = c.id and a.unassigned_at is null)::int
           order by c.ord)
    into free
  from unnest(courses) with ordinality as c (id, ord);

  for t in
    select (x ->> 'userId')::uuid as user_id, (x ->> 'invitationId')::uuid as invitation_id,
           x ->> 'email' as email, coalesce((x ->> 'member')::boolean, false) as member
    from jsonb_array_elements(targets) x
  loop
    missing := '{}';
    message := null;
    if not t.member then
      status := 'not_member';
      message := 'not a member of this company or an open invitation';
    else
      select coalesce(array_agg(a.course_id), '{}') into have
      from public.company_assignments a
      where a.company_id = company and a.unassigned_at is null and a.course_id = any(courses)
        and (a.user_id = t.user_id or (t.user_id is null and a.user_id is null and a.invitation_id = t.invitation_id));
      select coalesce(array_agg(c), '{}') into missing from unnest(courses) c where not (c = any(have));
      lacking := null;
      for i in 1 .. cardinality(courses) loop
        if courses[i] = any(missing) and free[i] < 1 then
          lacking := courses[i];
          exit;
        end if;
      end loop;
      if lacking is not null then
        status := 'no_seat';
        message := 'no seat left in ' || coalesce((select c.title from public.courses c where c.id = lacking), 'the course')
                   || ': buy more seats';
        missing := '{}';
      else
        status := case when cardinality(missing) = 0 then 'already_assigned' else 'assigned' end;
        for i in 1 .. cardinality(courses) loop
          if courses[i] = any(missing) then
            free[i] := free[i] - 1;
          end if;
        end loop;
        if due_given then
          update public.company_assignments a set due_at = due
          where a.company_id = company and a.unassigned_at is null and a.course_id = any(have)
            and a.due_at is distinct from due
            and (a.user_id = t.user_id or (t.user_id is null and a.user_id is null and a.invitation_id = t.invitation_id));
        end if;
        insert into public.company_assignments (company_id, course_id, bundle_id, user_id, invitation_id, due_at, assigned_by)
          select company, c, bundle, t.user_id, case when t.user_id is null then t.invitation_id end, due, actor
          from unnest(missing) c;
        if t.user_id is not null and cardinality(missing) > 0 then
          insert into public.enrollments (user_id, course_id, source)
            select t.user_id, c, 'company' from unnest(missing) c
            on conflict (user_id, course_id) do update set status = 'active', source = 'company'
              where public.enrollments.status = 'cancelled';
          perform private.recompute_enrollment(t.user_id, c) from unnest(missing) c;
        end if;
      end if;
    end if;
    results := results || jsonb_build_object(
      'userId', t.user_id, 'invitationId', t.invitation_id, 'email', t.email, 'status', status,
      'courseIds', to_jsonb(missing), 'message', message);
  end loop;
  return results;
end
$$;

-- Unassigns courses from a person (a member or an invitation) of a company: frees the seats,
-- cancels the member's company enrollments in them; returns the course ids unassigned.
create function private.unassign_person(company uuid, actor uuid, person uuid, invitation uuid, courses uuid[])
returns uuid[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  done uuid[];
begin
  with u as (
    update public.company_assignments a set unassigned_at = now(), unassigned_by = actor
    where a.company_id = company and a.unassigned_at is null
      and (courses is null or a.course_id = any(courses))
      and ((person is not null and a.user_id = person)
           or (person is null and a.user_id is null and a.invitation_id = invitation))
    returning a.course_id
  )
  select coalesce(array_agg(u.course_id), '{}') into done from u;
  if person is not null and cardinality(done) > 0 then
    update public.enrollments e set status = 'cancelled'
    where e.user_id = person and e.course_id = any(done) and e.source = 'company' and e.status <> 'cancelled';
  end if;
  return done;
end
$$;

-- Targets of a spec in a company: userIds, invitationIds, then groupId's members and open
-- invitations; each {userId|invitationId, email, member} (member: active member / open invitation).
create function private.spec_targets(company uuid, spec jsonb) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  grp uuid;
  users uuid[];
  invitations uuid[];
  result jsonb;
begin
  begin
    grp := (spec ->> 'groupId')::uuid;
    select coalesce(array_agg(distinct x::uuid), '{}') into users
      from jsonb_array_elements_text(coalesce(spec -> 'userIds', '[]'::jsonb)) x;
    select coalesce(array_agg(distinct x::uuid), '{}') into invitations
      from jsonb_array_elements_text(coalesce(spec -> 'invitationIds', '[]'::jsonb)) x;
  exception when others then
    raise exception 'userIds, invitationIds and groupId are ids' using errcode = 'P0001', hint = '422:invalid_assignment';
  end;
  if grp is not null and not exists (select 1 from public.company_groups g where g.id = grp and g.company_id = company) then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end if;
  with t as (
    select 1 as part, u.ord, u.id as user_id, null::uuid as invitation_id, p.email,
           (m.status = 'active') is true as member, ''::text as sort
    from unnest(users) with ordinality as u (id, ord)
    left join public.company_members m on m.company_id = company and m.user_id = u.id
    left join public.profiles p on p.id = m.user_id
    union all
    select 2, i.ord, null, i.id, v.email, v.id is not null, ''
    from unnest(invitations) with ordinality as i (id, ord)
    left join public.company_invitations v
      on v.id = i.id and v.company_id = company and v.accepted_at is null and v.revoked_at is null
    union all
    select 3, 0, m.user_id, null, p.email, true,
           lower(coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''), nullif(m.name, ''), p.email))
    from public.company_members m join public.profiles p on p.id = m.user_id
    where grp is not null and m.company_id = company and m.group_id = grp and m.status = 'active'
      and not (m.user_id = any(users))
    union all
    select 4, 0, null, v.id, v.email, true, v.email
    from public.company_invitations v
    where grp is not null and v.company_id = company and v.group_id = grp
      and v.accepted_at is null and v.revoked_at is null and not (v.id = any(invitations))
  )
  select coalesce(jsonb_agg(jsonb_build_object('userId', t.user_id, 'invitationId', t.invitation_id,
                                               'email', t.email, 'member', t.member)
                            order by t.part, t.ord, t.sort, t.user_id, t.invitation_id), '[]'::jsonb)
    into result from t;
  if jsonb_array_length(result) = 0 then
    raise exception 'name at least one person or a group with people in it'
      using errcode = 'P0001', hint = '422:invalid_assignment';
  end if;
  if jsonb_array_length(result) > 5000 then
    raise exception 'at most 5000 people at once' using errcode = 'P0001', hint = '422:invalid_assignment';
  end if;
  return result;
end
$$;

-- An invitation's public shape, with the token when one was just made.
create function private.invitation_json(v public.company_invitations, token text) returns jsonb
language sql immutable security definer set search_path = ''
as $$
  select jsonb_build_object('id', v.id, 'companyId', v.company_id, 'email', v.email, 'name', v.name,
                            'groupId', v.group_id, 'token', token, 'expiresAt', private.iso_time(v.expires_at))
$$;

-- ---------------------------------------------------------------------------
-- Groups

create function public.create_company_group(company uuid, name text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  clean text := btrim(coalesce(name, ''));
  g public.company_groups;
begin
  perform private.company_guard(company, false);
  if char_length(clean) not between 1 and 100 then
    raise exception 'a group name has 1 to 100 characters' using errcode = 'P0001', hint = '422:invalid_group_name';
  end if;
  if exists (select 1 from public.company_groups x where x.company_id = company and lower(x.name) = lower(clean)) then
    raise exception 'a group with that name exists' using errcode = 'P0001', hint = '409:group_exists';
  end if;
  insert into public.company_groups (company_id, name) values (company, clean) returning * into g;
  return jsonb_build_object('id', g.id, 'companyId', g.company_id, 'name', g.name);
end
$$;

create function public.rename_company_group(grp uuid, name text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  clean text := btrim(coalesce(name, ''));
  g public.company_groups;
begin
  select * into g from public.company_groups x where x.id = grp;
  if not found then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end if;
  begin
    perform private.company_guard(g.company_id, false);
  exception when sqlstate 'P0001' then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end;
  if char_length(clean) not between 1 and 100 then
    raise exception 'a group name has 1 to 100 characters' using errcode = 'P0001', hint = '422:invalid_group_name';
  end if;
  if exists (select 1 from public.company_groups x
             where x.company_id = g.company_id and lower(x.name) = lower(clean) and x.id <> g.id) then
    raise exception 'a group with that name exists' using errcode = 'P0001', hint = '409:group_exists';
  end if;
  update public.company_groups x set name = clean where x.id = g.id returning * into g;
  return jsonb_build_object('id', g.id, 'companyId', g.company_id, 'name', g.name);
end
$$;

create function public.delete_company_group(grp uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  g public.company_groups;
begin
  select * into g from public.company_groups x where x.id = grp;
  if not found then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end if;
  begin
    perform private.company_guard(g.company_id, false);
  exception when sqlstate 'P0001' then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end;
  delete from public.company_groups x where x.id = g.id;
  return jsonb_build_object('id', g.id, 'deleted', true);
end
$$;

create function public.move_company_members(company uuid, users uuid[], grp uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moved integer;
begin
  perform private.company_guard(company, false);
  if users is null or cardinality(users) = 0 or cardinality(users) > 5000 then
    raise exception 'name 1 to 5000 members' using errcode = 'P0001', hint = '422:invalid_members';
  end if;
  if grp is not null and not exists (select 1 from public.company_groups g where g.id = grp and g.company_id = company) then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end if;
  update public.company_members m set group_id = grp
  where m.company_id = company and m.user_id = any(users);
  get diagnostics moved = row_count;
  return jsonb_build_object('moved', moved);
end
$$;

-- ---------------------------------------------------------------------------
-- Assignments

create function public.assign_company_learning(company uuid, spec jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.company_guard(company, true);
  what record;
  due timestamptz;
  results jsonb;
begin
  select * into what from private.assignment_courses(spec);
  due := private.assignment_due(spec);
  results := private.assign_targets(company, actor, private.spec_targets(company, spec), what.courses, what.bundle,
                                    due, spec ? 'dueAt');
  return jsonb_build_object(
    'results', results,
    'summary', (select jsonb_build_object(
                  'assigned', count(*) filter (where r ->> 'status' = 'assigned'),
                  'alreadyAssigned', count(*) filter (where r ->> 'status' = 'already_assigned'),
                  'noSeat', count(*) filter (where r ->> 'status' = 'no_seat'),
                  'notMember', count(*) filter (where r ->> 'status' = 'not_member'))
                from jsonb_array_elements(results) r));
end
$$;

create function public.unassign_company_learning(company uuid, spec jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.company_guard(company, true);
  what record;
  t record;
  done uuid[];
  results jsonb := '[]'::jsonb;
begin
  select * into what from private.assignment_courses(spec);
  for t in
    select (x ->> 'userId')::uuid as user_id, (x ->> 'invitationId')::uuid as invitation_id,
           x ->> 'email' as email, (x ->> 'member')::boolean as member
    from jsonb_array_elements(private.spec_targets(company, spec)) x
  loop
    done := '{}';
    if t.member or t.user_id is not null then
      done := private.unassign_person(company, actor, t.user_id, t.invitation_id, what.courses);
    end if;
    results := results || jsonb_build_object(
      'userId', t.user_id, 'invitationId', t.invitation_id, 'email', t.email,
      'status', case when cardinality(done) > 0 then 'unassigned' when t.member then 'not_assigned' else 'not_member' end,
      'courseIds', to_jsonb(done));
  end loop;
  return jsonb_build_object(
    'results', results,
    'summary', (select jsonb_build_object(
                  'unassigned', count(*) filter (where r ->> 'status' = 'unassigned'),
                  'notAssigned', count(*) filter (where r ->> 'status' = 'not_assigned'),
                  'notMember', count(*) filter (where r ->> 'status' = 'not_member'))
                from jsonb_array_elements(results) r));
end
$$;

-- ---------------------------------------------------------------------------
-- Members and invitations

create function public.remove_company_member(company uuid, member uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.company_guard(company, true);
  m public.company_members;
  done uuid[] := '{}';
begin
  select * into m from public.company_members x where x.company_id = company and x.user_id = member;
  if not found then
    raise exception 'member not found' using errcode = 'P0001', hint = '404:member_not_found';
  end if;
  if m.status = 'active' then
    if m.role = 'admin' and not exists (
      select 1 from public.company_members x
      where x.company_id = company and x.role = 'admin' and x.status = 'active' and x.user_id <> member) then
      raise exception 'the company needs another admin first' using errcode = 'P0001', hint = '409:last_admin';
    end if;
    update public.company_members x set status = 'removed', removed_at = now()
      where x.company_id = company and x.user_id = member;
    done := private.unassign_person(company, actor, member, null, null);
  end if;
  return jsonb_build_object('userId', member, 'status', 'removed', 'unassigned', cardinality(done));
end
$$;

create function public.create_company_invitation(company uuid, email text, grp uuid default null, name text default '')
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.company_guard(company, true);
  clean text := lower(btrim(coalesce(email, '')));
  token text := private.new_invitation_token();
  v public.company_invitations;
begin
  if not private.is_valid_email(clean) then
    raise exception 'that is not an email address' using errcode = 'P0001', hint = '422:invalid_email';
  end if;
  if char_length(coalesce(name, '')) > 200 then
    raise exception 'a name has at most 200 characters' using errcode = 'P0001', hint = '422:invalid_name';
  end if;
  if grp is not null and not exists (select 1 from public.company_groups g where g.id = grp and g.company_id = company) then
    raise exception 'group not found' using errcode = 'P0001', hint = '404:group_not_found';
  end if;
  if exists (select 1 from public.company_members m join public.profiles p on p.id = m.user_id
             where m.company_id = company and m.status = 'active' and lower(p.email) = clean) then
    raise exception 'already a member of this company' using errcode = 'P0001', hint = '409:already_member';
  end if;
  if exists (select 1 from public.company_invitations x
             where x.company_id = company and x.email = clean and x.accepted_at is null and x.revoked_at is null) then
    raise exception 'already invited: resend the invitation' using errcode = 'P0001', hint = '409:already_invited';
  end if;
  insert into public.company_invitations (company_id, email, name, group_id, token_sha256, created_by)
    values (company, clean, coalesce(name, ''), grp, private.invitation_token_hash(token), actor)
    returning * into v;
  return private.invitation_json(v, token);
end
$$;

-- The invitation for the functions below, the company locked; 404 for another company's.
create function private.open_invitation(invitation uuid) returns public.company_invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.company_invitations;
begin
  select * into v from public.company_invitations x where x.id = invitation;
  if not found then
    raise exception 'invitation not found' using errcode = 'P0001', hint = '404:invitation_not_found';
  end if;
  begin
    perform private.company_guard(v.company_id, true);
  exception when sqlstate 'P0001' then
    raise exception 'invitation not found' using errcode = 'P0001', hint = '404:invitation_not_found';
  end;
  select * into v from public.company_invitations x where x.id = invitation for update;
  if v.accepted_at is not null then
    raise exception 'this invitation was accepted' using errcode = 'P0001', hint = '409:invitation_used';
  end if;
  return v;
end
$$;

create function public.resend_company_invitation(invitation uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.company_invitations := private.open_invitation(invitation);
  token text := private.new_invitation_token();
begin
  if v.revoked_at is not null then
    raise exception 'this invitation was revoked' using errcode = 'P0001', hint = '409:invitation_revoked';
  end if;
  update public.company_invitations x
    set token_sha256 = private.invitation_token_hash(token), expires_at = now() + interval '14 days',
        last_sent_at = now()
    where x.id = v.id
    returning * into v;
  return private.invitation_json(v, token);
end
$$;

create function public.revoke_company_invitation(invitation uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.company_invitations := private.open_invitation(invitation);
  done uuid[] := '{}';
begin
  if v.revoked_at is null then
    update public.company_invitations x set revoked_at = now() where x.id = v.id;
    done := private.unassign_person(v.company_id, (select auth.uid()), null, v.id, null);
  end if;
  return jsonb_build_object('id', v.id, 'revoked', true, 'unassigned', cardinality(done));
end
$$;

create function public.accept_company_invitation(token text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  v public.company_invitations;
  c public.companies;
  m public.company_members;
  courses uuid[];
begin
  if me is null then
    raise exception 'sign in to accept the invitation' using errcode = '28000';
  end if;
  select * into v from public.company_invitations x where x.token_sha256 = private.invitation_token_hash(token);
  if not found or v.revoked_at is not null then
    raise exception 'this invitation link is not valid' using errcode = 'P0001', hint = '404:invitation_invalid';
  end if;
  perform 1 from public.companies x where x.id = v.company_id for update;
  select * into v from public.company_invitations x where x.id = v.id for update;
  if v.revoked_at is not null then
    raise exception 'this invitation link is not valid' using errcode = 'P0001', hint = '404:invitation_invalid';
  end if;
  if v.accepted_at is not null then
    raise exception 'this invitation was already used' using errcode = 'P0001', hint = '409:invitation_used';
  end if;
  if v.expires_at <= now() then
    raise exception 'this invitation has expired: ask for a new one' using errcode = 'P0001', hint = '410:invitation_expired';
  end if;
  select lower(p.email) into my_email from public.profiles p where p.id = me;
  if my_email is distinct from v.email then
    raise exception 'this invitation is for another email address' using errcode = 'P0001', hint = '403:invitation_wrong_email';
  end if;

  insert into public.company_members (company_id, user_id, role, group_id, name)
    values (v.company_id, me, v.role, v.group_id, v.name)
    on conflict (company_id, user_id) do update
      set status = 'active', removed_at = null,
          group_id = coalesce(excluded.group_id, public.company_members.group_id),
          name = case when excluded.name <> '' then excluded.name else public.company_members.name end
    returning * into m;
  update public.company_invitations x set accepted_at = now(), accepted_by = me where x.id = v.id;

  -- Courses the member already holds a seat in: the invitation's duplicate seat is freed.
  update public.company_assignments a set unassigned_at = now()
  where a.invitation_id = v.id and a.user_id is null and a.unassigned_at is null
    and exists (select 1 from public.company_assignments b
                where b.company_id = v.company_id and b.user_id = me and b.course_id = a.course_id
                  and b.unassigned_at is null);
  with moved as (
    update public.company_assignments a set user_id = me
    where a.invitation_id = v.id and a.user_id is null and a.unassigned_at is null
    returning a.course_id
  )
  select coalesce(array_agg(moved.course_id), '{}') into courses from moved;
  insert into public.enrollments (user_id, course_id, source)
    select me, x, 'company' from unnest(courses) x
    on conflict (user_id, course_id) do update set status = 'active', source = 'company'
      where public.enrollments.status = 'cancelled';
  perform private.recompute_enrollment(me, x) from unnest(courses) x;

  select * into c from public.companies x where x.id = v.company_id;
  return jsonb_build_object('companyId', c.id, 'slug', c.slug, 'name', c.name, 'role', m.role,
                            'enrolledCourseIds', to_jsonb(courses));
end
$$;

-- Invites the rows [{name, email, group}] (at most 5000); see docs/company.md for the report.
create function public.import_company_members(company uuid, rows jsonb, assign jsonb default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.company_guard(company, true);
  courses uuid[];
  bundle uuid;
  due timestamptz;
  parsed jsonb;
  invited jsonb;
  assigned jsonb := '[]'::jsonb;
  report jsonb;
begin
  if rows is null or jsonb_typeof(rows) <> 'array'
     or exists (select 1 from jsonb_array_elements(rows) r where jsonb_typeof(r) <> 'object') then
    raise exception 'rows is an array of {name, email, group}' using errcode = 'P0001', hint = '422:invalid_rows';
  end if;
  if jsonb_array_length(rows) > 5000 then
    raise exception 'at most 5000 rows per import' using errcode = 'P0001', hint = '422:too_many_rows';
  end if;
  if assign is not null and jsonb_typeof(assign) <> 'null' then
    select x.courses, x.bundle into courses, bundle from private.assignment_courses(assign) x;
    due := private.assignment_due(assign);
  end if;

  -- Each row: its checks, and who it is now (a member, an open invitation, or someone new).
  with r as (
    select x.ord::int as ord, coalesce(x.v ->> 'name', '') as name,
           lower(btrim(coalesce(x.v ->> 'email', ''))) as email,
           nullif(btrim(coalesce(x.v ->> 'group', '')), '') as grp
    from jsonb_array_elements(rows) with ordinality as x (v, ord)
  ), checked as (
    select r.*,
           case when not private.is_valid_email(r.email) then 'invalid_email'
                when char_length(r.name) > 200 then 'invalid_name'
                when char_length(coalesce(r.grp, '')) > 100 then 'invalid_group'
                when row_number() over (partition by r.email order by r.ord) > 1 then 'duplicate_in_file'
           end as problem
    from r
  )
  select jsonb_agg(jsonb_build_object(
           'row', k.ord, 'name', k.name, 'email', k.email, 'group', k.grp, 'problem', k.problem,
           'userId', mem.user_id, 'invitationId', inv.id) order by k.ord)
    into parsed
  from checked k
  left join lateral (
    select m.user_id from public.company_members m join public.profiles p on p.id = m.user_id
    where k.problem is null and m.company_id = company and m.status = 'active' and lower(p.email) = k.email
    limit 1
  ) mem on true
  left join public.company_invitations inv
    on k.problem is null and mem.user_id is null and inv.company_id = company and inv.email = k.email
   and inv.accepted_at is null and inv.revoked_at is null;
  parsed := coalesce(parsed, '[]'::jsonb);

  -- Groups named by the rows that will be invited, made on the fly.
  insert into public.company_groups (company_id, name)
    select distinct on (lower(p ->> 'group')) company, p ->> 'group'
    from jsonb_array_elements(parsed) p
    where p ->> 'problem' is null and p ->> 'userId' is null and p ->> 'invitationId' is null
      and p ->> 'group' is not null
    order by lower(p ->> 'group'), (p ->> 'row')::int
    on conflict (company_id, lower(name)) do nothing;

  -- New invitations, their tokens only in this answer.
  with fresh as (
    select (p ->> 'row')::int as ord, p ->> 'email' as email, p ->> 'name' as name,
           (select g.id from public.company_groups g
            where g.company_id = company and lower(g.name) = lower(p ->> 'group')) as group_id,
           private.new_invitation_token() as token
    from jsonb_array_elements(parsed) p
    where p ->> 'problem' is null and p ->> 'userId' is null and p ->> 'invitationId' is null
  ), ins as (
    insert into public.company_invitations (company_id, email, name, group_id, token_sha256, created_by)
      select company, f.email, f.name, f.group_id, private.invitation_token_hash(f.token), actor from fresh f
      returning id, email
  )
  select coalesce(jsonb_object_agg(f.ord::text, jsonb_build_object('id', ins.id, 'token', f.token)), '{}'::jsonb)
    into invited
  from fresh f join ins on ins.email = f.email;

  if courses is not null then
    assigned := private.assign_targets(
      company, actor,
      (select coalesce(jsonb_agg(jsonb_build_object(
                'userId', p -> 'userId',
                'invitationId', coalesce(nullif(p -> 'invitationId', 'null'::jsonb), invited -> (p ->> 'row') -> 'id'),
                'email', p ->> 'email', 'member', true, 'row', (p ->> 'row')::int) order by (p ->> 'row')::int),
              '[]'::jsonb)
       from jsonb_array_elements(parsed) p where p ->> 'problem' is null),
      courses, bundle, due, assign ? 'dueAt');
  end if;

  with a as (
    select x.ord, x.v from jsonb_array_elements(assigned) with ordinality as x (v, ord)
  ), ok as (
    select (p ->> 'row')::int as rn, row_number() over (order by (p ->> 'row')::int) as ord
    from jsonb_array_elements(parsed) p where p ->> 'problem' is null
  ), rep as (
    select (p ->> 'row')::int as rn, p ->> 'email' as email, p ->> 'name' as name,
           coalesce(p ->> 'userId', '') <> '' as member, p ->> 'invitationId' as old_invitation,
           invited -> (p ->> 'row') as new_invitation, p ->> 'problem' as problem,
           a.v ->> 'status' as assignment, a.v ->> 'message' as assign_message
    from jsonb_array_elements(parsed) p
    left join ok on ok.rn = (p ->> 'row')::int
    left join a on a.ord = ok.ord
  ), fin as (
    select rep.*,
           case when problem is not null then problem
                when assignment = 'no_seat' then 'no_seat'
                when member then 'already_member'
                when old_invitation is not null then 'already_invited'
                else 'invited' end as status
    from rep
  )
  select jsonb_build_object(
    'rows', coalesce(jsonb_agg(jsonb_build_object(
      'row', fin.rn, 'email', fin.email, 'name', fin.name, 'status', fin.status,
      'message', case fin.status
                   when 'invalid_email' then 'not an email address'
                   when 'invalid_name' then 'the name is longer than 200 characters'
                   when 'invalid_group' then 'the group name is longer than 100 characters'
                   when 'duplicate_in_file' then 'the same email is on an earlier row'
                   when 'no_seat' then fin.assign_message
                   when 'already_member' then 'already a member'
                   when 'already_invited' then 'already invited'
                   else 'invited' end,
      'assignment', fin.assignment,
      'invitationId', coalesce(fin.new_invitation ->> 'id', fin.old_invitation),
      'token', fin.new_invitation ->> 'token') order by fin.rn), '[]'::jsonb),
    'summary', jsonb_build_object(
      'invited', count(*) filter (where fin.new_invitation is not null),
      'alreadyMember', count(*) filter (where fin.problem is null and fin.member),
      'alreadyInvited', count(*) filter (where fin.problem is null and fin.old_invitation is not null),
      'failed', count(*) filter (where fin.problem is not null),
      'assigned', count(*) filter (where fin.assignment = 'assigned'),
      'noSeat', count(*) filter (where fin.assignment = 'no_seat')))
    into report
  from fin;
  return report;
end
$$;

-- ---------------------------------------------------------------------------
-- The company report: one set-based query over members, invitations and assignments.

create function public.company_report(company uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.company_guard(company, false);
  with people as (
    select 'member'::text as kind, m.user_id as id, m.user_id, null::uuid as invitation_id,
           coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''), nullif(m.name, ''), p.email) as name,
           p.email, m.role::text as role, m.status, m.group_id, m.created_at as joined_at, m.removed_at
    from public.company_members m join public.profiles p on p.id = m.user_id
    where m.company_id = company
    union all
    select 'invitation', v.id, null, v.id, coalesce(nullif(v.name, ''), v.email), v.email, v.role::text,
           case when v.expires_at <= now() then 'expired' else 'invited' end, v.group_id, null, null
    from public.company_invitations v
    where v.company_id = company and v.accepted_at is null and v.revoked_at is null
  ), asg as (
    select distinct on (coalesce(a.user_id, a.invitation_id), a.course_id)
           coalesce(a.user_id, a.invitation_id) as person, a.user_id, a.course_id, a.bundle_id, a.assigned_at,
           a.due_at, a.unassigned_at is null as active
    from public.company_assignments a
    left join public.company_members m on m.company_id = a.company_id and m.user_id = a.user_id
    where a.company_id = company
      and (a.unassigned_at is null or (m.status = 'removed' and a.unassigned_at >= m.removed_at))
    order by coalesce(a.user_id, a.invitation_id), a.course_id, a.assigned_at desc
  ), quiz as (
    select q.user_id, q.course_id, max(q.score_percent) as best
    from public.quiz_attempts q
    join asg on asg.user_id = q.user_id and asg.course_id = q.course_id
    where q.score_percent is not null
    group by q.user_id, q.course_id
  ), lp as (
    select l.user_id, l.course_id, max(l.updated_at) as last_at
    from public.lesson_progress l
    join asg on asg.user_id = l.user_id and asg.course_id = l.course_id
    group by l.user_id, l.course_id
  ), courses as (
    select asg.person,
           max(greatest(e.last_activity_at, lp.last_at)) as last_at,
           jsonb_agg(jsonb_build_object(
             'courseId', asg.course_id, 'courseTitle', c.title, 'bundleId', asg.bundle_id,
             'assignedAt', private.iso_time(asg.assigned_at), 'dueAt', private.iso_time(asg.due_at),
             'active', asg.active,
             'overdue', asg.active and asg.due_at is not null and asg.due_at < now()
                        and (e.status is distinct from 'completed'),
             'enrollmentStatus', e.status, 'progress', coalesce(e.progress_percentage, 0),
             'completedAt', private.iso_time(e.completed_at), 'bestQuizPercent', quiz.best,
             'certificateCode', cert.code,
             'lastActivityAt', private.iso_time(greatest(e.last_activity_at, lp.last_at)))
             order by c.title, asg.course_id) as list
    from asg
    join public.courses c on c.id = asg.course_id
    left join public.enrollments e on e.user_id = asg.user_id and e.course_id = asg.course_id
    left join quiz on quiz.user_id = asg.user_id and quiz.course_id = asg.course_id
    left join lp on lp.user_id = asg.user_id and lp.course_id = asg.course_id
    left join public.certificates cert
      on cert.user_id = asg.user_id and cert.course_id = asg.course_id and cert.revoked_at is null
    group by asg.person
  ), pool as (
    select sp.course_id, sum(sp.seats - sp.seats_revoked)::int as pool
    from public.seat_purchases sp where sp.company_id = company group by sp.course_id
  ), used as (
    select a.course_id, count(*)::int as used
    from public.company_assignments a where a.company_id = company and a.unassigned_at is null
    group by a.course_id
  )
  select jsonb_build_object(
    'company', (select jsonb_build_object('id', x.id, 'slug', x.slug, 'name', x.name)
                from public.companies x where x.id = company),
    'generatedAt', private.iso_time(now()),
    'seats', (select coalesce(jsonb_agg(jsonb_build_object(
                'courseId', k.course_id, 'courseTitle', c.title, 'pool', coalesce(pool.pool, 0),
                'used', coalesce(used.used, 0), 'free', coalesce(pool.pool, 0) - coalesce(used.used, 0))
                order by c.title, k.course_id), '[]'::jsonb)
              from (select pool.course_id from pool union select used.course_id from used) k
              join public.courses c on c.id = k.course_id
              left join pool on pool.course_id = k.course_id
              left join used on used.course_id = k.course_id),
    'groups', (select coalesce(jsonb_agg(jsonb_build_object(
                 'id', g.id, 'name', g.name,
                 'members', (select count(*) from public.company_members m
                             where m.company_id = company and m.group_id = g.id and m.status = 'active'))
                 order by lower(g.name)), '[]'::jsonb)
               from public.company_groups g where g.company_id = company),
    'members', (select coalesce(jsonb_agg(jsonb_build_object(
                  'kind', pe.kind, 'id', pe.id, 'name', pe.name, 'email', pe.email, 'role', pe.role,
                  'status', pe.status,
                  'group', case when g.id is null then null else jsonb_build_object('id', g.id, 'name', g.name) end,
                  'joinedAt', private.iso_time(pe.joined_at),
                  'lastActivityAt', private.iso_time(co.last_at),
                  'courses', coalesce(co.list, '[]'::jsonb))
                  order by lower(pe.name), pe.email, pe.id), '[]'::jsonb)
                from people pe
                left join public.company_groups g on g.id = pe.group_id
                left join courses co on co.person = pe.id))
    into result;
  return result;
end
$$;

-- ---------------------------------------------------------------------------
-- Platform admins

create function public.admin_add_company_seats(company uuid, course uuid, seats integer, note text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  actor uuid := private.platform_admin_guard();
  sp public.seat_purchases;
begin
  if company is null or not exists (select 1 from public.companies c where c.id = company) then
    raise exception 'company not found' using errcode = 'P0001', hint = '404:company_not_found';
  end if;
  if course is null or not exists (select 1 from public.courses c where c.id = course) then
    raise exception 'course not found' using errcode = 'P0001', hint = '404:course_not_found';
  end if;
  if seats is null or seats not between 1 and 10000 then
    raise exception 'seats is 1 to 10000' using errcode = 'P0001', hint = '422:invalid_seats';
  end if;
  if char_length(coalesce(note, '')) > 500 then
    raise exception 'a note has at most 500 characters' using errcode = 'P0001', hint = '422:invalid_note';
  end if;
  perform 1 from public.companies c where c.id = company for update;
  insert into public.seat_purchases (company_id, course_id, seats, note, added_by)
    values (company, course, seats, nullif(btrim(coalesce(note, '')), ''), actor)
    returning * into sp;
  return jsonb_build_object('id', sp.id, 'companyId', sp.company_id, 'courseId', sp.course_id,
                            'seats', sp.seats, 'note', sp.note);
end
$$;

create function public.admin_add_company_admin(company uuid, email text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who public.profiles;
begin
  perform private.platform_admin_guard();
  if company is null or not exists (select 1 from public.companies c where c.id = company) then
    raise exception 'company not found' using errcode = 'P0001', hint = '404:company_not_found';
  end if;
  select * into who from public.profiles p
    where lower(p.email) = lower(btrim(coalesce(admin_add_company_admin.email, '')))
    order by p.created_at limit 1;
  if not found then
    raise exception 'no account with that email' using errcode = 'P0001', hint = '404:user_not_found';
  end if;
  insert into public.company_members (company_id, user_id, role)
    values (company, who.id, 'admin')
    on conflict (company_id, user_id) do update set role = 'admin', status = 'active', removed_at = null;
  return jsonb_build_object('companyId', company, 'userId', who.id, 'email', who.email, 'role', 'admin');
end
$$;

-- ---------------------------------------------------------------------------
-- Function privileges: helpers owner-only (or for the policies), API for authenticated and service_role.

revoke execute on function
  private.company_guard(uuid, boolean), private.platform_admin_guard(), private.new_invitation_token(),
  private.invitation_token_hash(text), private.is_valid_email(text), private.assignment_courses(jsonb),
  private.assignment_due(jsonb),
  private.assign_targets(uuid, uuid, jsonb, uuid[], uuid, timestamptz, boolean),
  private.unassign_person(uuid, uuid, uuid, uuid, uuid[]), private.spec_targets(uuid, jsonb),
  private.invitation_json(public.company_invitations, text), private.open_invitation(uuid)
  from public, anon, authenticated;

revoke execute on function
  public.create_company_group(uuid, text), public.rename_company_group(uuid, text),
  public.delete_company_group(uuid), public.move_company_members(uuid, uuid[], uuid),
  public.assign_company_learning(uuid, jsonb), public.unassign_company_learning(uuid, jsonb),
  public.remove_company_member(uuid, uuid), public.create_company_invitation(uuid, text, uuid, text),
  public.resend_company_invitation(uuid), public.revoke_company_invitation(uuid),
  public.accept_company_invitation(text), public.import_company_members(uuid, jsonb, jsonb),
  public.company_report(uuid), public.admin_add_company_seats(uuid, uuid, integer, text),
  public.admin_add_company_admin(uuid, text)
  from public, anon;
grant execute on function
  public.create_company_group(uuid, text), public.rename_company_group(uuid, text),
  public.delete_company_group(uuid), public.move_company_members(uuid, uuid[], uuid),
  public.assign_company_learning(uuid, jsonb), public.unassign_company_learning(uuid, jsonb),
  public.remove_company_member(uuid, uuid), public.create_company_invitation(uuid, text, uuid, text),
  public.resend_company_invitation(uuid), public.revoke_company_invitation(uuid),
  public.accept_company_invitation(text), public.import_company_members(uuid, jsonb, jsonb),
  public.company_report(uuid), public.admin_add_company_seats(uuid, uuid, integer, text),
  public.admin_add_company_admin(uuid, text)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Table privileges and policies: read-only for request roles; the functions above write.

revoke all on public.company_groups, public.company_invitations, public.company_assignments from anon, authenticated;
grant select on public.company_groups, public.company_invitations, public.company_assignments to authenticated;

alter table public.company_groups enable row level security;
alter table public.company_invitations enable row level security;
alter table public.company_assignments enable row level security;

create policy "members read their company's groups; admins read all"
  on public.company_groups for select to authenticated
  using ((select private.is_admin()) or company_id in (select private.my_company_ids()));

create policy "company admins read their company's invitations; admins read all"
  on public.company_invitations for select to authenticated
  using ((select private.is_admin()) or company_id in (select private.my_admin_company_ids()));

create policy "employees read their own assignments, company admins their company's, admins all"
  on public.company_assignments for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or company_id in (select private.my_admin_company_ids())
  );
