-- Identity: profiles (one per auth user, app role), instructors, companies and their members.
-- App roles live in tables only admins or definer functions write; never in user_metadata.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Functions are not executable by PUBLIC unless granted one by one. A per-schema default
-- cannot take back the global one (EXECUTE to PUBLIC), so revoke it globally for the owner.
alter default privileges revoke execute on functions from public;

create type public.app_role as enum ('student', 'instructor', 'admin');
create type public.company_role as enum ('admin', 'employee');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null,
  first_name text not null default '' check (char_length(first_name) <= 100),
  last_name text not null default '' check (char_length(last_name) <= 100),
  profile_image_url text check (profile_image_url is null or profile_image_url ~ '^(https?://|/)'),
  role public.app_role not null default 'student',
  date_of_birth date,
  language_preference text not null default 'en' check (language_preference ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.instructors (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references public.profiles (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 120),
  headline text not null default '' check (char_length(headline) <= 200),
  bio text not null default '' check (char_length(bio) <= 5000),
  expertise text[] not null default '{}',
  avatar_url text check (avatar_url is null or avatar_url ~ '^(https?://|/)'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.companies (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.company_members (
  company_id uuid not null references public.companies (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.company_role not null default 'employee',
  created_at timestamptz not null default now(),
  primary key (company_id, user_id)
);
create index company_members_user_idx on public.company_members (user_id);

-- ---------------------------------------------------------------------------
-- Private helpers: security definer, empty search_path, execute granted one by one.

create function private.current_role_is(wanted public.app_role) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles p
    where p.id = (select auth.uid()) and p.role = wanted
  )
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.current_role_is('admin'::public.app_role)
$$;

create function private.my_instructor_id() returns uuid
language sql stable security definer set search_path = ''
as $$
  select i.id from public.instructors i where i.user_id = (select auth.uid())
$$;

create function private.is_company_admin(company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.company_members m
    where m.company_id = company and m.user_id = (select auth.uid()) and m.role = 'admin'
  )
$$;

create function private.is_company_member(company uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.company_members m
    where m.company_id = company and m.user_id = (select auth.uid())
  )
$$;

grant execute on function private.current_role_is(public.app_role) to authenticated;
grant execute on function private.is_admin() to anon, authenticated;
grant execute on function private.my_instructor_id() to authenticated;
grant execute on function private.is_company_admin(uuid) to authenticated;
grant execute on function private.is_company_member(uuid) to authenticated;

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- A new auth user gets a profile; the role is always 'student' whatever metadata says.
create function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, first_name, last_name)
  values (
    new.id,
    coalesce(new.email, ''),
    left(coalesce(new.raw_user_meta_data ->> 'first_name', ''), 100),
    left(coalesce(new.raw_user_meta_data ->> 'last_name', ''), 100)
  )
  on conflict (id) do nothing;
  return new;
end
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- A changed sign-in email shows on the profile too.
create function private.handle_user_email_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.profiles set email = coalesce(new.email, '') where id = new.id;
  return new;
end
$$;

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row when (new.email is distinct from old.email)
  execute function private.handle_user_email_change();

-- Only an admin (or the table owner, outside any request) may change a role or an email.
-- Security invoker on purpose: current_user is the caller's role here, and the table
-- owner inside named definer functions, which may set computed columns.
create function private.guard_profile_columns() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') and not private.is_admin() then
    if new.role is distinct from old.role then
      raise exception 'only an admin can change a role' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

create trigger profiles_guard_columns before update on public.profiles
  for each row execute function private.guard_profile_columns();
create trigger profiles_touch before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger instructors_touch before update on public.instructors
  for each row execute function private.touch_updated_at();
create trigger companies_touch before update on public.companies
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Privileges: nothing by default (Supabase grants everything on public), then per verb.

revoke all on public.profiles, public.instructors, public.companies, public.company_members
  from anon, authenticated;

grant select on public.profiles to authenticated;
grant update (first_name, last_name, profile_image_url, date_of_birth, language_preference, role)
  on public.profiles to authenticated;
grant delete on public.profiles to authenticated;

grant select on public.instructors to anon, authenticated;
grant insert, delete on public.instructors to authenticated;
grant update (display_name, headline, bio, expertise, avatar_url) on public.instructors to authenticated;

grant select, insert, update, delete on public.companies to authenticated;
grant select, insert, update, delete on public.company_members to authenticated;

-- ---------------------------------------------------------------------------
-- Row-level security

alter table public.profiles enable row level security;
alter table public.instructors enable row level security;
alter table public.companies enable row level security;
alter table public.company_members enable row level security;

create policy "users read their own profile; admins read all"
  on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()));
create policy "company admins read their members' profiles"
  on public.profiles for select to authenticated
  using (exists (
    select 1 from public.company_members m
    where m.user_id = profiles.id and (select private.is_company_admin(m.company_id))
  ));
create policy "users update their own profile; admins update any"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
create policy "admins delete profiles"
  on public.profiles for delete to authenticated
  using ((select private.is_admin()));

-- "anyone reads the cards of instructors who teach a published course" lives with courses.
create policy "instructors read their own card; admins read all"
  on public.instructors for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "admins create instructors"
  on public.instructors for insert to authenticated
  with check ((select private.is_admin()));
create policy "instructors update their own card; admins update any"
  on public.instructors for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "admins delete instructors"
  on public.instructors for delete to authenticated
  using ((select private.is_admin()));

create policy "members read their company; admins read all"
  on public.companies for select to authenticated
  using ((select private.is_company_member(id)) or (select private.is_admin()));
create policy "admins create companies"
  on public.companies for insert to authenticated
  with check ((select private.is_admin()));
create policy "company admins and admins update a company"
  on public.companies for update to authenticated
  using ((select private.is_company_admin(id)) or (select private.is_admin()))
  with check ((select private.is_company_admin(id)) or (select private.is_admin()));
create policy "admins delete companies"
  on public.companies for delete to authenticated
  using ((select private.is_admin()));

create policy "members read their own membership; company admins read their company"
  on public.company_members for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select private.is_company_admin(company_id))
    or (select private.is_admin())
  );
create policy "admins add company members"
  on public.company_members for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins change company members"
  on public.company_members for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));
create policy "admins remove company members"
  on public.company_members for delete to authenticated
  using ((select private.is_admin()));
