-- Course status as one state machine, and courses with learners kept from their instructors.
--
-- Before: each update was checked on its own, so an instructor could walk
-- published → archived → draft and then delete the course, and the enrollments and progress
-- of its learners went with it (on delete cascade). Now:
--
--   instructor (owner of the course), per update:
--     draft          → pending_review   submit for review
--     pending_review → draft            withdraw from review
--     published      → archived         retire a live course (learners keep access to what they have)
--     archived       → draft            only while the course never had a learner
--   and no other change of status (publishing, unpublishing and every other path are admin work).
--   archived → pending_review is not a path of its own: it is archived → draft → pending_review,
--   so the "never had a learner" rule is checked once, in one place.
--
--   admins (and named definer functions, running as the owner): any transition.
--
-- "Had a learner" means an enrollment ever existed, whatever became of it (cancelled, or deleted
-- by an admin): private.course_learner_history keeps the first enrollment per course, written by a
-- trigger, so deleting enrollments cannot launder a course back into a deletable draft.
--
-- Deleting: the policy (unchanged) lets an instructor delete only their own drafts; a before-delete
-- trigger now also refuses any course that ever had a learner, unless an admin (or the owner role)
-- deletes it. Admins may: their delete still cascades to enrollments and progress, on purpose.

create table private.course_learner_history (
  course_id uuid primary key references public.courses (id) on delete cascade,
  first_enrolled_at timestamptz not null default now()
);
revoke all on private.course_learner_history from public, anon, authenticated;
-- Defence in depth: RLS on, no policy, so only the owner (the definer triggers) reads or writes it.
alter table private.course_learner_history enable row level security;
comment on table private.course_learner_history is
  'One row per course that ever had an enrollment; never cleared while the course exists.';

insert into private.course_learner_history (course_id, first_enrolled_at)
  select e.course_id, min(e.enrolled_at) from public.enrollments e group by e.course_id
  on conflict do nothing;

create function private.record_course_learner() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into private.course_learner_history (course_id) values (new.course_id) on conflict do nothing;
  return null;
end
$$;
create trigger enrollments_record_learner after insert or update of course_id on public.enrollments
  for each row execute function private.record_course_learner();

-- Whether a course ever had a learner. Definer: the history table has no grants.
create function private.course_had_learners(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from private.course_learner_history h where h.course_id = course)
$$;

-- The whole status machine for callers; see the header. Security invoker on purpose (decision 4):
-- current_user is the caller's role in a request and the owner inside definer functions.
create or replace function private.guard_course_columns() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user not in ('authenticated', 'anon') or private.is_admin() then
    if new.status = 'published' and new.published_at is null then
      new.published_at := now();
    end if;
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status not in ('draft', 'pending_review') then
      raise exception 'a new course starts as a draft or in review' using errcode = '42501';
    end if;
    if new.instructor_id is distinct from private.my_instructor_id() then
      raise exception 'instructors create courses only for themselves' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.instructor_id is distinct from old.instructor_id then
    raise exception 'only an admin reassigns a course' using errcode = '42501';
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if (old.status, new.status) in (('draft', 'pending_review'), ('pending_review', 'draft'), ('published', 'archived')) then
    return new;
  end if;
  if old.status = 'archived' and new.status = 'draft' then
    if private.course_had_learners(old.id) then
      raise exception 'this course has had learners: it stays archived (an admin can change that)'
        using errcode = '42501';
    end if;
    return new;
  end if;
  raise exception 'an instructor may not move a course from % to %', old.status, new.status using errcode = '42501';
end
$$;

-- A course that ever had a learner is deleted only by an admin (or the owner role).
create function private.guard_course_delete() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') and not private.is_admin() and private.course_had_learners(old.id) then
    raise exception 'this course has had learners: only an admin may delete it' using errcode = '42501';
  end if;
  return old;
end
$$;
create trigger courses_guard_delete before delete on public.courses
  for each row execute function private.guard_course_delete();

revoke execute on function private.record_course_learner() from public;
revoke execute on function private.course_had_learners(uuid) from public;
revoke execute on function private.guard_course_delete() from public;
-- Called from the invoker guards, which run as the caller's role (trigger functions need no grant).
grant execute on function private.course_had_learners(uuid) to authenticated;
