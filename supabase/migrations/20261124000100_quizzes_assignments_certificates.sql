-- Quizzes, assignments, video progress, course progress from required items, and certificates.
--
-- Everything that decides a grade, progress or a certificate happens here, in definer functions
-- and triggers; learners read their results and never write them (no insert/update/delete grant on
-- attempts, submissions or certificates, for anyone). Answer keys live in their own table that
-- only course managers read, so no learner query can reach them, before or after submitting: the
-- review of an attempt comes from public.quiz_attempt_review, as the quiz's review policy allows.
--
-- Errors a caller can cause are raised with errcode P0001 and hint '<4xx>:<code>' (edge/http/errors.ts).
--
-- Policies follow 20261123000100/0400: one permissive policy per role and verb, admins first,
-- the caller's own small sets from set-based helpers (`col in (select private.x())`), never a
-- helper given a column of the row.

-- ---------------------------------------------------------------------------
-- Types

create type public.quiz_question_type as enum ('single_choice', 'multiple_choice', 'true_false', 'fill_blank', 'matching');
create type public.quiz_review_policy as enum ('never', 'after_submit', 'after_pass', 'after_last_attempt');
create type public.attempt_status as enum ('in_progress', 'submitted', 'expired');
create type public.assignment_late_policy as enum ('accept', 'penalty', 'reject');
create type public.submission_status as enum ('submitted', 'late', 'graded');

-- ---------------------------------------------------------------------------
-- Shapes of questions and answer keys (immutable, used by check constraints and triggers)

-- Whether an array holds objects with distinct, non-empty string ids of at most 64 characters and
-- a text of 1..1000 characters.
create function private.quiz_options_valid(kind public.quiz_question_type, options jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  n integer;
begin
  if options is null or jsonb_typeof(options) <> 'array' then
    return false;
  end if;
  if kind in ('true_false', 'fill_blank') then
    return jsonb_array_length(options) = 0;
  end if;
  n := jsonb_array_length(options);
  if n < 2 or n > 20 then
    return false;
  end if;
  if exists (
    select 1 from jsonb_array_elements(options) o
    where jsonb_typeof(o) <> 'object'
      or jsonb_typeof(o -> 'id') is distinct from 'string'
      or jsonb_typeof(o -> 'text') is distinct from 'string'
      or char_length(o ->> 'id') not between 1 and 64
      or char_length(o ->> 'text') not between 1 and 1000
      or (kind = 'matching' and (o ->> 'side') is distinct from 'left' and (o ->> 'side') is distinct from 'right')
  ) then
    return false;
  end if;
  if (select count(distinct o ->> 'id') from jsonb_array_elements(options) o) <> n then
    return false;
  end if;
  if kind = 'matching' then
    return exists (select 1 from jsonb_array_elements(options) o where o ->> 'side' = 'left')
       and exists (select 1 from jsonb_array_elements(options) o where o ->> 'side' = 'right');
  end if;
  return true;
end
$$;

-- Whether an answer key fits a question of this type with these options:
--   single_choice {"correct":"<optionId>"}; multiple_choice {"correct":["a","c"]} (at least one,
--   distinct); true_false {"correct":true}; fill_blank {"accepted":["Paris"],"caseSensitive":false};
--   matching {"pairs":{"<leftId>":"<rightId>"}} with every left option paired to a right option.
create function private.quiz_answer_valid(kind public.quiz_question_type, options jsonb, answer jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  ids text[];
begin
  if answer is null or jsonb_typeof(answer) <> 'object' or not private.quiz_options_valid(kind, options) then
    return false;
  end if;
  select coalesce(array_agg(o ->> 'id'), '{}') into ids from jsonb_array_elements(options) o;
  case kind
    when 'single_choice' then
      return (select array_agg(k) from jsonb_object_keys(answer) k) = '{correct}'
        and jsonb_typeof(answer -> 'correct') = 'string'
        and (answer ->> 'correct') = any (ids);
    when 'multiple_choice' then
      return (select array_agg(k) from jsonb_object_keys(answer) k) = '{correct}'
        and jsonb_typeof(answer -> 'correct') = 'array'
        and jsonb_array_length(answer -> 'correct') >= 1
        and not exists (
          select 1 from jsonb_array_elements(answer -> 'correct') c
          where jsonb_typeof(c) <> 'string' or (c #>> '{}') <> all (ids)
        )
        and (select count(distinct c) from jsonb_array_elements_text(answer -> 'correct') c)
            = jsonb_array_length(answer -> 'correct');
    when 'true_false' then
      return (select array_agg(k) from jsonb_object_keys(answer) k) = '{correct}'
        and jsonb_typeof(answer -> 'correct') = 'boolean';
    when 'fill_blank' then
      return not exists (select 1 from jsonb_object_keys(answer) k where k not in ('accepted', 'caseSensitive'))
        and jsonb_typeof(answer -> 'accepted') = 'array'
        and jsonb_array_length(answer -> 'accepted') between 1 and 50
        and not exists (
          select 1 from jsonb_array_elements(answer -> 'accepted') a
          where jsonb_typeof(a) <> 'string' or char_length(btrim(a #>> '{}')) not between 1 and 500
        )
        and coalesce(jsonb_typeof(answer -> 'caseSensitive'), 'boolean') = 'boolean';
    when 'matching' then
      return (select array_agg(k) from jsonb_object_keys(answer) k) = '{pairs}'
        and jsonb_typeof(answer -> 'pairs') = 'object'
        and (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(answer -> 'pairs') k)
            = (select coalesce(array_agg(o ->> 'id' order by o ->> 'id'), '{}')
               from jsonb_array_elements(options) o where o ->> 'side' = 'left')
        and not exists (
          select 1 from jsonb_each(answer -> 'pairs') p
          where jsonb_typeof(p.value) <> 'string'
            or not exists (
              select 1 from jsonb_array_elements(options) o
              where o ->> 'side' = 'right' and o ->> 'id' = p.value #>> '{}'
            )
        );
  end case;
  return false;
end
$$;

-- Whether a learner's answer has the shape of the question: single_choice an option id,
-- multiple_choice an array of distinct option ids, true_false a boolean, fill_blank a string of at
-- most 1000 characters, matching an object from left ids to right ids (a subset of the pairs).
create function private.quiz_response_valid(kind public.quiz_question_type, options jsonb, response jsonb)
returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  case kind
    when 'single_choice' then
      return jsonb_typeof(response) = 'string'
        and exists (select 1 from jsonb_array_elements(options) o where o ->> 'id' = response #>> '{}');
    when 'multiple_choice' then
      return jsonb_typeof(response) = 'array'
        and not exists (
          select 1 from jsonb_array_elements(response) r
          where jsonb_typeof(r) <> 'string'
            or not exists (select 1 from jsonb_array_elements(options) o where o ->> 'id' = r #>> '{}')
        )
        and (select count(distinct r) from jsonb_array_elements_text(response) r) = jsonb_array_length(response);
    when 'true_false' then
      return jsonb_typeof(response) = 'boolean';
    when 'fill_blank' then
      return jsonb_typeof(response) = 'string' and char_length(response #>> '{}') <= 1000;
    when 'matching' then
      return jsonb_typeof(response) = 'object'
        and not exists (
          select 1 from jsonb_each(response) p
          where jsonb_typeof(p.value) <> 'string'
            or not exists (
              select 1 from jsonb_array_elements(options) o where o ->> 'side' = 'left' and o ->> 'id' = p.key
            )
            or not exists (
              select 1 from jsonb_array_elements(options) o
              where o ->> 'side' = 'right' and o ->> 'id' = p.value #>> '{}'
            )
        );
  end case;
  return false;
end
$$;

-- Fill-in answers compare trimmed, with runs of whitespace collapsed to one space.
create function private.quiz_normalise_blank(value text) returns text
language sql immutable set search_path = ''
as $$
  select regexp_replace(btrim(value), '\s+', ' ', 'g')
$$;

-- All or nothing: whether a (shape-checked) response matches the key.
create function private.quiz_response_correct(kind public.quiz_question_type, answer jsonb, response jsonb)
returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  if response is null or answer is null then
    return false;
  end if;
  case kind
    when 'single_choice' then
      return response = answer -> 'correct';
    when 'multiple_choice' then
      return (select coalesce(array_agg(r order by r), '{}') from jsonb_array_elements_text(response) r)
           = (select coalesce(array_agg(c order by c), '{}') from jsonb_array_elements_text(answer -> 'correct') c);
    when 'true_false' then
      return response = answer -> 'correct';
    when 'fill_blank' then
      return exists (
        select 1 from jsonb_array_elements_text(answer -> 'accepted') a
        where case when coalesce((answer ->> 'caseSensitive')::boolean, false)
                   then private.quiz_normalise_blank(a) = private.quiz_normalise_blank(response #>> '{}')
                   else lower(private.quiz_normalise_blank(a)) = lower(private.quiz_normalise_blank(response #>> '{}'))
              end
      );
    when 'matching' then
      return response = answer -> 'pairs';
  end case;
  return false;
end
$$;

-- What a review shows as the correct answer: the key without its wrapper.
create function private.quiz_correct_answer(kind public.quiz_question_type, answer jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select case kind
    when 'fill_blank' then answer -> 'accepted'
    when 'matching' then answer -> 'pairs'
    else answer -> 'correct'
  end
$$;

-- ---------------------------------------------------------------------------
-- Tables

create table public.quizzes (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  lesson_id uuid references public.lessons (id) on delete set null,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 20000),
  passing_score integer not null default 70 check (passing_score between 0 and 100),
  time_limit_seconds integer check (time_limit_seconds between 30 and 86400),
  max_attempts integer check (max_attempts between 1 and 100),
  shuffle_questions boolean not null default true,
  shuffle_options boolean not null default true,
  review_policy public.quiz_review_policy not null default 'after_submit',
  is_required boolean not null default true,
  status public.lesson_status not null default 'draft',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index quizzes_course_idx on public.quizzes (course_id, position);
create index quizzes_lesson_idx on public.quizzes (lesson_id);

create table public.quiz_questions (
  id uuid primary key default gen_random_uuid(),
  quiz_id uuid not null references public.quizzes (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  type public.quiz_question_type not null,
  prompt text not null check (char_length(prompt) between 1 and 10000),
  options jsonb not null default '[]'::jsonb,
  points integer not null default 1 check (points between 1 and 100),
  explanation text not null default '' check (char_length(explanation) <= 10000),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quiz_questions_options_fit_type check (private.quiz_options_valid(type, options))
);
create index quiz_questions_quiz_idx on public.quiz_questions (quiz_id, position);
create index quiz_questions_course_idx on public.quiz_questions (course_id);

create table public.quiz_answer_keys (
  question_id uuid primary key references public.quiz_questions (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  answer jsonb not null,
  updated_at timestamptz not null default now()
);
create index quiz_answer_keys_course_idx on public.quiz_answer_keys (course_id);

create table public.question_bank (
  id uuid primary key default gen_random_uuid(),
  instructor_id uuid not null references public.instructors (id) on delete cascade,
  course_id uuid references public.courses (id) on delete set null,
  type public.quiz_question_type not null,
  prompt text not null check (char_length(prompt) between 1 and 10000),
  options jsonb not null default '[]'::jsonb,
  answer jsonb not null,
  explanation text not null default '' check (char_length(explanation) <= 10000),
  points integer not null default 1 check (points between 1 and 100),
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint question_bank_answer_fits_type check (private.quiz_answer_valid(type, options, answer))
);
create index question_bank_instructor_idx on public.question_bank (instructor_id, created_at desc);
create index question_bank_course_idx on public.question_bank (course_id);

create table public.quiz_attempts (
  id uuid primary key default gen_random_uuid(),
  quiz_id uuid not null references public.quizzes (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  attempt_number integer not null check (attempt_number >= 1),
  question_ids uuid[] not null,
  option_order jsonb not null default '{}'::jsonb,
  started_at timestamptz not null default now(),
  deadline_at timestamptz,
  submitted_at timestamptz,
  answers jsonb,
  results jsonb,
  score_points integer,
  max_points integer,
  score_percent numeric(5, 2) check (score_percent between 0 and 100),
  passed boolean,
  status public.attempt_status not null default 'in_progress',
  unique (quiz_id, user_id, attempt_number)
);
create index quiz_attempts_user_idx on public.quiz_attempts (user_id, course_id);
create index quiz_attempts_course_idx on public.quiz_attempts (course_id);
-- "has the learner passed this quiz": recompute_enrollment's probe.
create index quiz_attempts_passed_idx on public.quiz_attempts (user_id, quiz_id) where passed;

create table public.assignments (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  lesson_id uuid references public.lessons (id) on delete set null,
  title text not null check (char_length(title) between 1 and 200),
  instructions text not null default '' check (char_length(instructions) <= 50000),
  due_at timestamptz,
  late_policy public.assignment_late_policy not null default 'accept',
  late_penalty_percent integer not null default 0 check (late_penalty_percent between 0 and 100),
  max_points integer not null default 100 check (max_points between 1 and 1000),
  passing_points integer check (passing_points >= 0),
  submission_types text[] not null default '{text,file}'
    check (cardinality(submission_types) >= 1 and submission_types <@ '{text,file}'::text[]),
  allowed_file_types text[] not null
    default '{application/pdf,image/png,image/jpeg,application/zip,text/plain}'
    check (cardinality(allowed_file_types) <= 50),
  max_file_bytes integer not null default 20971520 check (max_file_bytes between 1 and 52428800),
  rubric jsonb not null default '[]'::jsonb,
  is_required boolean not null default true,
  status public.lesson_status not null default 'draft',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (passing_points is null or passing_points <= max_points)
);
create index assignments_course_idx on public.assignments (course_id, position);
create index assignments_lesson_idx on public.assignments (lesson_id);

-- A rubric: [{id, criterion, points}] with distinct ids, points 1..1000 summing to at most max_points.
create function private.rubric_valid(rubric jsonb, max_points integer) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  if rubric is null or jsonb_typeof(rubric) <> 'array' or jsonb_array_length(rubric) > 50 then
    return false;
  end if;
  if jsonb_array_length(rubric) = 0 then
    return true;
  end if;
  if exists (
    select 1 from jsonb_array_elements(rubric) r
    where jsonb_typeof(r) <> 'object'
      or jsonb_typeof(r -> 'id') is distinct from 'string'
      or jsonb_typeof(r -> 'criterion') is distinct from 'string'
      or jsonb_typeof(r -> 'points') is distinct from 'number'
      or char_length(r ->> 'id') not between 1 and 64
      or char_length(r ->> 'criterion') not between 1 and 1000
      or (r ->> 'points')::numeric not between 1 and 1000
      or (r ->> 'points')::numeric <> trunc((r ->> 'points')::numeric)
  ) then
    return false;
  end if;
  return (select count(distinct r ->> 'id') from jsonb_array_elements(rubric) r) = jsonb_array_length(rubric)
     and (select sum((r ->> 'points')::numeric) from jsonb_array_elements(rubric) r) <= max_points;
end
$$;
alter table public.assignments add constraint assignments_rubric_valid check (private.rubric_valid(rubric, max_points));

create table public.assignment_submissions (
  id uuid primary key default gen_random_uuid(),
  assignment_id uuid not null references public.assignments (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  attempt_number integer not null check (attempt_number >= 1),
  text_content text check (char_length(text_content) <= 100000),
  files jsonb not null default '[]'::jsonb check (jsonb_typeof(files) = 'array'),
  submitted_at timestamptz not null default now(),
  is_late boolean not null default false,
  status public.submission_status not null default 'submitted',
  points numeric(7, 2),
  penalty_percent integer not null default 0 check (penalty_percent between 0 and 100),
  final_points numeric(7, 2),
  rubric_marks jsonb,
  feedback text check (char_length(feedback) <= 20000),
  graded_by uuid references public.profiles (id) on delete set null,
  graded_at timestamptz,
  unique (assignment_id, user_id, attempt_number)
);
create index assignment_submissions_user_idx on public.assignment_submissions (user_id, course_id);
create index assignment_submissions_course_idx on public.assignment_submissions (course_id, status);
create index assignment_submissions_graded_by_idx on public.assignment_submissions (graded_by);
-- "has the learner a graded submission": recompute_enrollment's probe.
create index assignment_submissions_graded_idx on public.assignment_submissions (user_id, assignment_id)
  where status = 'graded';

create table public.certificates (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  enrollment_id uuid references public.enrollments (id) on delete set null,
  code text not null unique check (code ~ '^[0-9A-F]{4}(-[0-9A-F]{4}){5}$'),
  code_sha256 bytea not null unique,
  learner_name text not null,
  course_title text not null,
  instructor_name text not null,
  issued_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_reason text check (char_length(revoked_reason) <= 500),
  unique (user_id, course_id)
);
create index certificates_course_idx on public.certificates (course_id);
create index certificates_enrollment_idx on public.certificates (enrollment_id);

-- ---------------------------------------------------------------------------
-- Video progress, lesson completion share, progress from items

alter table public.lesson_progress
  add column position_seconds numeric not null default 0 check (position_seconds >= 0),
  add column watched_seconds numeric not null default 0 check (watched_seconds >= 0),
  add column last_heartbeat_at timestamptz;

alter table public.lessons
  add column video_seconds integer check (video_seconds between 1 and 86400),
  add column complete_at_share numeric(3, 2) not null default 0.90 check (complete_at_share between 0.10 and 1.00);
comment on column public.lessons.video_seconds is
  'The video''s length in seconds, set by the instructor; record_video_progress trusts it over the player''s.';
comment on column public.lessons.complete_at_share is
  'The share of a video lesson (0.10..1.00) a learner watches before it counts as complete.';

alter table public.enrollments
  add column total_items integer not null default 0 check (total_items >= 0),
  add column completed_items integer not null default 0 check (completed_items >= 0);
comment on column public.enrollments.total_items is
  'Required items: published text/video/pdf/slides lessons, published required quizzes and assignments.';

-- ---------------------------------------------------------------------------
-- Triggers: timestamps, denormalised course ids, shape checks

create trigger quizzes_touch before update on public.quizzes
  for each row execute function private.touch_updated_at();
create trigger quiz_questions_touch before update on public.quiz_questions
  for each row execute function private.touch_updated_at();
create trigger quiz_answer_keys_touch before update on public.quiz_answer_keys
  for each row execute function private.touch_updated_at();
create trigger question_bank_touch before update on public.question_bank
  for each row execute function private.touch_updated_at();
create trigger assignments_touch before update on public.assignments
  for each row execute function private.touch_updated_at();

-- An item's lesson belongs to its course. Definer: the caller may not see the lesson.
create function private.check_item_lesson() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.lesson_id is not null
     and not exists (select 1 from public.lessons l where l.id = new.lesson_id and l.course_id = new.course_id) then
    raise exception 'lesson % is not part of course %', new.lesson_id, new.course_id using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger quizzes_check_lesson before insert or update of lesson_id, course_id on public.quizzes
  for each row execute function private.check_item_lesson();
create trigger assignments_check_lesson before insert or update of lesson_id, course_id on public.assignments
  for each row execute function private.check_item_lesson();

-- A question's course is its quiz's (filled in when omitted); a change of type or options must
-- keep its answer key valid. Definer: reads the quiz and the key whatever the caller sees. The
-- RLS check on the row runs after this, so a question never lands in a course its writer does not manage.
create function private.check_quiz_question() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  quiz_course uuid;
begin
  select q.course_id into quiz_course from public.quizzes q where q.id = new.quiz_id;
  if new.course_id is null then
    new.course_id := quiz_course;
  elsif new.course_id is distinct from quiz_course then
    raise exception 'a question''s course is its quiz''s' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and exists (
    select 1 from public.quiz_answer_keys k
    where k.question_id = new.id and not private.quiz_answer_valid(new.type, new.options, k.answer)
  ) then
    raise exception 'the answer key no longer fits the question: change both together' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger quiz_questions_check before insert or update on public.quiz_questions
  for each row execute function private.check_quiz_question();

-- An answer key's course is its question's, and it fits the question's type and options.
create function private.check_quiz_answer_key() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  q public.quiz_questions;
begin
  select * into q from public.quiz_questions where id = new.question_id;
  if not found then
    raise exception 'question not found' using errcode = '23503';
  end if;
  if new.course_id is null then
    new.course_id := q.course_id;
  elsif new.course_id is distinct from q.course_id then
    raise exception 'an answer key''s course is its question''s' using errcode = '23514';
  end if;
  if not private.quiz_answer_valid(q.type, q.options, new.answer) then
    raise exception 'the answer key does not fit a % question', q.type using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger quiz_answer_keys_check before insert or update on public.quiz_answer_keys
  for each row execute function private.check_quiz_answer_key();

-- A rubric's total fits max_points is a check constraint; a quiz moved to another course takes its
-- questions and keys along (their course_id follows), so the policies keep seeing them together.
create function private.follow_quiz_course() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.quiz_questions set course_id = new.course_id where quiz_id = new.id;
  update public.quiz_answer_keys k set course_id = new.course_id
    from public.quiz_questions q where q.id = k.question_id and q.quiz_id = new.id;
  return null;
end
$$;
create trigger quizzes_follow_course after update of course_id on public.quizzes
  for each row when (old.course_id is distinct from new.course_id)
  execute function private.follow_quiz_course();

-- ---------------------------------------------------------------------------
-- Set-based helpers (the caller's own small sets; once per statement)

-- Courses the caller learns in: a published course and an enrollment that is not cancelled.
create function private.my_learning_course_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select e.course_id
    from public.enrollments e
    join public.courses c on c.id = e.course_id and c.status = 'published'
    where e.user_id = (select auth.uid()) and e.status <> 'cancelled';
end
$$;

-- Published quizzes open to the caller: in a course they learn in, and when tied to a lesson,
-- that lesson is open to them (its drip date passed).
create function private.my_open_quiz_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select q.id
    from public.enrollments e
    join public.courses c on c.id = e.course_id and c.status = 'published'
    join public.quizzes q on q.course_id = e.course_id and q.status = 'published'
    left join public.lessons l on l.id = q.lesson_id
    where e.user_id = (select auth.uid())
      and e.status <> 'cancelled'
      and (q.lesson_id is null or (
        l.status = 'published'
        and (l.drip_available_at is null or l.drip_available_at <= now())
        and (l.drip_days_after_enrollment is null
             or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
      ));
end
$$;

-- Published assignments open to the caller, as quizzes.
create function private.my_open_assignment_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select a.id
    from public.enrollments e
    join public.courses c on c.id = e.course_id and c.status = 'published'
    join public.assignments a on a.course_id = e.course_id and a.status = 'published'
    left join public.lessons l on l.id = a.lesson_id
    where e.user_id = (select auth.uid())
      and e.status <> 'cancelled'
      and (a.lesson_id is null or (
        l.status = 'published'
        and (l.drip_available_at is null or l.drip_available_at <= now())
        and (l.drip_days_after_enrollment is null
             or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
      ));
end
$$;

revoke execute on function private.my_learning_course_ids() from public;
revoke execute on function private.my_open_quiz_ids() from public;
revoke execute on function private.my_open_assignment_ids() from public;
grant execute on function private.my_learning_course_ids() to authenticated;
grant execute on function private.my_open_quiz_ids() to authenticated;
grant execute on function private.my_open_assignment_ids() to authenticated;

-- ---------------------------------------------------------------------------
-- Progress from required items

create or replace function private.recompute_enrollment(learner uuid, course uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  total_l integer;
  done_l integer;
  total_q integer;
  done_q integer;
  total_a integer;
  done_a integer;
  total integer;
  done integer;
begin
  -- Lessons of type quiz/assignment/lab are represented by their item, so they are not counted.
  select count(*) into total_l from public.lessons l
    where l.course_id = course and l.status = 'published' and l.content_type in ('text', 'video', 'pdf', 'slides');
  select count(*) into done_l from public.lesson_progress p
    join public.lessons l on l.id = p.lesson_id and l.status = 'published'
      and l.content_type in ('text', 'video', 'pdf', 'slides')
    where p.user_id = learner and p.course_id = course and p.is_completed;
  select count(*), count(*) filter (where exists (
      select 1 from public.quiz_attempts a where a.user_id = learner and a.quiz_id = q.id and a.passed
    ))
    into total_q, done_q
    from public.quizzes q
    where q.course_id = course and q.status = 'published' and q.is_required;
  select count(*), count(*) filter (where exists (
      select 1 from public.assignment_submissions s
      where s.user_id = learner and s.assignment_id = a.id and s.status = 'graded'
        and s.final_points >= coalesce(a.passing_points, 0)
    ))
    into total_a, done_a
    from public.assignments a
    where a.course_id = course and a.status = 'published' and a.is_required;
  total := total_l + total_q + total_a;
  done := done_l + done_q + done_a;
  update public.enrollments e set
    total_lessons = total_l,
    completed_lessons = done_l,
    total_items = total,
    completed_items = done,
    progress_percentage = case when total = 0 then 0 else round(done * 100.0 / total, 2) end,
    status = case when total > 0 and done >= total then 'completed'::public.enrollment_status
                  when e.status = 'completed' then 'active'::public.enrollment_status
                  else e.status end,
    completed_at = case when total > 0 and done >= total then coalesce(e.completed_at, now()) else null end
  where e.user_id = learner and e.course_id = course and e.status <> 'cancelled';
end
$$;

-- ---------------------------------------------------------------------------
-- Certificates

-- 96 random bits as 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX': a v4 UUID (pg_strong_random) has 30 hex digits
-- of pure randomness (all but the 13th, the version, and the 17th, which carries the variant).
create function private.new_certificate_code() returns text
language plpgsql volatile set search_path = ''
as $$
declare
  u text := replace(gen_random_uuid()::text, '-', '');
  hex text;
begin
  hex := upper(substr(substr(u, 1, 12) || substr(u, 14, 3) || substr(u, 18, 15), 1, 24));
  return substr(hex, 1, 4) || '-' || substr(hex, 5, 4) || '-' || substr(hex, 9, 4) || '-'
      || substr(hex, 13, 4) || '-' || substr(hex, 17, 4) || '-' || substr(hex, 21, 4);
end
$$;

create function private.certificate_code_hash(code text) returns bytea
language sql immutable set search_path = ''
as $$
  select sha256(convert_to(upper(btrim(code)), 'UTF8'))
$$;

-- Issues the certificates of completed enrollments, once each: an enrollment whose learner already
-- holds one for the course (revoked or not) gets nothing new. Set-based (a bulk insert of completed
-- enrollments issues in one statement). The learner hears of it in the completion notification.
create function private.issue_certificates(enrollment_ids uuid[]) returns setof public.certificates
language plpgsql security definer set search_path = ''
as $$
begin
  return query
    with issued as (
      insert into public.certificates
        (user_id, course_id, enrollment_id, code, code_sha256, learner_name, course_title, instructor_name)
      select e.user_id, e.course_id, e.id, k.code, private.certificate_code_hash(k.code),
             coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''), split_part(p.email, '@', 1)),
             c.title, i.display_name
      from public.enrollments e
      join public.profiles p on p.id = e.user_id
      join public.courses c on c.id = e.course_id
      join public.instructors i on i.id = c.instructor_id
      cross join lateral (select private.new_certificate_code() as code, e.id as for_enrollment) k
      where e.id = any (enrollment_ids) and e.status = 'completed'
      on conflict (user_id, course_id) do nothing
      returning *
    )
    select * from issued;
end
$$;

-- The certificate of one completed enrollment: the new one, or the one its learner already holds.
create function private.issue_certificate(enrollment uuid) returns public.certificates
language plpgsql security definer set search_path = ''
as $$
declare
  result public.certificates;
begin
  perform private.issue_certificates(array[enrollment]);
  select c.* into result from public.certificates c
    join public.enrollments e on e.user_id = c.user_id and e.course_id = c.course_id
    where e.id = enrollment;
  return result;
end
$$;

create function private.issue_certificate_on_completion() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.issue_certificates(array[new.id]);
  return null;
end
$$;
create trigger enrollments_issue_certificate after update of status on public.enrollments
  for each row when (new.status = 'completed' and old.status is distinct from 'completed')
  execute function private.issue_certificate_on_completion();

-- Enrollments inserted as completed (an admin's import, the scale fixture): one statement.
create function private.issue_certificates_on_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.issue_certificates(array(select a.id from added a where a.status = 'completed'));
  return null;
end
$$;
create trigger enrollments_issue_certificates_on_insert after insert on public.enrollments
  referencing new table as added
  for each statement execute function private.issue_certificates_on_insert();

-- The completion message no longer says "every lesson" (items count too), and it announces the
-- certificate the completion issues (one message, not two).
create or replace function private.notify_course_completed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, title, body, link)
  select new.user_id, 'course_completed', left('You completed ' || c.title, 200),
         'Every required lesson, quiz and assignment is done, and your certificate is under Certificates. Well learned!',
         '/learn/' || c.slug
  from public.courses c
  where c.id = new.course_id;
  return null;
end
$$;

-- ---------------------------------------------------------------------------
-- API functions: quizzes

create function public.start_quiz_attempt(quiz uuid) returns public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  qz public.quizzes;
  used integer;
  qids uuid[];
  orders jsonb;
  result public.quiz_attempts;
begin
  if me is null then
    raise exception 'sign in to take a quiz' using errcode = '28000';
  end if;
  select q.* into qz from public.quizzes q
    join public.courses c on c.id = q.course_id and c.status = 'published'
    where q.id = quiz and q.status = 'published';
  if not found then
    raise exception 'quiz not found' using errcode = 'P0001', hint = '404:quiz_not_found';
  end if;
  -- Serialises this learner's starts in this course (the attempt limit holds under concurrency).
  perform 1 from public.enrollments e
    where e.user_id = me and e.course_id = qz.course_id and e.status <> 'cancelled'
    for update;
  if not found then
    raise exception 'enroll in the course to take its quizzes' using errcode = 'P0001', hint = '403:not_enrolled';
  end if;
  if quiz not in (select private.my_open_quiz_ids()) then
    raise exception 'this quiz is not open to you yet' using errcode = 'P0001', hint = '403:quiz_locked';
  end if;

  update public.quiz_attempts a
    set status = 'expired', submitted_at = coalesce(a.submitted_at, a.deadline_at),
        score_points = 0, score_percent = 0, passed = false
    where a.quiz_id = quiz and a.user_id = me and a.status = 'in_progress'
      and a.deadline_at is not null and now() > a.deadline_at + interval '2 seconds';

  select * into result from public.quiz_attempts a
    where a.quiz_id = quiz and a.user_id = me and a.status = 'in_progress'
    order by a.attempt_number desc limit 1;
  if found then
    return result;
  end if;

  select count(*) into used from public.quiz_attempts a where a.quiz_id = quiz and a.user_id = me;
  if qz.max_attempts is not null and used >= qz.max_attempts then
    raise exception 'no attempts left for this quiz' using errcode = 'P0001', hint = '409:attempts_exhausted';
  end if;

  select array_agg(q.id order by case when qz.shuffle_questions then random() else 0 end, q.position, q.id),
         coalesce(jsonb_object_agg(q.id::text, (
           select coalesce(jsonb_agg(o -> 'id' order by
                    case when qz.shuffle_options then random() else 0 end, o.ordinality), '[]'::jsonb)
           from jsonb_array_elements(q.options) with ordinality o(o, ordinality)
         )), '{}'::jsonb)
    into qids, orders
    from public.quiz_questions q where q.quiz_id = quiz;
  if qids is null then
    raise exception 'this quiz has no questions yet' using errcode = 'P0001', hint = '409:quiz_empty';
  end if;

  insert into public.quiz_attempts
    (quiz_id, course_id, user_id, attempt_number, question_ids, option_order, deadline_at, max_points)
  select quiz, qz.course_id, me, used + 1, qids, orders,
         case when qz.time_limit_seconds is null then null
              else now() + make_interval(secs => qz.time_limit_seconds) end,
         (select sum(q.points)::int from public.quiz_questions q where q.id = any (qids))
  returning * into result;
  return result;
end
$$;

create function public.submit_quiz_attempt(attempt uuid, answers jsonb) returns public.quiz_attempts
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  a public.quiz_attempts;
  qz public.quizzes;
  graded jsonb;
  got integer;
  total integer;
  pct numeric(5, 2);
  result public.quiz_attempts;
begin
  if me is null then
    raise exception 'sign in to submit a quiz' using errcode = '28000';
  end if;
  select * into a from public.quiz_attempts where id = attempt and user_id = me for update;
  if not found then
    raise exception 'attempt not found' using errcode = 'P0001', hint = '404:attempt_not_found';
  end if;
  if a.status = 'expired' then
    raise exception 'the time limit of this attempt has passed' using errcode = 'P0001', hint = '409:time_limit_exceeded';
  end if;
  if a.status <> 'in_progress' then
    raise exception 'this attempt is already submitted' using errcode = 'P0001', hint = '409:already_submitted';
  end if;
  select * into qz from public.quizzes where id = a.quiz_id;

  -- Too late: the expiry is written and returned (a raise would roll it back); the edge answers 409.
  if a.deadline_at is not null and now() > a.deadline_at + interval '2 seconds' then
    update public.quiz_attempts set status = 'expired', submitted_at = now(),
        score_points = 0, score_percent = 0, passed = false
      where id = attempt
      returning * into result;
    return result;
  end if;

  if answers is null or jsonb_typeof(answers) <> 'object' then
    raise exception 'answers must be an object of question ids to answers'
      using errcode = 'P0001', hint = '422:invalid_answers';
  end if;
  if exists (
    select 1 from jsonb_each(answers) r
    left join public.quiz_questions q
      on q.id::text = r.key and q.id = any (a.question_ids)
    where q.id is null or not private.quiz_response_valid(q.type, q.options, r.value)
  ) then
    raise exception 'an answer names an unknown question or has the wrong shape'
      using errcode = 'P0001', hint = '422:invalid_answers';
  end if;

  select coalesce(jsonb_object_agg(g.id::text, jsonb_build_object('correct', g.correct, 'points',
                    case when g.correct then g.points else 0 end)), '{}'::jsonb),
         coalesce(sum(case when g.correct then g.points else 0 end), 0)::int,
         coalesce(sum(g.points), 0)::int
    into graded, got, total
    from (
      select q.id, q.points,
             coalesce(private.quiz_response_correct(q.type, k.answer, answers -> q.id::text), false) as correct
      from public.quiz_questions q
      left join public.quiz_answer_keys k on k.question_id = q.id
      where q.id = any (a.question_ids)
    ) g;
  pct := case when total = 0 then 0 else round(got * 100.0 / total, 2) end;

  update public.quiz_attempts set
      status = 'submitted', submitted_at = now(), answers = submit_quiz_attempt.answers, results = graded,
      score_points = got, max_points = total, score_percent = pct, passed = pct >= qz.passing_score
    where id = attempt
    returning * into result;
  perform private.recompute_enrollment(me, a.course_id);
  return result;
end
$$;

create function public.quiz_attempt_review(attempt uuid) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  a public.quiz_attempts;
  qz public.quizzes;
  manager boolean;
  allowed boolean;
begin
  if me is null then
    raise exception 'sign in to review a quiz' using errcode = '28000';
  end if;
  select * into a from public.quiz_attempts where id = attempt;
  if not found then
    raise exception 'attempt not found' using errcode = 'P0001', hint = '404:attempt_not_found';
  end if;
  manager := private.is_admin() or a.course_id in (select private.my_managed_course_ids());
  if not manager and a.user_id <> me then
    raise exception 'attempt not found' using errcode = 'P0001', hint = '404:attempt_not_found';
  end if;
  select * into qz from public.quizzes where id = a.quiz_id;
  if not manager then
    allowed := a.status <> 'in_progress' and case qz.review_policy
      when 'never' then false
      when 'after_submit' then true
      when 'after_pass' then coalesce(a.passed, false)
      when 'after_last_attempt' then coalesce(a.passed, false) or (
        qz.max_attempts is not null
        and (select count(*) from public.quiz_attempts x where x.quiz_id = a.quiz_id and x.user_id = a.user_id)
            >= qz.max_attempts)
    end;
    if not allowed then
      raise exception 'this quiz does not show its answers now' using errcode = 'P0001', hint = '403:review_not_allowed';
    end if;
  end if;
  return jsonb_build_object('questions', coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', q.id,
             'type', q.type,
             'prompt', q.prompt,
             'options', q.options,
             'correct', coalesce((a.results -> q.id::text ->> 'correct')::boolean, false),
             'points', coalesce((a.results -> q.id::text ->> 'points')::int, 0),
             'maxPoints', q.points,
             'yourAnswer', a.answers -> q.id::text,
             'correctAnswer', private.quiz_correct_answer(q.type, k.answer),
             'explanation', q.explanation
           ) order by x.ord)
    from unnest(a.question_ids) with ordinality x(id, ord)
    join public.quiz_questions q on q.id = x.id
    left join public.quiz_answer_keys k on k.question_id = q.id
  ), '[]'::jsonb));
end
$$;

-- ---------------------------------------------------------------------------
-- API functions: assignments

-- files: an array of storage paths, or of objects with a `path` (and optionally a display `name`).
-- What is stored for each comes from storage.objects: {path, name, size, type}.
create function public.submit_assignment(assignment uuid, text_content text, files jsonb)
returns public.assignment_submissions
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  asg public.assignments;
  body text := nullif(btrim(coalesce(text_content, '')), '');
  given jsonb := coalesce(files, '[]'::jsonb);
  prefix text;
  stored jsonb;
  found_count integer;
  late boolean;
  n integer;
  result public.assignment_submissions;
begin
  if me is null then
    raise exception 'sign in to submit an assignment' using errcode = '28000';
  end if;
  select a.* into asg from public.assignments a
    join public.courses c on c.id = a.course_id and c.status = 'published'
    where a.id = assignment and a.status = 'published';
  if not found then
    raise exception 'assignment not found' using errcode = 'P0001', hint = '404:assignment_not_found';
  end if;
  perform 1 from public.enrollments e
    where e.user_id = me and e.course_id = asg.course_id and e.status <> 'cancelled'
    for update;
  if not found then
    raise exception 'enroll in the course to submit its assignments' using errcode = 'P0001', hint = '403:not_enrolled';
  end if;
  if assignment not in (select private.my_open_assignment_ids()) then
    raise exception 'this assignment is not open to you yet' using errcode = 'P0001', hint = '403:assignment_locked';
  end if;

  if jsonb_typeof(given) <> 'array' or jsonb_array_length(given) > 10 then
    raise exception 'files must be an array of at most 10 uploaded files' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if body is null and jsonb_array_length(given) = 0 then
    raise exception 'submit a text or a file' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if body is not null and not ('text' = any (asg.submission_types)) then
    raise exception 'this assignment takes files only' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if jsonb_array_length(given) > 0 and not ('file' = any (asg.submission_types)) then
    raise exception 'this assignment takes text only' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if char_length(body) > 100000 then
    raise exception 'the text is longer than 100000 characters' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;

  if exists (
    select 1 from jsonb_array_elements(given) f
    where not (jsonb_typeof(f) = 'string'
               or (jsonb_typeof(f) = 'object' and jsonb_typeof(f -> 'path') = 'string'
                   and coalesce(jsonb_typeof(f -> 'name'), 'string') = 'string'))
  ) then
    raise exception 'each file is a storage path or {path, name}' using errcode = 'P0001', hint = '422:invalid_submission';
  end if;

  prefix := me::text || '/' || asg.course_id::text || '/' || asg.id::text || '/';
  with wanted as (
    select distinct on (p.path) p.path, p.name
    from (
      select coalesce(f ->> 'path', f #>> '{}') as path,
             nullif(btrim(coalesce(f ->> 'name', '')), '') as name
      from jsonb_array_elements(given) f
    ) p
  )
  select count(o.id),
         coalesce(jsonb_agg(jsonb_build_object(
           'path', w.path,
           'name', left(coalesce(w.name, storage.filename(w.path)), 255),
           'size', coalesce(o.metadata ->> 'size', o.metadata ->> 'contentLength')::bigint,
           'type', o.metadata ->> 'mimetype'
         ) order by w.path) filter (where o.id is not null), '[]'::jsonb)
    into found_count, stored
    from wanted w
    left join storage.objects o
      on o.bucket_id = 'submissions' and o.name = w.path
         and coalesce(o.owner_id, o.owner::text) = me::text
    where true;
  if found_count <> jsonb_array_length(given)
     or exists (select 1 from jsonb_array_elements(stored) s where not starts_with(s ->> 'path', prefix)) then
    raise exception 'each file must be your upload under %', prefix using errcode = 'P0001', hint = '422:invalid_submission';
  end if;
  if exists (
    select 1 from jsonb_array_elements(stored) s
    where s ->> 'size' is null or (s ->> 'size')::bigint > asg.max_file_bytes
       or not ((s ->> 'type') = any (asg.allowed_file_types))
  ) then
    raise exception 'a file is too large or of a type this assignment does not take'
      using errcode = 'P0001', hint = '422:invalid_submission';
  end if;

  late := asg.due_at is not null and now() > asg.due_at;
  if late and asg.late_policy = 'reject' then
    raise exception 'this assignment was due at % and takes no late work', asg.due_at
      using errcode = 'P0001', hint = '409:assignment_closed';
  end if;

  select coalesce(max(s.attempt_number), 0) + 1 into n
    from public.assignment_submissions s where s.assignment_id = assignment and s.user_id = me;
  insert into public.assignment_submissions
    (assignment_id, course_id, user_id, attempt_number, text_content, files, is_late, status, penalty_percent)
  values (assignment, asg.course_id, me, n, body, stored, late,
          case when late then 'late' else 'submitted' end::public.submission_status,
          case when late and asg.late_policy = 'penalty' then asg.late_penalty_percent else 0 end)
  returning * into result;
  return result;
end
$$;

-- points: used without a rubric; with one, the points are the sum of rubric_marks, which must mark
-- every criterion (0..its points) and nothing else.
create function public.grade_submission(submission uuid, points numeric, rubric_marks jsonb, feedback text)
returns public.assignment_submissions
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  s public.assignment_submissions;
  asg public.assignments;
  total numeric;
  marks jsonb := rubric_marks;
  result public.assignment_submissions;
begin
  if me is null then
    raise exception 'sign in to grade' using errcode = '28000';
  end if;
  select * into s from public.assignment_submissions x where x.id = submission for update;
  if not found then
    raise exception 'submission not found' using errcode = 'P0001', hint = '404:submission_not_found';
  end if;
  if not (private.is_admin() or s.course_id in (select private.my_managed_course_ids())) then
    raise exception 'only the course''s instructor or an admin grades it' using errcode = 'P0001', hint = '403:not_grader';
  end if;
  if s.user_id = me then
    raise exception 'nobody grades their own submission' using errcode = 'P0001', hint = '403:own_submission';
  end if;
  select * into asg from public.assignments where id = s.assignment_id;

  if jsonb_array_length(asg.rubric) > 0 then
    if marks is null or jsonb_typeof(marks) <> 'object'
       or (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(marks) k)
          <> (select array_agg(r ->> 'id' order by r ->> 'id') from jsonb_array_elements(asg.rubric) r)
       or exists (
         select 1 from jsonb_array_elements(asg.rubric) r
         where jsonb_typeof(marks -> (r ->> 'id')) <> 'number'
            or (marks ->> (r ->> 'id'))::numeric not between 0 and (r ->> 'points')::numeric
       ) then
      raise exception 'mark every rubric criterion between 0 and its points' using errcode = 'P0001', hint = '422:invalid_grade';
    end if;
    select sum(v::numeric) into total from jsonb_each_text(marks) m(k, v);
  else
    if marks is not null and marks <> 'null'::jsonb and marks <> '{}'::jsonb then
      raise exception 'this assignment has no rubric' using errcode = 'P0001', hint = '422:invalid_grade';
    end if;
    marks := null;
    total := points;
  end if;
  if total is null or total < 0 or total > asg.max_points or total <> round(total, 2) then
    raise exception 'points must be between 0 and %', asg.max_points using errcode = 'P0001', hint = '422:invalid_grade';
  end if;
  if char_length(feedback) > 20000 then
    raise exception 'feedback is longer than 20000 characters' using errcode = 'P0001', hint = '422:invalid_grade';
  end if;

  update public.assignment_submissions x set
      points = total,
      rubric_marks = marks,
      feedback = nullif(btrim(coalesce(grade_submission.feedback, '')), ''),
      final_points = round(total * (100 - x.penalty_percent) / 100.0, 2),
      status = 'graded',
      graded_by = me,
      graded_at = now()
    where x.id = submission
    returning * into result;

  insert into public.notifications (user_id, kind, title, body, link)
  select s.user_id, 'system', left('Graded: ' || asg.title, 200),
         'You got ' || trim_scale(result.final_points)::text || ' of ' || asg.max_points || ' points.',
         '/learn/' || c.slug
  from public.courses c where c.id = s.course_id;

  perform private.recompute_enrollment(s.user_id, s.course_id);
  return result;
end
$$;

-- ---------------------------------------------------------------------------
-- API functions: video progress and lesson completion

create function public.record_video_progress(lesson uuid, position_seconds numeric, duration_seconds numeric)
returns public.lesson_progress
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  l public.lessons;
  p public.lesson_progress;
  duration numeric;
  pos numeric;
  reach numeric;
  watched numeric;
  done boolean;
  result public.lesson_progress;
begin
  if me is null then
    raise exception 'sign in to record progress' using errcode = '28000';
  end if;
  select * into l from public.lessons x where x.id = lesson;
  if not found then
    raise exception 'lesson not found' using errcode = 'P0002';
  end if;
  if not private.lesson_is_open_to_me(lesson) then
    raise exception 'this lesson is not open to you' using errcode = '42501';
  end if;
  if l.content_type <> 'video' then
    raise exception 'only a video lesson records watching' using errcode = 'P0001', hint = '422:not_video';
  end if;
  duration := coalesce(l.video_seconds, duration_seconds);
  if duration is null or duration = 'NaN'::numeric or duration <= 0 or duration > 86400
     or position_seconds is null or position_seconds = 'NaN'::numeric or position_seconds < 0
     or position_seconds > 86400 then
    raise exception 'position and duration are seconds (0..86400, a duration above 0)'
      using errcode = 'P0001', hint = '422:invalid_progress';
  end if;
  pos := least(round(position_seconds, 3), duration);

  select * into p from public.lesson_progress x where x.user_id = me and x.lesson_id = lesson for update;
  -- The furthest point reached, moving at most 2.5x the wall clock (whole seconds, +15 s) since the
  -- last heartbeat.
  reach := coalesce(p.watched_seconds, 0)
         + greatest(0, floor(extract(epoch from now() - coalesce(p.last_heartbeat_at, now())))) * 2.5 + 15;
  watched := greatest(coalesce(p.watched_seconds, 0), least(pos, reach));
  done := coalesce(p.is_completed, false) or watched >= duration * l.complete_at_share;

  insert into public.lesson_progress as x
      (user_id, lesson_id, course_id, status, is_completed, started_at, completed_at,
       position_seconds, watched_seconds, last_heartbeat_at)
    values (me, lesson, l.course_id,
            case when done then 'completed' else 'in_progress' end::public.progress_status,
            done, now(), case when done then now() end, pos, watched, now())
    on conflict (user_id, lesson_id) do update set
      status = excluded.status,
      is_completed = excluded.is_completed,
      started_at = coalesce(x.started_at, now()),
      completed_at = case when excluded.is_completed then coalesce(x.completed_at, now()) end,
      position_seconds = excluded.position_seconds,
      watched_seconds = excluded.watched_seconds,
      last_heartbeat_at = excluded.last_heartbeat_at
    returning * into result;

  update public.enrollments set last_lesson_id = lesson, last_activity_at = now()
    where user_id = me and course_id = l.course_id;
  if done and not coalesce(p.is_completed, false) then
    perform private.recompute_enrollment(me, l.course_id);
  end if;
  return result;
end
$$;

-- As in 20261122000300, and: a video lesson completes only once its share is watched
-- (record_video_progress completes it by itself then); a quiz, assignment or lab lesson completes
-- through its item.
create or replace function public.complete_lesson(lesson uuid) returns public.enrollments
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  l public.lessons;
  result public.enrollments;
begin
  if me is null then
    raise exception 'sign in to record progress' using errcode = '28000';
  end if;
  select * into l from public.lessons x where x.id = lesson;
  if not found then
    raise exception 'lesson not found' using errcode = 'P0002';
  end if;
  if not private.lesson_is_open_to_me(lesson) then
    raise exception 'this lesson is not open to you' using errcode = '42501';
  end if;
  if l.content_type in ('quiz', 'assignment', 'lab') then
    raise exception 'this lesson completes through its %', l.content_type
      using errcode = 'P0001', hint = '409:complete_item';
  end if;
  if l.content_type = 'video' and not exists (
    select 1 from public.lesson_progress p
    where p.user_id = me and p.lesson_id = lesson
      and (p.is_completed or (l.video_seconds is not null and p.watched_seconds >= l.video_seconds * l.complete_at_share))
  ) then
    raise exception 'watch % %% of the video first', round(l.complete_at_share * 100)
      using errcode = 'P0001', hint = '409:watch_more';
  end if;
  insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
    values (me, lesson, l.course_id, 'completed', true, now(), now())
    on conflict (user_id, lesson_id) do update
      set status = 'completed', is_completed = true,
          completed_at = coalesce(public.lesson_progress.completed_at, now());
  update public.enrollments set last_lesson_id = lesson, last_activity_at = now()
    where user_id = me and course_id = l.course_id;
  perform private.recompute_enrollment(me, l.course_id);
  select * into result from public.enrollments where user_id = me and course_id = l.course_id;
  return result;
end
$$;

-- ---------------------------------------------------------------------------
-- API functions: certificates

-- Anyone may check a code: the answer is found by the code's hash only (an index probe), and an
-- unknown code returns no row. Minimal data: whether it is valid, the learner's and course's names.
create function public.verify_certificate(code text)
returns table (valid boolean, revoked boolean, learner text, course text, issued_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if code is null or char_length(code) > 100 then
    return;
  end if;
  return query
    select c.revoked_at is null, c.revoked_at is not null, c.learner_name, c.course_title, c.issued_at
    from public.certificates c
    where c.code_sha256 = private.certificate_code_hash(verify_certificate.code);
end
$$;

create function public.revoke_certificate(certificate uuid, reason text) returns public.certificates
language plpgsql security definer set search_path = ''
as $$
declare
  result public.certificates;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  if not private.is_admin() then
    raise exception 'only an admin revokes a certificate' using errcode = 'P0001', hint = '403:not_admin';
  end if;
  if reason is null or char_length(btrim(reason)) not between 1 and 500 then
    raise exception 'give a reason of 1..500 characters' using errcode = 'P0001', hint = '422:invalid_reason';
  end if;
  update public.certificates c
    set revoked_at = coalesce(c.revoked_at, now()), revoked_reason = btrim(reason)
    where c.id = certificate
    returning * into result;
  if result.id is null then
    raise exception 'certificate not found' using errcode = 'P0001', hint = '404:certificate_not_found';
  end if;
  return result;
end
$$;

-- ---------------------------------------------------------------------------
-- Function privileges

revoke execute on function private.quiz_options_valid(public.quiz_question_type, jsonb) from public;
revoke execute on function private.quiz_answer_valid(public.quiz_question_type, jsonb, jsonb) from public;
revoke execute on function private.quiz_response_valid(public.quiz_question_type, jsonb, jsonb) from public;
revoke execute on function private.quiz_normalise_blank(text) from public;
revoke execute on function private.quiz_response_correct(public.quiz_question_type, jsonb, jsonb) from public;
revoke execute on function private.quiz_correct_answer(public.quiz_question_type, jsonb) from public;
revoke execute on function private.rubric_valid(jsonb, integer) from public;
revoke execute on function private.new_certificate_code() from public;
revoke execute on function private.certificate_code_hash(text) from public;
revoke execute on function private.issue_certificate(uuid) from public;
revoke execute on function private.issue_certificate_on_completion() from public;
revoke execute on function private.issue_certificates(uuid[]) from public;
revoke execute on function private.issue_certificates_on_insert() from public;
revoke execute on function private.check_item_lesson() from public;
revoke execute on function private.check_quiz_question() from public;
revoke execute on function private.check_quiz_answer_key() from public;
revoke execute on function private.follow_quiz_course() from public;
-- Check constraints run as the writer: instructors insert questions (and their bank) directly.
grant execute on function private.quiz_options_valid(public.quiz_question_type, jsonb) to authenticated;
grant execute on function private.quiz_answer_valid(public.quiz_question_type, jsonb, jsonb) to authenticated;
grant execute on function private.rubric_valid(jsonb, integer) to authenticated;

revoke execute on function public.start_quiz_attempt(uuid) from public, anon;
revoke execute on function public.submit_quiz_attempt(uuid, jsonb) from public, anon;
revoke execute on function public.quiz_attempt_review(uuid) from public, anon;
revoke execute on function public.submit_assignment(uuid, text, jsonb) from public, anon;
revoke execute on function public.grade_submission(uuid, numeric, jsonb, text) from public, anon;
revoke execute on function public.record_video_progress(uuid, numeric, numeric) from public, anon;
revoke execute on function public.verify_certificate(text) from public;
revoke execute on function public.revoke_certificate(uuid, text) from public, anon;
grant execute on function public.start_quiz_attempt(uuid) to authenticated;
grant execute on function public.submit_quiz_attempt(uuid, jsonb) to authenticated;
grant execute on function public.quiz_attempt_review(uuid) to authenticated;
grant execute on function public.submit_assignment(uuid, text, jsonb) to authenticated;
grant execute on function public.grade_submission(uuid, numeric, jsonb, text) to authenticated;
grant execute on function public.record_video_progress(uuid, numeric, numeric) to authenticated;
grant execute on function public.verify_certificate(text) to anon, authenticated;
grant execute on function public.revoke_certificate(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------
-- Table privileges: authoring tables for course managers (RLS decides which rows); results and
-- certificates are read-only for every request role.

revoke all on public.quizzes, public.quiz_questions, public.quiz_answer_keys, public.question_bank,
  public.quiz_attempts, public.assignments, public.assignment_submissions, public.certificates
  from anon, authenticated;
grant select, insert, update, delete on public.quizzes, public.quiz_questions, public.quiz_answer_keys,
  public.question_bank, public.assignments to authenticated;
grant select on public.quiz_attempts, public.assignment_submissions, public.certificates to authenticated;

alter table public.quizzes enable row level security;
alter table public.quiz_questions enable row level security;
alter table public.quiz_answer_keys enable row level security;
alter table public.question_bank enable row level security;
alter table public.quiz_attempts enable row level security;
alter table public.assignments enable row level security;
alter table public.assignment_submissions enable row level security;
alter table public.certificates enable row level security;

-- quizzes: learners the published ones open to them; course managers theirs; admins all.
create policy "learners read open quizzes, course managers their own"
  on public.quizzes for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.my_managed_course_ids())
    or id in (select private.my_open_quiz_ids())
  );
create policy "course managers create quizzes"
  on public.quizzes for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update quizzes"
  on public.quizzes for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete quizzes"
  on public.quizzes for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- quiz_questions (no answers in them): as their quizzes.
create policy "learners read open quizzes' questions, course managers their own"
  on public.quiz_questions for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.my_managed_course_ids())
    or quiz_id in (select private.my_open_quiz_ids())
  );
create policy "course managers create questions"
  on public.quiz_questions for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update questions"
  on public.quiz_questions for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete questions"
  on public.quiz_questions for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- quiz_answer_keys: course managers only, for every verb. Learners never.
create policy "course managers read answer keys"
  on public.quiz_answer_keys for select to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers create answer keys"
  on public.quiz_answer_keys for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update answer keys"
  on public.quiz_answer_keys for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete answer keys"
  on public.quiz_answer_keys for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- question_bank: an instructor's own questions; admins all.
create policy "instructors read their question bank, admins all"
  on public.question_bank for select to authenticated
  using ((select private.is_admin()) or instructor_id = (select private.my_instructor_id()));
create policy "instructors add to their question bank"
  on public.question_bank for insert to authenticated
  with check ((select private.is_admin()) or instructor_id = (select private.my_instructor_id()));
create policy "instructors update their question bank"
  on public.question_bank for update to authenticated
  using ((select private.is_admin()) or instructor_id = (select private.my_instructor_id()))
  with check ((select private.is_admin()) or instructor_id = (select private.my_instructor_id()));
create policy "instructors delete from their question bank"
  on public.question_bank for delete to authenticated
  using ((select private.is_admin()) or instructor_id = (select private.my_instructor_id()));

-- quiz_attempts: the learner's own; the course's managers; admins. Written by definer functions only.
create policy "learners read their attempts, course managers their courses'"
  on public.quiz_attempts for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );

-- assignments: as quizzes.
create policy "learners read open assignments, course managers their own"
  on public.assignments for select to authenticated
  using (
    (select private.is_admin())
    or course_id in (select private.my_managed_course_ids())
    or id in (select private.my_open_assignment_ids())
  );
create policy "course managers create assignments"
  on public.assignments for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers update assignments"
  on public.assignments for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete assignments"
  on public.assignments for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- assignment_submissions: the learner's own; the course's managers (graders); admins.
create policy "learners read their submissions, graders their courses'"
  on public.assignment_submissions for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );

-- certificates: the holder; the course's managers; admins. Issued by the completion trigger only.
create policy "learners read their certificates, course managers their courses'"
  on public.certificates for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );

-- ---------------------------------------------------------------------------
-- Backfill: every enrollment's counters by the rules above (no quiz or assignment exists yet, so
-- lessons only; a quiz/assignment/lab lesson no longer counts). One that completes gets its certificate.

select private.recompute_enrollment(e.user_id, e.course_id) from public.enrollments e where e.status <> 'cancelled';
