-- A suspended account's access token is refused by every caller transaction
-- (private.assert_active_caller, 20261128000100), but code labs grade as the service role:
-- private.lab_grading_context and private.record_lab_submission decide through lab_access, which
-- did not look at suspension, so a suspended learner's still-valid token could go on running and
-- storing lab submissions. lab_access now refuses them first (401 account_suspended), whatever
-- their role. The rest of the function is unchanged from 20261125000100_code_labs.sql.

create or replace function private.lab_access(p_lab uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
declare
  b public.labs;
  c public.courses;
  l public.lessons;
  e public.enrollments;
begin
  if exists (select 1 from public.profiles p where p.id = p_user and p.suspended_at is not null) then
    raise exception 'this account is suspended' using errcode = 'P0001', hint = '401:account_suspended';
  end if;
  select * into b from public.labs x where x.id = p_lab;
  if not found or p_user is null then
    raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
  end if;
  select * into c from public.courses x where x.id = b.course_id;
  if exists (select 1 from public.profiles p where p.id = p_user and p.role = 'admin'::public.app_role)
     or exists (select 1 from public.instructors i where i.id = c.instructor_id and i.user_id = p_user) then
    return true;
  end if;
  if c.status <> 'published' or b.status <> 'published' then
    raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
  end if;
  if b.lesson_id is not null then
    select * into l from public.lessons x where x.id = b.lesson_id;
    if l.status <> 'published' then
      raise exception 'lab not found' using errcode = 'P0001', hint = '404:lab_not_found';
    end if;
  end if;
  select * into e from public.enrollments x
    where x.user_id = p_user and x.course_id = b.course_id and x.status <> 'cancelled';
  if not found then
    raise exception 'enroll in the course to work on its labs' using errcode = 'P0001', hint = '403:not_enrolled';
  end if;
  if b.lesson_id is not null and not (
    (l.drip_available_at is null or l.drip_available_at <= now())
    and (l.drip_days_after_enrollment is null
         or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
  ) then
    raise exception 'this lab is not open to you yet' using errcode = 'P0001', hint = '423:lab_locked';
  end if;
  return false;
end
$$;
