-- The catalog's version: a counter that every change to what the public catalog shows bumps,
-- in the same transaction as the change. The data API (edge/catalog/cache.ts) caches the
-- anonymous catalog answers in process and reads this version in each request's own
-- transaction: a cached answer is served only for the version it was computed under, so
-- nothing stale is served once an instructor or an admin publishes or edits.
--
-- Why a one-row counter updated in the writer's transaction, not a sequence: a reader must
-- never see the new version before the new rows (it would cache the old rows under the new
-- version); a sequence moves before commit, this row moves at commit. A reader reads the
-- version first and the catalog after (read committed: each statement a newer snapshot), so an
-- answer is never older than the version it is cached under.
--
-- The table is in `private` (not exposed): no role but the owner reads or writes it; anon and
-- authenticated read the version only through private.catalog_version().

create table private.catalog_revision (
  id boolean primary key default true check (id),
  version bigint not null default 1,
  changed_at timestamptz not null default now()
);
insert into private.catalog_revision default values;
revoke all on private.catalog_revision from public, anon, authenticated;
-- Defence in depth: RLS on, no policy, so only the owner (the definer functions below) reads or writes it.
alter table private.catalog_revision enable row level security;

-- The version, for the data API; `stable` and tiny: one index lookup.
create function private.catalog_version() returns bigint
language sql stable security definer set search_path = ''
as $$
  select r.version from private.catalog_revision r where r.id
$$;
revoke execute on function private.catalog_version() from public;
grant execute on function private.catalog_version() to anon, authenticated;

-- Statement-level: one bump per statement, whatever number of rows it touched (a bulk import
-- of 15,000 lessons bumps once). Definer, since the writer (an instructor, as authenticated)
-- has no privilege on private.catalog_revision. Trigger functions are not called by name:
-- EXECUTE is checked when a trigger is created, never when it fires, so nobody gets it.
create function private.bump_catalog_version() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update private.catalog_revision set version = version + 1, changed_at = now() where id;
  return null;
end
$$;
revoke execute on function private.bump_catalog_version() from public;

create trigger categories_bump_catalog_version after insert or update or delete or truncate on public.categories
  for each statement execute function private.bump_catalog_version();
create trigger instructors_bump_catalog_version after insert or update or delete or truncate on public.instructors
  for each statement execute function private.bump_catalog_version();
create trigger sections_bump_catalog_version after insert or update or delete or truncate on public.sections
  for each statement execute function private.bump_catalog_version();
create trigger lessons_bump_catalog_version after insert or update or delete or truncate on public.lessons
  for each statement execute function private.bump_catalog_version();
create trigger courses_bump_catalog_version after insert or delete or truncate on public.courses
  for each statement execute function private.bump_catalog_version();

-- Updates of courses bump unless they change nothing but the counters kept by enrollments
-- (enrollment_count, through private.bump_enrollment_count, and the updated_at it touches).
-- Enrollments are the platform's hottest write: bumping on each would empty the cache as fast
-- as learners enroll and make every enrollment wait on this one row. The public catalog's
-- counts may lag by the cache's lifetime (edge/catalog/cache.ts, CATALOG_TTL_MS), no more.
-- Compared as JSON minus those keys, so a column added later bumps without touching this.
create function private.bump_catalog_version_on_course_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- A set difference, not a join: transition tables have no index, and a join of 1,500 updated
  -- rows planned as a nested loop took 20 s. EXCEPT hashes or sorts: linear-ish in the rows.
  if exists (
    select to_jsonb(n) - '{enrollment_count,updated_at}'::text[] from new_courses n
    except
    select to_jsonb(o) - '{enrollment_count,updated_at}'::text[] from old_courses o
  ) then
    update private.catalog_revision set version = version + 1, changed_at = now() where id;
  end if;
  return null;
end
$$;
revoke execute on function private.bump_catalog_version_on_course_update() from public;

create trigger courses_update_bump_catalog_version after update on public.courses
  referencing old table as old_courses new table as new_courses
  for each statement execute function private.bump_catalog_version_on_course_update();
