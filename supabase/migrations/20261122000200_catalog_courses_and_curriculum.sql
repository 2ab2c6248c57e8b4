-- Catalog: categories, courses, sections, lessons and their (access-controlled) content.
-- Money is integer minor units with an ISO currency.

create type public.course_difficulty as enum ('beginner', 'intermediate', 'advanced');
create type public.course_status as enum ('draft', 'pending_review', 'published', 'archived');
create type public.lesson_type as enum ('text', 'video', 'pdf', 'slides', 'quiz', 'lab', 'assignment');
create type public.lesson_status as enum ('draft', 'published');

create table public.categories (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 1 and 100),
  description text not null default '' check (char_length(description) <= 1000),
  is_active boolean not null default true,
  position integer not null default 0,
  created_at timestamptz not null default now()
);

-- array_to_string is only stable (it depends on the element type's output function);
-- for text[] it is immutable in practice, which a generated column needs.
create function private.tags_text(tags text[]) returns text
language sql immutable parallel safe set search_path = ''
as $$ select pg_catalog.array_to_string(tags, ' ') $$;
grant execute on function private.tags_text(text[]) to anon, authenticated;

create table public.courses (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  title text not null check (char_length(title) between 1 and 200),
  subtitle text not null default '' check (char_length(subtitle) <= 300),
  description text not null default '' check (char_length(description) <= 20000),
  outcomes text[] not null default '{}',
  prerequisites text[] not null default '{}',
  tags text[] not null default '{}',
  instructor_id uuid not null references public.instructors (id) on delete restrict,
  category_id uuid references public.categories (id) on delete set null,
  difficulty public.course_difficulty not null default 'beginner',
  language text not null default 'en' check (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  thumbnail_url text check (thumbnail_url is null or thumbnail_url ~ '^(https?://|/)'),
  intro_video_url text check (intro_video_url is null or intro_video_url ~ '^(https?://|/)'),
  status public.course_status not null default 'draft',
  published_at timestamptz,
  price_amount integer not null default 0 check (price_amount >= 0),
  price_currency char(3) not null default 'USD' check (price_currency ~ '^[A-Z]{3}$'),
  rating_average numeric(3, 2) not null default 0 check (rating_average between 0 and 5),
  rating_count integer not null default 0 check (rating_count >= 0),
  enrollment_count integer not null default 0 check (enrollment_count >= 0),
  search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(subtitle, '')), 'B') ||
    setweight(to_tsvector('english', private.tags_text(tags)), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'C')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index courses_search_idx on public.courses using gin (search_vector);
create index courses_status_published_idx on public.courses (status, published_at desc);
create index courses_category_idx on public.courses (category_id);
create index courses_instructor_idx on public.courses (instructor_id);

create table public.sections (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sections_course_idx on public.sections (course_id, position);

-- The curriculum row is public for published courses (the syllabus);
-- what a lesson teaches sits in lesson_contents, readable only by those entitled to it.
create table public.lessons (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  section_id uuid not null references public.sections (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  content_type public.lesson_type not null default 'text',
  position integer not null default 0,
  duration_minutes integer not null default 0 check (duration_minutes between 0 and 1440),
  is_preview boolean not null default false,
  status public.lesson_status not null default 'published',
  -- drip: available N days after the learner enrolled, and/or not before a date
  drip_days_after_enrollment integer check (drip_days_after_enrollment between 0 and 3650),
  drip_available_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index lessons_course_idx on public.lessons (course_id, position);
create index lessons_section_idx on public.lessons (section_id, position);

create table public.lesson_contents (
  lesson_id uuid primary key references public.lessons (id) on delete cascade,
  text_content text check (char_length(text_content) <= 200000),
  content_url jsonb not null default '[]'::jsonb check (jsonb_typeof(content_url) = 'array'),
  updated_at timestamptz not null default now()
);

-- A section's course and a lesson's section must agree.
create function private.check_lesson_section() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.sections s where s.id = new.section_id and s.course_id = new.course_id) then
    raise exception 'section % is not part of course %', new.section_id, new.course_id using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger lessons_check_section before insert or update of section_id, course_id on public.lessons
  for each row execute function private.check_lesson_section();

create trigger courses_touch before update on public.courses
  for each row execute function private.touch_updated_at();
create trigger sections_touch before update on public.sections
  for each row execute function private.touch_updated_at();
create trigger lessons_touch before update on public.lessons
  for each row execute function private.touch_updated_at();
create trigger lesson_contents_touch before update on public.lesson_contents
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Helpers

create function private.owns_course(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.courses c
    join public.instructors i on i.id = c.instructor_id
    where c.id = course and i.user_id = (select auth.uid())
  )
$$;

create function private.course_is_published(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.courses c where c.id = course and c.status = 'published')
$$;

create function private.can_manage_course(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.owns_course(course) or private.is_admin()
$$;

grant execute on function private.owns_course(uuid) to authenticated;
grant execute on function private.course_is_published(uuid) to anon, authenticated;
-- anon too: the section and lesson policies for anon call it (it is false for anon).
grant execute on function private.can_manage_course(uuid) to anon, authenticated;

-- Instructors may draft, submit for review and archive; only admins publish.
-- Ratings and enrolment counts are computed, never written by a request.
-- Security invoker on purpose: current_user is the caller's role here, and the table
-- owner inside named definer functions, which may set computed columns.
create function private.guard_course_columns() returns trigger
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
  else
    if new.status is distinct from old.status
       and (new.status = 'published' or old.status = 'published' and new.status <> 'archived') then
      raise exception 'only an admin publishes or unpublishes a course' using errcode = '42501';
    end if;
    if new.instructor_id is distinct from old.instructor_id then
      raise exception 'only an admin reassigns a course' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;
create trigger courses_guard_columns before insert or update on public.courses
  for each row execute function private.guard_course_columns();

-- ---------------------------------------------------------------------------
-- Privileges

revoke all on public.categories, public.courses, public.sections, public.lessons, public.lesson_contents
  from anon, authenticated;

grant select on public.categories to anon, authenticated;
grant insert, update, delete on public.categories to authenticated;

grant select on public.courses to anon, authenticated;
grant insert (slug, title, subtitle, description, outcomes, prerequisites, tags, instructor_id, category_id,
              difficulty, language, thumbnail_url, intro_video_url, status, price_amount, price_currency)
  on public.courses to authenticated;
grant update (slug, title, subtitle, description, outcomes, prerequisites, tags, category_id, instructor_id,
              difficulty, language, thumbnail_url, intro_video_url, status, price_amount, price_currency)
  on public.courses to authenticated;
grant delete on public.courses to authenticated;

grant select on public.sections, public.lessons to anon, authenticated;
grant insert, update, delete on public.sections, public.lessons to authenticated;
grant select on public.lesson_contents to anon, authenticated;
grant insert, update, delete on public.lesson_contents to authenticated;

-- ---------------------------------------------------------------------------
-- Row-level security

alter table public.categories enable row level security;
alter table public.courses enable row level security;
alter table public.sections enable row level security;
alter table public.lessons enable row level security;
alter table public.lesson_contents enable row level security;

create policy "anyone reads active categories; admins read all"
  on public.categories for select to anon, authenticated
  using (is_active or (select private.is_admin()));
create policy "admins create categories"
  on public.categories for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update categories"
  on public.categories for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete categories"
  on public.categories for delete to authenticated
  using ((select private.is_admin()));

create policy "anyone reads published courses"
  on public.courses for select to anon, authenticated
  using (status = 'published');
create policy "instructors read their own courses; admins read all"
  on public.courses for select to authenticated
  using (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()));
create policy "instructors create their own courses; admins create any"
  on public.courses for insert to authenticated
  with check (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()));
create policy "instructors update their own courses; admins update any"
  on public.courses for update to authenticated
  using (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()))
  with check (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()));
create policy "instructors delete their own drafts; admins delete any"
  on public.courses for delete to authenticated
  using ((instructor_id = (select private.my_instructor_id()) and status = 'draft') or (select private.is_admin()));

create policy "anyone reads the cards of instructors with a published course"
  on public.instructors for select to anon, authenticated
  using (exists (select 1 from public.courses c where c.instructor_id = instructors.id and c.status = 'published'));

create policy "anyone reads sections of published courses; managers read their own"
  on public.sections for select to anon, authenticated
  using ((select private.course_is_published(course_id)) or (select private.can_manage_course(course_id)));
create policy "course managers create sections"
  on public.sections for insert to authenticated
  with check ((select private.can_manage_course(course_id)));
create policy "course managers update sections"
  on public.sections for update to authenticated
  using ((select private.can_manage_course(course_id)))
  with check ((select private.can_manage_course(course_id)));
create policy "course managers delete sections"
  on public.sections for delete to authenticated
  using ((select private.can_manage_course(course_id)));

create policy "anyone reads published lessons of published courses; managers read their own"
  on public.lessons for select to anon, authenticated
  using (
    (status = 'published' and (select private.course_is_published(course_id)))
    or (select private.can_manage_course(course_id))
  );
create policy "course managers create lessons"
  on public.lessons for insert to authenticated
  with check ((select private.can_manage_course(course_id)));
create policy "course managers update lessons"
  on public.lessons for update to authenticated
  using ((select private.can_manage_course(course_id)))
  with check ((select private.can_manage_course(course_id)));
create policy "course managers delete lessons"
  on public.lessons for delete to authenticated
  using ((select private.can_manage_course(course_id)));
