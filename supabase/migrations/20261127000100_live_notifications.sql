-- Live notifications (issue 12): each event the bell announces has a kind of its own.
--   grade_posted        an assignment is graded (was 'system'); links to the assignment's page
--   certificate_issued  a completion that issues a certificate (one message, as before; it was 'course_completed')
--   session_changed     a scheduled live session is moved or cancelled (new); the starting reminder follows a move

alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check check (kind in (
  'enrollment', 'course_completed', 'announcement', 'system',
  'question_answered', 'grade_posted', 'certificate_issued', 'session_starting', 'session_changed'
));

-- ---------------------------------------------------------------------------
-- Grades: the same function, with the notification's kind and a link to the assignment.

create or replace function public.grade_submission(submission uuid, points numeric, rubric_marks jsonb, feedback text)
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
  select s.user_id, 'grade_posted', left('Graded: ' || asg.title, 200),
         'You got ' || trim_scale(result.final_points)::text || ' of ' || asg.max_points || ' points.',
         '/learn/' || c.slug || '/assignments/' || asg.id::text
  from public.courses c where c.id = s.course_id;

  perform private.recompute_enrollment(s.user_id, s.course_id);
  return result;
end
$$;

-- ---------------------------------------------------------------------------
-- Completion: the certificate it issues is the news. enrollments_issue_certificate runs before
-- enrollments_notify_completed (triggers of one event fire in name order), so a certificate
-- issued by this very completion is there, dated now() (the transaction's time).

create or replace function private.notify_course_completed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (user_id, kind, title, body, link)
  select new.user_id,
         case when cert.id is null then 'course_completed' else 'certificate_issued' end,
         left(case when cert.id is null then 'You completed ' else 'Certificate issued: ' end || c.title, 200),
         case when cert.id is null
           then 'Every required lesson, quiz and assignment is done. Well learned!'
           else 'You completed ' || c.title || ': every required lesson, quiz and assignment is done. '
                || 'Your certificate is under Certificates, and anyone can verify it with its code. Well learned!'
         end,
         case when cert.id is null then '/learn/' || c.slug else '/certificates' end
  from public.courses c
  left join public.certificates cert
    on cert.user_id = new.user_id and cert.course_id = new.course_id and cert.issued_at = now()
  where c.id = new.course_id;
  return null;
end
$$;

-- ---------------------------------------------------------------------------
-- Sessions moved or cancelled. Who hears of it: the session's participants (learners with an
-- enrollment that is not cancelled, and the course's instructor) except whoever made the change.

create function private.session_participant_ids(course uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select e.user_id from public.enrollments e where e.course_id = course and e.status <> 'cancelled'
  union
  select i.user_id from public.courses c join public.instructors i on i.id = c.instructor_id where c.id = course
$$;

-- A moved session is reminded of again before its new start.
create function private.reset_session_reminder() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.starting_notified_at := null;
  return new;
end
$$;
create trigger live_sessions_reset_reminder before update of starts_at on public.live_sessions
  for each row when (new.starts_at is distinct from old.starts_at)
  execute function private.reset_session_reminder();

create function private.notify_session_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  s public.live_sessions;
  moved boolean := tg_op = 'UPDATE';
begin
  if moved then s := new; else s := old; end if;
  insert into public.notifications (user_id, kind, title, body, link)
  select p.id, 'session_changed',
         left(case when moved then 'Moved: ' else 'Cancelled: ' end || s.title, 200),
         left(c.title || case when moved
           then ' — the live session now starts at ' || to_char(s.starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
                || ' UTC and lasts ' || s.duration_minutes || ' minutes.'
           else ' — the live session planned for ' || to_char(s.starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
                || ' UTC is cancelled.'
         end, 2000),
         case when moved then '/learn/' || c.slug || '/sessions/' || s.id::text else '/learn/' || c.slug end
  from public.courses c
  cross join lateral private.session_participant_ids(c.id) p(id)
  where c.id = s.course_id
    and p.id is distinct from (select auth.uid());
  return null;
end
$$;
-- Only sessions still ahead: moving or deleting a past one tells nobody.
create trigger live_sessions_notify_moved after update of starts_at, duration_minutes on public.live_sessions
  for each row when (
    (new.starts_at, new.duration_minutes) is distinct from (old.starts_at, old.duration_minutes)
    and new.status = 'scheduled' and new.ends_at > now()
  )
  execute function private.notify_session_changed();
create trigger live_sessions_notify_cancelled after delete on public.live_sessions
  for each row when (old.status = 'scheduled' and old.ends_at > now())
  execute function private.notify_session_changed();

revoke execute on function private.session_participant_ids(uuid) from public, anon, authenticated;
revoke execute on function private.reset_session_reminder() from public, anon, authenticated;
revoke execute on function private.notify_session_changed() from public, anon, authenticated;
