-- One spelling, "enrollment", in what users read too: the free-enrollment function's error
-- messages said "enrol". Same function, same signature and grants (create or replace keeps them).

create or replace function public.enroll_in_free_course(course uuid) returns public.enrollments
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.courses;
  result public.enrollments;
begin
  if me is null then
    raise exception 'sign in to enroll' using errcode = '28000';
  end if;
  select * into c from public.courses where id = course;
  if not found or c.status <> 'published' then
    raise exception 'course not found' using errcode = 'P0002';
  end if;
  if c.price_amount > 0 then
    raise exception 'this course is paid: enroll through checkout' using errcode = 'P0001', hint = 'payment_required';
  end if;
  insert into public.enrollments (user_id, course_id, source)
    values (me, course, 'free')
    on conflict (user_id, course_id) do update
      set status = case when public.enrollments.status = 'cancelled' then 'active'::public.enrollment_status
                        else public.enrollments.status end
    returning * into result;
  perform private.recompute_enrollment(me, course);
  select * into result from public.enrollments where id = result.id;
  return result;
end
$$;

comment on function public.enroll_in_free_course(uuid) is
  'Enrolls the caller in a published free course; idempotent. Paid courses are enrolled only by checkout fulfilment.';
