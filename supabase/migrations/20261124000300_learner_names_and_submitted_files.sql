-- Two gaps the learning module left:
--
-- 1. Graders and instructors saw "Learner 1a2b3c4d": profiles are readable only by their owner,
--    company admins and admins. public.learner_names(ids) answers display names (never emails)
--    for the ids among the learners of the courses the caller manages (admins: anyone).
-- 2. A submitted file could be replaced or deleted after submission (after the deadline, or after
--    grading): the storage policies let a learner update and delete anything in their own
--    submissions folder. A file named by one of the caller's submissions is now frozen: the
--    update and delete policies leave it out (the learner still manages files not yet submitted).

-- The learners of the courses the caller manages: enrolled (whatever the status) or submitted.
create function private.my_learner_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select e.user_id from public.enrollments e
  where e.course_id in (select private.my_managed_course_ids())
$$;
revoke execute on function private.my_learner_ids() from public;

create function public.learner_names(learners uuid[]) returns table (user_id uuid, name text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  if coalesce(cardinality(learners), 0) > 500 then
    raise exception 'at most 500 learners at a time' using errcode = 'P0001', hint = '422:too_many';
  end if;
  return query
    select p.id,
           coalesce(nullif(trim(concat_ws(' ', p.first_name, p.last_name)), ''), split_part(p.email, '@', 1))
    from public.profiles p
    where p.id = any (learners)
      and ((select private.is_admin()) or p.id in (select private.my_learner_ids()));
end
$$;
revoke execute on function public.learner_names(uuid[]) from public, anon;
grant execute on function public.learner_names(uuid[]) to authenticated;

-- The storage paths the caller's submissions name (bucket 'submissions').
create function private.my_submitted_file_paths() returns setof text
language sql stable security definer set search_path = ''
as $$
  select f ->> 'path'
  from public.assignment_submissions s, jsonb_array_elements(s.files) f
  where s.user_id = (select auth.uid())
$$;
revoke execute on function private.my_submitted_file_paths() from public;
grant execute on function private.my_submitted_file_paths() to authenticated;

drop policy "users replace their avatar, their course media and their submissions" on storage.objects;
create policy "users replace their avatar, their course media and their unsubmitted files"
  on storage.objects for update to authenticated
  using (
    (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'submissions'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and (storage.foldername(name))[2] in (select private.storage_enrolled_course_folders())
      and name not in (select private.my_submitted_file_paths()))
  );

drop policy "users delete their avatar, their course media and their submissions" on storage.objects;
create policy "users delete their avatar, their course media and their unsubmitted files"
  on storage.objects for delete to authenticated
  using (
    (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'submissions'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and (storage.foldername(name))[2] in (select private.storage_enrolled_course_folders())
      and name not in (select private.my_submitted_file_paths()))
  );
