-- Course moderation (issue 13): the admin's courses screen (feature on the homepage, unpublish,
-- archive and restore), categories and tags, and reported content. docs/admin.md.
--
-- content_reports: a learner reports a review or a live-session question with a reason. One open
-- report per reporter and target, at most 10 reports an hour per reporter; reporters read their
-- own, admins read all. Nobody updates or deletes a report in a request: admins resolve them
-- through public.admin_resolve_reports (hide the content and mark them actioned, or dismiss).
--
-- Every admin change below writes the audit log in its own transaction (private.audit).

-- ---------------------------------------------------------------------------
-- Reported content

create table public.content_reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  target_type text not null check (target_type in ('review', 'session_question')),
  target_id uuid not null,
  reason text not null check (reason in ('spam', 'abuse', 'off_topic', 'other')),
  note text not null default '' check (char_length(note) <= 1000),
  status text not null default 'open' check (status in ('open', 'actioned', 'dismissed')),
  resolved_by uuid references public.profiles (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'open') = (resolved_at is null)),
  -- "Other" says what is wrong.
  check (reason <> 'other' or char_length(btrim(note)) > 0)
);
create unique index content_reports_one_open_idx
  on public.content_reports (reporter_id, target_type, target_id) where status = 'open';
create index content_reports_reporter_created_idx on public.content_reports (reporter_id, created_at desc);
create index content_reports_target_idx on public.content_reports (target_type, target_id, status);
create index content_reports_status_created_idx on public.content_reports (status, created_at desc);
create index content_reports_resolved_by_idx on public.content_reports (resolved_by);
comment on table public.content_reports is
  'Learners'' reports of reviews and live-session questions; admins resolve them (public.admin_resolve_reports).';

-- A request's report: the caller's own, open, now; not a duplicate of their open report on the
-- same target; at most 10 an hour. Invoker on purpose (decision 4): the owner (the seed) may
-- write any row.
create function private.guard_content_report() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  new.reporter_id := me;
  new.status := 'open';
  new.resolved_by := null;
  new.resolved_at := null;
  new.created_at := now();
  new.note := btrim(new.note);
  if exists (
    select 1 from public.content_reports r
    where r.reporter_id = me and r.target_type = new.target_type and r.target_id = new.target_id
      and r.status = 'open'
  ) then
    raise exception 'you already reported this; an admin will look at it' using errcode = 'P0001',
      hint = '409:already_reported';
  end if;
  if (select count(*) from public.content_reports r
      where r.reporter_id = me and r.created_at > now() - interval '1 hour') >= 10 then
    raise exception 'too many reports in an hour; try again later' using errcode = 'P0001', hint = '429:rate_limited';
  end if;
  return new;
end
$$;
revoke execute on function private.guard_content_report() from public, anon, authenticated;
create trigger content_reports_guard before insert on public.content_reports
  for each row execute function private.guard_content_report();

revoke all on public.content_reports from anon, authenticated;
grant select on public.content_reports to authenticated;
grant insert (target_type, target_id, reason, note) on public.content_reports to authenticated;

alter table public.content_reports enable row level security;

create policy "reporters read their own reports; admins read all"
  on public.content_reports for select to authenticated
  using (reporter_id = (select auth.uid()) or (select private.is_admin()));
-- Only what the reporter can see (RLS of reviews and session_questions applies in the subquery),
-- visible, and not their own.
create policy "users report visible reviews and questions of others"
  on public.content_reports for insert to authenticated
  with check (
    reporter_id = (select auth.uid())
    and (
      (target_type = 'review' and exists (
        select 1 from public.reviews r
        where r.id = content_reports.target_id and not r.is_hidden and r.user_id <> (select auth.uid())))
      or (target_type = 'session_question' and exists (
        select 1 from public.session_questions q
        where q.id = content_reports.target_id and q.status = 'visible'
          and q.author_id is distinct from (select auth.uid())))
    )
  );

-- Resolves every open report of one target: 'hide' hides the content (the review, audited by its
-- own trigger, or the question) and marks the reports actioned; 'dismiss' marks them dismissed.
-- Returns how many reports it resolved; 409 when the target has none open.
create function public.admin_resolve_reports(target_type text, target uuid, action text) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := private.require_platform_admin();
  kind text := target_type;
  n integer;
begin
  if kind is null or kind not in ('review', 'session_question') then
    raise exception 'a report is about a review or a session question' using errcode = 'P0001',
      hint = '400:invalid_target';
  end if;
  if action is null or action not in ('hide', 'dismiss') then
    raise exception 'hide the content or dismiss the reports' using errcode = 'P0001', hint = '400:invalid_action';
  end if;
  perform 1 from public.content_reports r
   where r.target_type = kind and r.target_id = target and r.status = 'open' for update;
  if not found then
    raise exception 'no open report about this' using errcode = 'P0001', hint = '409:no_open_reports';
  end if;
  if action = 'hide' then
    if kind = 'review' then
      update public.reviews v set is_hidden = true where v.id = target and not v.is_hidden;
    else
      update public.session_questions q set status = 'hidden' where q.id = target and q.status <> 'hidden';
    end if;
  end if;
  update public.content_reports r
     set status = case when action = 'hide' then 'actioned' else 'dismissed' end,
         resolved_by = me, resolved_at = now()
   where r.target_type = kind and r.target_id = target and r.status = 'open';
  get diagnostics n = row_count;
  perform private.audit(case when action = 'hide' then 'report.action' else 'report.dismiss' end,
    kind, target, jsonb_build_object('reports', n, 'hidden', action = 'hide'));
  return n;
end
$$;
revoke execute on function public.admin_resolve_reports(text, uuid, text) from public, anon;
grant execute on function public.admin_resolve_reports(text, uuid, text) to authenticated;

-- ---------------------------------------------------------------------------
-- Courses: featured on the homepage, unpublished, archived, restored

-- Features (appends, in the given order) or unfeatures courses on the homepage, within the
-- record's limit of 12. Only published courses are featured. Returns the featured ids in order.
create function public.admin_feature_courses(courses uuid[], feature boolean) returns uuid[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_ids uuid[];
  next_ids uuid[];
  bad uuid;
  c uuid;
begin
  perform private.require_platform_admin();
  if courses is null or cardinality(courses) not between 1 and 100 or feature is null then
    raise exception 'name 1 to 100 courses' using errcode = 'P0001', hint = '400:invalid_courses';
  end if;
  select h.featured_course_ids into current_ids from public.site_home h where h.id for update;
  if not found then
    raise exception 'homepage record not found' using errcode = 'P0002';
  end if;
  if feature then
    select x.id into bad from unnest(courses) x(id)
     where not exists (select 1 from public.courses k where k.id = x.id and k.status = 'published') limit 1;
    if bad is not null then
      raise exception 'only published courses are featured' using errcode = 'P0001', hint = '422:course_not_published';
    end if;
    next_ids := current_ids;
    foreach c in array courses loop
      if not c = any(next_ids) then
        next_ids := next_ids || c;
        perform private.audit('course.feature', 'course', c, '{}'::jsonb);
      end if;
    end loop;
    if cardinality(next_ids) > 12 then
      raise exception 'the homepage features at most 12 courses: unfeature one first' using errcode = 'P0001',
        hint = '422:featured_limit';
    end if;
  else
    next_ids := array(select x from unnest(current_ids) with ordinality u(x, n) where not x = any(courses) order by n);
    foreach c in array courses loop
      if c = any(current_ids) then
        perform private.audit('course.unfeature', 'course', c, '{}'::jsonb);
      end if;
    end loop;
  end if;
  if next_ids is distinct from current_ids then
    update public.site_home h set featured_course_ids = next_ids where h.id;
  end if;
  return next_ids;
end
$$;
revoke execute on function public.admin_feature_courses(uuid[], boolean) from public, anon;
grant execute on function public.admin_feature_courses(uuid[], boolean) to authenticated;

-- Status changes an admin makes from the courses screen, all or nothing:
--   unpublish  published → draft, with a reason (the instructor is told why);
--   archive    any but archived → archived (the reason, if any, is passed on);
--   restore    archived → published when it was published before, else draft.
-- Unpublished and archived courses leave the homepage. Each course is audited; its instructor is
-- notified with a link to the course in Teaching. Returns the courses as they are now.
create function public.admin_set_course_status(courses uuid[], action text, reason text)
returns table (id uuid, slug text, title text, status public.course_status)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  why text := btrim(coalesce(reason, ''));
  k public.courses;
  teacher uuid;
  next_status public.course_status;
begin
  perform private.require_platform_admin();
  if courses is null or cardinality(courses) not between 1 and 100 then
    raise exception 'name 1 to 100 courses' using errcode = 'P0001', hint = '400:invalid_courses';
  end if;
  if action is null or action not in ('unpublish', 'archive', 'restore') then
    raise exception 'unpublish, archive or restore' using errcode = 'P0001', hint = '400:invalid_action';
  end if;
  if (action = 'unpublish' and why = '') or char_length(why) > 2000 then
    raise exception 'say why (at most 2000 characters): the instructor is told' using errcode = 'P0001',
      hint = '422:invalid_reason';
  end if;
  for k in select * from public.courses x where x.id = any(courses) order by x.title, x.id for update loop
    if (action = 'unpublish' and k.status <> 'published')
       or (action = 'archive' and k.status = 'archived')
       or (action = 'restore' and k.status <> 'archived') then
      raise exception '"%" is %: it cannot be %d', k.title, replace(k.status::text, '_', ' '),
        case action when 'unpublish' then 'unpublishe' when 'archive' then 'archive' else 'restore' end
        using errcode = 'P0001', hint = '409:invalid_transition';
    end if;
    next_status := case action
      when 'unpublish' then 'draft'
      when 'archive' then 'archived'
      else case when k.published_at is not null then 'published' else 'draft' end
    end::public.course_status;
    update public.courses x set status = next_status where x.id = k.id returning * into k;
    perform private.audit('course.' || action, 'course', k.id,
      jsonb_build_object('reason', why, 'status', next_status));
    select i.user_id into teacher from public.instructors i where i.id = k.instructor_id;
    if teacher is not null then
      insert into public.notifications (user_id, kind, title, body, link)
      values (teacher, 'system',
        left(case action when 'unpublish' then 'Unpublished: ' when 'archive' then 'Archived: ' else 'Restored: ' end
             || k.title, 200),
        left(case action
               when 'unpublish' then 'An admin took your course out of the catalog; it is a draft again. ' || why
               when 'archive' then btrim('An admin archived your course. ' || why)
               else 'An admin restored your course (' || replace(next_status::text, '_', ' ') || ').'
             end, 2000),
        '/teach/courses/' || k.id::text || '/edit');
    end if;
    id := k.id; slug := k.slug; title := k.title; status := k.status;
    return next;
  end loop;
  if not found then
    raise exception 'course not found' using errcode = 'P0002';
  end if;
  if action in ('unpublish', 'archive') then
    update public.site_home h
       set featured_course_ids = array(select x from unnest(h.featured_course_ids) with ordinality u(x, n)
                                       where not x = any(courses) order by n)
     where h.id and h.featured_course_ids && courses;
  end if;
end
$$;
revoke execute on function public.admin_set_course_status(uuid[], text, text) from public, anon;
grant execute on function public.admin_set_course_status(uuid[], text, text) to authenticated;

-- The approval decision's notification now leads to the course in Teaching (was: /teach).
create or replace function public.decide_course_review(course uuid, approve boolean, reason text)
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
      '/teach/courses/' || c.id::text || '/edit'
    );
  end if;
  return c;
end
$$;
revoke execute on function public.decide_course_review(uuid, boolean, text) from public, anon;
grant execute on function public.decide_course_review(uuid, boolean, text) to authenticated;

-- ---------------------------------------------------------------------------
-- Categories: admins write them under RLS (20261122000200); each change is audited, and a category
-- that courses use is not deleted (move them first: public.admin_delete_category).

create function private.audit_category() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r public.categories;
begin
  if tg_op = 'DELETE' then
    r := old;
  else
    r := new;
  end if;
  if (select auth.uid()) is not null then
    perform private.audit('category.' || case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
      'category', r.id,
      jsonb_build_object('slug', r.slug, 'name', r.name, 'position', r.position, 'active', r.is_active));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_category() from public, anon, authenticated;
create trigger categories_audit after insert or update or delete on public.categories
  for each row execute function private.audit_category();

-- Invoker on purpose: it reads courses as whoever deletes (an admin reads them all; the owner too).
create function private.guard_category_delete() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if exists (select 1 from public.courses c where c.category_id = old.id) then
    raise exception 'courses use this category: move them to another first' using errcode = 'P0001',
      hint = '409:category_in_use';
  end if;
  return old;
end
$$;
revoke execute on function private.guard_category_delete() from public, anon;
create trigger categories_guard_delete before delete on public.categories
  for each row execute function private.guard_category_delete();

-- Deletes a category; with move_to, its courses (and bundles) move there first. Returns the
-- number of courses moved.
create function public.admin_delete_category(category uuid, move_to uuid) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moved integer := 0;
begin
  perform private.require_platform_admin();
  perform 1 from public.categories c where c.id = category for update;
  if not found then
    raise exception 'category not found' using errcode = 'P0002';
  end if;
  if move_to is not null then
    if move_to = category or not exists (select 1 from public.categories c where c.id = move_to) then
      raise exception 'move the courses to another existing category' using errcode = 'P0001',
        hint = '422:invalid_target_category';
    end if;
    update public.courses c set category_id = move_to where c.category_id = category;
    get diagnostics moved = row_count;
    update public.bundles b set category_id = move_to where b.category_id = category;
    perform private.audit('category.move_courses', 'category', category,
      jsonb_build_object('to', move_to, 'courses', moved));
  end if;
  delete from public.categories c where c.id = category;
  return moved;
end
$$;
revoke execute on function public.admin_delete_category(uuid, uuid) from public, anon;
grant execute on function public.admin_delete_category(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Tags: renamed or merged across every course (a merge when some course already has the new tag).
-- Duplicates a merge makes are dropped, keeping each course's order. Returns the courses changed.

create function public.admin_rename_tag(old_tag text, new_tag text) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  wanted text := lower(btrim(coalesce(new_tag, '')));
  merge boolean;
  n integer;
begin
  perform private.require_platform_admin();
  if char_length(wanted) not between 1 and 40 or wanted !~ '^[[:alnum:]][[:alnum:] +#.-]*$' then
    raise exception 'a tag is 1 to 40 letters, digits, spaces and + # . -' using errcode = 'P0001',
      hint = '422:invalid_tag';
  end if;
  if old_tag is null or old_tag = wanted then
    raise exception 'the new name is the same' using errcode = 'P0001', hint = '422:same_tag';
  end if;
  merge := exists (select 1 from public.courses c where wanted = any(c.tags));
  update public.courses c
     set tags = array(select t from unnest(array_replace(c.tags, old_tag, wanted)) with ordinality u(t, i)
                      group by t order by min(i))
   where old_tag = any(c.tags);
  get diagnostics n = row_count;
  if n = 0 then
    raise exception 'no course has this tag' using errcode = 'P0001', hint = '404:tag_not_found';
  end if;
  perform private.audit(case when merge then 'tag.merge' else 'tag.rename' end, 'tag', null,
    jsonb_build_object('from', old_tag, 'to', wanted, 'courses', n));
  return n;
end
$$;
revoke execute on function public.admin_rename_tag(text, text) from public, anon;
grant execute on function public.admin_rename_tag(text, text) to authenticated;
