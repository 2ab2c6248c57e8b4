-- Reviews, course FAQ, course approval, bundle tagging by instructors, thumbnail widths and the
-- instructor's overview and earnings (issue 9, "Migration B").
--
-- Who may do what:
--   reviews: anyone reads the visible (not hidden) reviews of published courses; authors their own,
--     course managers all of their courses', admins all. The enrolled learner (an enrollment that
--     is not cancelled) writes one review per course, for themselves. Updates by column: the author
--     rating and comment; the course's owner instructor_reply (replied_at by trigger); admins
--     is_hidden (hidden_at by trigger). The author or an admin deletes.
--   course_faqs: anyone reads those of published courses; course managers read and write theirs.
--   course_review_decisions: the course's owner and admins read; written only by
--     public.decide_course_review (admins approve or reject a course in review).
--   bundle_courses: an instructor adds their own published course to a bundle open to instructors
--     and takes their own course out of one; admins as before.
--
-- Course ratings are kept on the course by deltas: rating_distribution (counts of 1..5 stars),
-- rating_count and rating_average. A statement-level trigger on reviews adds what a statement
-- inserted, deleted, re-rated, hid or unhid (hidden reviews do not count). Seeded courses keep
-- their imported figures: private.plausible_rating_distribution(average, count) gives a
-- distribution with that count whose mean rounds to that average, written here for courses that
-- have ratings and no distribution yet (and by the seed). While the distribution sums to the count,
-- the average is its mean; otherwise (an imported count without a distribution) a weighted delta.

-- ---------------------------------------------------------------------------
-- Courses: rating distribution, thumbnail widths

alter table public.courses
  add column rating_distribution integer[] not null default '{0,0,0,0,0}'
    check (cardinality(rating_distribution) = 5 and array_lower(rating_distribution, 1) = 1
           and 0 <= all(rating_distribution)),
  -- When non-empty, thumbnail_url holds the token '{w}' and one image exists per width:
  -- srcset = widths.map(w => url.replace('{w}', w) + ' ' + w + 'w').
  add column thumbnail_widths integer[] not null default '{}'
    check (cardinality(thumbnail_widths) <= 8 and 16 <= all(thumbnail_widths) and 4096 >= all(thumbnail_widths)),
  add constraint courses_thumbnail_widths_need_token
    check (cardinality(thumbnail_widths) = 0 or strpos(coalesce(thumbnail_url, ''), '{w}') > 0);
comment on column public.courses.rating_distribution is
  'Counts of visible 1..5 star ratings; kept by the reviews trigger (and the seed), never written by a request.';
comment on column public.courses.thumbnail_widths is
  'Widths (px) of the resized thumbnails; thumbnail_url holds {w} where the width goes.';

grant insert (thumbnail_widths), update (thumbnail_widths) on public.courses to authenticated;

-- A distribution of `total` ratings whose mean rounds (2 decimals) to `average`: most ratings at
-- the two whole stars around the average, a plausible tail below. Immutable: same input, same result.
create function private.plausible_rating_distribution(average numeric, total integer) returns integer[]
language plpgsql immutable set search_path = ''
as $$
declare
  n bigint := greatest(coalesce(total, 0), 0);
  target numeric := least(greatest(coalesce(average, 0), 1), 5);
  d bigint[] := array[0, 0, 0, 0, 0];
  tail bigint;
  rest bigint;
  need bigint;
  lo integer;
  hi integer;
  i integer;
begin
  if n = 0 then
    return array[0, 0, 0, 0, 0];
  end if;
  -- A tail of low ratings (about 6% of them, fewer for high averages), then the rest split between
  -- floor(target') and ceil(target') so the whole sum hits round(target * n).
  tail := case when n >= 20 then floor(n * 0.06 * (5 - target) / 2)::bigint else 0 end;
  for i in 1..3 loop
    d[i] := tail / 3 + case when i <= tail % 3 then 1 else 0 end;
  end loop;
  rest := n - tail;
  need := round(target * n) - (d[1] * 1 + d[2] * 2 + d[3] * 3);
  -- Mean of the rest: need / rest, between 1 and 5.
  if rest <= 0 or need < rest or need > 5 * rest then
    -- The tail made the target unreachable: no tail.
    d := array[0, 0, 0, 0, 0];
    rest := n;
    need := round(target * n);
  end if;
  lo := least(greatest(floor(need::numeric / rest)::integer, 1), 5);
  hi := least(lo + 1, 5);
  if lo = hi then
    d[lo] := d[lo] + rest;
  else
    -- x at hi, rest - x at lo: lo * rest + x = need.
    d[hi] := d[hi] + (need - lo * rest);
    d[lo] := d[lo] + (rest - (need - lo * rest));
  end if;
  return array[d[1]::integer, d[2]::integer, d[3]::integer, d[4]::integer, d[5]::integer];
end
$$;
revoke execute on function private.plausible_rating_distribution(numeric, integer) from public;

update public.courses
  set rating_distribution = private.plausible_rating_distribution(rating_average, rating_count)
  where rating_count > 0 and rating_distribution = '{0,0,0,0,0}';

-- A course written with imported figures (the seed, an import) and no distribution gets a plausible
-- one. Requests cannot set rating_count (no column grant), so for them this never fires.
create function private.fill_rating_distribution() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.rating_distribution := private.plausible_rating_distribution(new.rating_average, new.rating_count);
  return new;
end
$$;
revoke execute on function private.fill_rating_distribution() from public;
create trigger courses_fill_rating_distribution before insert on public.courses
  for each row when (new.rating_count > 0 and new.rating_distribution = '{0,0,0,0,0}')
  execute function private.fill_rating_distribution();

-- Rating and widths changes are changes of the course: the catalog version bumps as before
-- (20261123000400's trigger compares whole rows).

-- ---------------------------------------------------------------------------
-- Reviews

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  -- The author as the public list shows them ("Ada L."), from their profile; set by trigger.
  author_name text not null default '' check (char_length(author_name) <= 120),
  comment text not null default '' check (char_length(comment) <= 5000),
  instructor_reply text check (instructor_reply is null or char_length(instructor_reply) between 1 and 5000),
  replied_at timestamptz,
  is_hidden boolean not null default false,
  hidden_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (course_id, user_id)
);
-- The course page's list (newest first) and the dashboard's "new reviews"; the author's own.
create index reviews_course_created_idx on public.reviews (course_id, created_at desc);
create index reviews_user_idx on public.reviews (user_id);
comment on table public.reviews is
  'One review per learner and course; rating figures on courses are kept from it by trigger.';

-- Courses the caller may review: an enrollment that is not cancelled.
create function private.my_reviewable_course_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select e.course_id from public.enrollments e
    where e.user_id = (select auth.uid()) and e.status <> 'cancelled';
end
$$;
revoke execute on function private.my_reviewable_course_ids() from public;
grant execute on function private.my_reviewable_course_ids() to authenticated;

-- Which columns a caller may change, by who they are to the review (grants already limit the
-- columns to rating, comment, instructor_reply and is_hidden): the author rating and comment, the
-- course's owner instructor_reply, an admin is_hidden. One person may be several of these.
-- Sets replied_at and hidden_at. Invoker on purpose: current_user is the caller's role in a
-- request and the owner inside definer code and the seed, which may set anything.
create function private.guard_review_columns() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if tg_op = 'UPDATE' and current_user in ('authenticated', 'anon') then
    if (new.rating, new.comment) is distinct from (old.rating, old.comment) and old.user_id is distinct from me then
      raise exception 'only its author edits a review' using errcode = '42501';
    end if;
    if new.instructor_reply is distinct from old.instructor_reply
       and not exists (select 1 from private.my_managed_course_ids() m(id) where m.id = old.course_id) then
      raise exception 'only the course''s instructor replies to a review' using errcode = '42501';
    end if;
    if new.is_hidden is distinct from old.is_hidden and not private.is_admin() then
      raise exception 'only an admin hides or shows a review' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'INSERT' then
    new.replied_at := case when new.instructor_reply is null then null else coalesce(new.replied_at, now()) end;
    new.hidden_at := case when new.is_hidden then coalesce(new.hidden_at, now()) end;
  else
    if new.instructor_reply is distinct from old.instructor_reply then
      new.replied_at := case when new.instructor_reply is null then null else now() end;
    elsif current_user in ('authenticated', 'anon') then
      new.replied_at := old.replied_at;
    end if;
    if new.is_hidden is distinct from old.is_hidden then
      new.hidden_at := case when new.is_hidden then now() end;
    elsif current_user in ('authenticated', 'anon') then
      new.hidden_at := old.hidden_at;
    end if;
    new.updated_at := now();
  end if;
  return new;
end
$$;
revoke execute on function private.guard_review_columns() from public;
create trigger reviews_guard_columns before insert or update on public.reviews
  for each row execute function private.guard_review_columns();

-- The author's display name on the review: profiles are private, the review list is public.
-- First name and the initial of the last name, taken when the review is written and when its author
-- edits it. Definer: it reads the author's profile; whatever a request sent is replaced.
create function private.set_review_author_name() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select coalesce(nullif(btrim(btrim(p.first_name) || ' '
                               || coalesce(nullif(left(btrim(p.last_name), 1), '') || '.', '')), ''), 'Learner')
    into new.author_name
  from public.profiles p where p.id = new.user_id;
  new.author_name := left(coalesce(new.author_name, 'Learner'), 120);
  return new;
end
$$;
revoke execute on function private.set_review_author_name() from public;
create trigger reviews_set_author_name before insert or update of rating, comment on public.reviews
  for each row execute function private.set_review_author_name();

-- The deltas of one statement, applied to its courses in one update. Definer: no request may write
-- the rating columns (no column grant) and the guard on courses lets the owner through.
-- `changes` holds (course_id, rating, n): +1 for a visible review that appeared, -1 for one that went.
create function private.apply_rating_changes(changes jsonb) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  with per_course as (
    select x.c as course_id,
           array[
             coalesce(sum(x.n) filter (where x.r = 1), 0), coalesce(sum(x.n) filter (where x.r = 2), 0),
             coalesce(sum(x.n) filter (where x.r = 3), 0), coalesce(sum(x.n) filter (where x.r = 4), 0),
             coalesce(sum(x.n) filter (where x.r = 5), 0)
           ]::bigint[] as d,
           sum(x.n) as dn,
           sum(x.n * x.r) as ds
    from jsonb_to_recordset(changes) as x(c uuid, r integer, n integer)
    group by x.c
  ),
  upcoming as (
    select c.id,
           array[greatest(c.rating_distribution[1] + p.d[1], 0), greatest(c.rating_distribution[2] + p.d[2], 0),
                 greatest(c.rating_distribution[3] + p.d[3], 0), greatest(c.rating_distribution[4] + p.d[4], 0),
                 greatest(c.rating_distribution[5] + p.d[5], 0)]::integer[] as dist,
           greatest(c.rating_count + p.dn, 0)::integer as cnt,
           c.rating_average as old_avg, c.rating_count as old_cnt, p.ds
    from per_course p
    join public.courses c on c.id = p.course_id
    where p.d <> array[0, 0, 0, 0, 0]::bigint[]
  )
  update public.courses c
    set rating_distribution = n.dist,
        rating_count = n.cnt,
        rating_average = case
          when n.cnt = 0 then 0
          when n.dist[1] + n.dist[2] + n.dist[3] + n.dist[4] + n.dist[5] = n.cnt then
            round((n.dist[1] + 2 * n.dist[2] + 3 * n.dist[3] + 4 * n.dist[4] + 5 * n.dist[5])::numeric / n.cnt, 2)
          else least(greatest(round((n.old_avg * n.old_cnt + n.ds) / n.cnt, 2), 1), 5)
        end
    from upcoming n
    where c.id = n.id;
end
$$;
revoke execute on function private.apply_rating_changes(jsonb) from public;

-- Each trigger below has only the transition tables of its event, so each branch reads only those.
create function private.review_rating_deltas() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  changes jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(jsonb_build_object('c', n.course_id, 'r', n.rating, 'n', 1)) into changes
    from new_reviews n where not n.is_hidden;
  elsif tg_op = 'DELETE' then
    select jsonb_agg(jsonb_build_object('c', o.course_id, 'r', o.rating, 'n', -1)) into changes
    from old_reviews o where not o.is_hidden;
  else
    select jsonb_agg(x.j) into changes
    from (
      select jsonb_build_object('c', n.course_id, 'r', n.rating, 'n', 1) as j from new_reviews n where not n.is_hidden
      union all
      select jsonb_build_object('c', o.course_id, 'r', o.rating, 'n', -1) from old_reviews o where not o.is_hidden
    ) x;
  end if;
  if changes is not null then
    perform private.apply_rating_changes(changes);
  end if;
  return null;
end
$$;
revoke execute on function private.review_rating_deltas() from public;

create trigger reviews_insert_rating after insert on public.reviews
  referencing new table as new_reviews
  for each statement execute function private.review_rating_deltas();
create trigger reviews_update_rating after update on public.reviews
  referencing old table as old_reviews new table as new_reviews
  for each statement execute function private.review_rating_deltas();
create trigger reviews_delete_rating after delete on public.reviews
  referencing old table as old_reviews
  for each statement execute function private.review_rating_deltas();

revoke all on public.reviews from anon, authenticated;
grant select on public.reviews to anon, authenticated;
grant insert (course_id, user_id, rating, comment) on public.reviews to authenticated;
grant update (rating, comment, instructor_reply, is_hidden) on public.reviews to authenticated;
grant delete on public.reviews to authenticated;

alter table public.reviews enable row level security;

create policy "visitors read visible reviews of published courses"
  on public.reviews for select to anon
  using (
    not is_hidden
    and exists (select 1 from public.courses c where c.id = reviews.course_id and c.status = 'published')
  );
create policy "users read visible reviews, their own, managers their courses', admins all"
  on public.reviews for select to authenticated
  using (
    (select private.is_admin())
    or (not is_hidden
        and exists (select 1 from public.courses c where c.id = reviews.course_id and c.status = 'published'))
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );
create policy "enrolled learners review a course once, as themselves"
  on public.reviews for insert to authenticated
  with check (user_id = (select auth.uid()) and course_id in (select private.my_reviewable_course_ids()));
create policy "authors, course owners and admins update reviews (columns by trigger)"
  on public.reviews for update to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  )
  with check (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
  );
create policy "authors and admins delete reviews"
  on public.reviews for delete to authenticated
  using ((select private.is_admin()) or user_id = (select auth.uid()));

-- ---------------------------------------------------------------------------
-- Course FAQ

create table public.course_faqs (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  question text not null check (char_length(question) between 1 and 500),
  answer text not null check (char_length(answer) between 1 and 5000),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index course_faqs_course_idx on public.course_faqs (course_id, position);
comment on table public.course_faqs is 'Questions and answers (markdown) on a course''s page and in its player.';

create trigger course_faqs_touch before update on public.course_faqs
  for each row execute function private.touch_updated_at();

revoke all on public.course_faqs from anon, authenticated;
grant select on public.course_faqs to anon, authenticated;
grant insert (course_id, question, answer, position), update (question, answer, position), delete
  on public.course_faqs to authenticated;

alter table public.course_faqs enable row level security;

create policy "visitors read the FAQ of published courses"
  on public.course_faqs for select to anon
  using (exists (select 1 from public.courses c where c.id = course_faqs.course_id and c.status = 'published'));
create policy "users read the FAQ of published courses, managers their own"
  on public.course_faqs for select to authenticated
  using (
    (select private.is_admin())
    or exists (select 1 from public.courses c where c.id = course_faqs.course_id and c.status = 'published')
    or course_id in (select private.my_managed_course_ids())
  );
create policy "course managers add FAQ entries"
  on public.course_faqs for insert to authenticated
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers edit FAQ entries"
  on public.course_faqs for update to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()))
  with check ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));
create policy "course managers delete FAQ entries"
  on public.course_faqs for delete to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- ---------------------------------------------------------------------------
-- Course approval: an admin's decision on a course in review

create table public.course_review_decisions (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  decided_by uuid references public.profiles (id) on delete set null,
  decision text not null check (decision in ('approved', 'rejected')),
  reason text not null default '' check (char_length(reason) <= 2000),
  created_at timestamptz not null default now()
);
create index course_review_decisions_course_idx on public.course_review_decisions (course_id, created_at desc);
create index course_review_decisions_decided_by_idx on public.course_review_decisions (decided_by);
comment on table public.course_review_decisions is
  'Admins'' approvals and rejections of courses in review; written only by public.decide_course_review.';

revoke all on public.course_review_decisions from anon, authenticated;
grant select on public.course_review_decisions to authenticated;

alter table public.course_review_decisions enable row level security;

create policy "course owners read their courses' decisions; admins all"
  on public.course_review_decisions for select to authenticated
  using ((select private.is_admin()) or course_id in (select private.my_managed_course_ids()));

-- Approves (published, published_at now) or rejects (back to draft, with a reason) a course in
-- review, records the decision and tells the instructor.
create function public.decide_course_review(course uuid, approve boolean, reason text)
returns public.courses
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.courses;
  why text := btrim(coalesce(reason, ''));
  teacher uuid;
begin
  if me is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  if not private.is_admin() then
    raise exception 'only an admin decides on a course in review' using errcode = 'P0001', hint = '403:not_admin';
  end if;
  if approve is null then
    raise exception 'say whether the course is approved' using errcode = 'P0001', hint = '422:invalid_decision';
  end if;
  select * into c from public.courses x where x.id = course for update;
  if not found then
    raise exception 'course not found' using errcode = 'P0002';
  end if;
  if c.status <> 'pending_review' then
    raise exception 'this course is not waiting for review' using errcode = 'P0001', hint = '409:not_pending_review';
  end if;
  if (not approve and why = '') or char_length(why) > 2000 then
    raise exception 'a rejection needs a reason (at most 2000 characters)' using errcode = 'P0001',
      hint = '422:invalid_reason';
  end if;

  if approve then
    update public.courses x set status = 'published', published_at = now() where x.id = c.id returning * into c;
  else
    update public.courses x set status = 'draft' where x.id = c.id returning * into c;
  end if;
  insert into public.course_review_decisions (course_id, decided_by, decision, reason)
    values (c.id, me, case when approve then 'approved' else 'rejected' end, why);

  select i.user_id into teacher from public.instructors i where i.id = c.instructor_id;
  if teacher is not null then
    insert into public.notifications (user_id, kind, title, body, link)
    values (
      teacher, 'system',
      left(case when approve then 'Published: ' else 'Changes requested: ' end || c.title, 200),
      left(case when approve then 'Your course was approved and is live in the catalog.'
                else 'Your course went back to draft. ' || why end, 2000),
      '/teach'
    );
  end if;
  return c;
end
$$;
revoke execute on function public.decide_course_review(uuid, boolean, text) from public, anon;
grant execute on function public.decide_course_review(uuid, boolean, text) to authenticated;

-- ---------------------------------------------------------------------------
-- Bundles open to instructors: they add their own published courses, and take their own out.

alter table public.bundles add column open_to_instructors boolean not null default false;
comment on column public.bundles.open_to_instructors is
  'Instructors may add their own published courses to this bundle and remove them.';

-- Bundles the caller (an instructor) may tag courses into: open, not archived. Empty for others.
create function private.my_taggable_bundle_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  if private.my_instructor_id() is null then
    return;
  end if;
  return query
    select b.id from public.bundles b where b.open_to_instructors and b.status <> 'archived';
end
$$;
revoke execute on function private.my_taggable_bundle_ids() from public;
grant execute on function private.my_taggable_bundle_ids() to authenticated;

drop policy "users read published bundles; admins read all" on public.bundles;
create policy "users read published bundles, instructors open ones, admins all"
  on public.bundles for select to authenticated
  using (
    status = 'published'
    or (select private.is_admin())
    or id in (select private.my_taggable_bundle_ids())
  );

drop policy "users read the courses of published bundles; admins read all" on public.bundle_courses;
create policy "users read published bundles' courses, instructors open ones', admins all"
  on public.bundle_courses for select to authenticated
  using (
    (select private.is_admin())
    or bundle_id in (select private.published_bundle_ids())
    or bundle_id in (select private.my_taggable_bundle_ids())
  );

drop policy "admins add courses to bundles" on public.bundle_courses;
create policy "instructors add their published courses to open bundles; admins any"
  on public.bundle_courses for insert to authenticated
  with check (
    (select private.is_admin())
    or (bundle_id in (select private.my_taggable_bundle_ids())
        and exists (
          select 1 from public.courses c
          where c.id = bundle_courses.course_id and c.status = 'published'
            and c.instructor_id = (select private.my_instructor_id())
        ))
  );

drop policy "admins remove courses from bundles" on public.bundle_courses;
create policy "instructors take their courses out of open bundles; admins any"
  on public.bundle_courses for delete to authenticated
  using (
    (select private.is_admin())
    or (bundle_id in (select private.my_taggable_bundle_ids())
        and course_id in (select private.my_managed_course_ids()))
  );

-- ---------------------------------------------------------------------------
-- Instructor earnings and overview

-- A bundle line's amount split over its courses in proportion to their list prices (equally when
-- all are free), largest remainder first, so the shares add up to the amount exactly.
create function private.allocate_bundle_amount(amount bigint, course_ids uuid[])
returns table (course_id uuid, share bigint)
language sql stable security definer set search_path = ''
as $$
  with w as (
    select c.id, c.price_amount::bigint as p, u.ord
    from unnest(course_ids) with ordinality as u(id, ord)
    join public.courses c on c.id = u.id
  ),
  t as (select sum(w.p) as s, count(*) as k from w),
  base as (
    select w.id, w.ord,
           case when t.s > 0 then amount * w.p / t.s else amount / t.k end as share,
           case when t.s > 0 then amount * w.p % t.s else amount % t.k end as remainder
    from w cross join t
  )
  select b.id,
         b.share + case
           when row_number() over (order by b.remainder desc, b.ord) <= amount - sum(b.share) over () then 1 else 0
         end
  from base b
$$;
revoke execute on function private.allocate_bundle_amount(bigint, uuid[]) from public;

-- Per course and currency: paid orders (paid, partly or fully refunded since), the revenue before
-- tax (list - discount of each line; a bundle line allocated over its courses), the refunded part
-- (each line's share of the order's succeeded refunds: line * refunded / total, half-up) and the net.
-- The caller's own courses; admins all. Courses without a sale have no row.
create function public.instructor_earnings()
returns table (
  course_id uuid, course_title text, currency text, orders integer,
  gross_minor bigint, refunded_minor bigint, net_minor bigint
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  everything boolean;
  mine uuid[];
begin
  if me is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  everything := private.is_admin();
  if not everything then
    select coalesce(array_agg(c.id), '{}') into mine
    from public.courses c where c.instructor_id = private.my_instructor_id();
    if cardinality(mine) = 0 then
      return;
    end if;
  end if;
  return query
    with lines as (
      select i.order_id, i.course_id, (i.list_amount - i.discount_amount)::bigint as amount
      from public.order_items i
      where i.kind = 'course' and (everything or i.course_id = any(mine))
      union all
      select i.order_id, a.course_id, a.share
      from public.order_items i
      cross join lateral private.allocate_bundle_amount((i.list_amount - i.discount_amount)::bigint, i.course_ids) a
      where i.kind = 'bundle' and (everything or i.course_ids && mine)
    ),
    paid as (
      select l.order_id, l.course_id, l.amount, o.currency::text as currency, o.total::bigint as total,
             coalesce((select sum(r.amount) from public.refunds r
                       where r.order_id = o.id and r.status = 'succeeded'), 0)::bigint as refunded
      from lines l
      join public.orders o on o.id = l.order_id
      where o.paid_at is not null and o.status in ('paid', 'partially_refunded', 'refunded')
        and (everything or l.course_id = any(mine))
    )
    select p.course_id, c.title, p.currency, count(distinct p.order_id)::integer,
           sum(p.amount)::bigint,
           sum(case when p.total > 0 then (p.amount * p.refunded * 2 + p.total) / (2 * p.total) else 0 end)::bigint,
           (sum(p.amount)
            - sum(case when p.total > 0 then (p.amount * p.refunded * 2 + p.total) / (2 * p.total) else 0 end))::bigint
    from paid p
    join public.courses c on c.id = p.course_id
    group by p.course_id, c.title, p.currency
    order by sum(p.amount) desc, c.title;
end
$$;
revoke execute on function public.instructor_earnings() from public, anon;
grant execute on function public.instructor_earnings() to authenticated;

-- The instructor dashboard's overview of the caller's courses (admins: all courses):
-- {students, courses, averageRating, ratingCount, reviewsLast30Days,
--  earnings: [{currency, grossMinor, refundedMinor, netMinor}]}.
-- students: distinct learners with an enrollment that is not cancelled; averageRating: the mean of
-- every rating of those courses (0 without ratings), 2 decimals.
create function public.instructor_overview() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  everything boolean;
  mine uuid[];
  result jsonb;
begin
  if me is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  everything := private.is_admin();
  if everything then
    select coalesce(array_agg(c.id), '{}') into mine from public.courses c;
  else
    select coalesce(array_agg(c.id), '{}') into mine
    from public.courses c where c.instructor_id = private.my_instructor_id();
  end if;
  select jsonb_build_object(
    'students', (select count(distinct e.user_id) from public.enrollments e
                 where e.course_id = any(mine) and e.status <> 'cancelled'),
    'courses', cardinality(mine),
    'averageRating', (select coalesce(round(sum(c.rating_average * c.rating_count) / nullif(sum(c.rating_count), 0), 2), 0)
                      from public.courses c where c.id = any(mine)),
    'ratingCount', (select coalesce(sum(c.rating_count), 0) from public.courses c where c.id = any(mine)),
    'reviewsLast30Days', (select count(*) from public.reviews r
                          where r.course_id = any(mine) and r.created_at > now() - interval '30 days'),
    'earnings', (select coalesce(jsonb_agg(jsonb_build_object(
                   'currency', x.currency, 'grossMinor', x.gross, 'refundedMinor', x.refunded, 'netMinor', x.net)
                   order by x.currency), '[]'::jsonb)
                 from (select e.currency, sum(e.gross_minor) as gross, sum(e.refunded_minor) as refunded,
                              sum(e.net_minor) as net
                       from public.instructor_earnings() e group by e.currency) x)
  ) into result;
  return result;
end
$$;
revoke execute on function public.instructor_overview() from public, anon;
grant execute on function public.instructor_overview() to authenticated;
