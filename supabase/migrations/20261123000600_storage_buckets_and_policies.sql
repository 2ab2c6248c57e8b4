-- The platform's storage buckets and who may do what in them: RLS on storage.objects, the same
-- in both modes (on Supabase the storage schema exists already; off it, supabase/compat/40_storage.sql
-- creates it). Only bucket rows (upserted) and policies here, so it runs on Supabase unchanged.
--
-- Object names, by bucket (docs/storage.md):
--   avatars        <uid>/<file>                            public read; the user writes their own
--   course-media   <course_id>/public/<file>               anyone, once the course is published
--                  <course_id>/lessons/<lesson_id>/<file>  anyone for a published preview lesson,
--                                                          learners for a lesson open to them
--                  <course_id>/<anything else>             the course's learners
--                  written by the course's instructor (and admins)
--   submissions    <uid>/<course_id>/<file>                the learner (while enrolled) writes; the
--                                                          learner and the course's instructor read
--   certificates   <uid>/<file>                            the owner reads; written only by
--                                                          definer code as the table owner; others
--                                                          read through signed links

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('avatars', 'avatars', true, 2 * 1024 * 1024,
   array['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  ('course-media', 'course-media', false, 2 * 1024 * 1024 * 1024::bigint,
   array['video/*', 'image/*', 'application/pdf']),
  ('submissions', 'submissions', false, 50 * 1024 * 1024,
   array['application/pdf', 'application/zip', 'image/*', 'text/*', 'application/octet-stream']),
  ('certificates', 'certificates', false, 10 * 1024 * 1024, array['application/pdf'])
on conflict (id) do update set
  name = excluded.name,
  public = excluded.public,
  file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- ---------------------------------------------------------------------------
-- Set-based helpers, as text to compare with the folders of an object's name: each runs once
-- per statement (`folder in (select private.f())`, a hashed subplan), never with a column of the row.

-- Courses the caller teaches (through their instructor card).
create function private.storage_taught_course_folders() returns setof text
language sql stable security definer set search_path = ''
as $$
  select c.id::text
  from public.instructors i
  join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
$$;

-- Courses the caller is enrolled in (an enrollment that is not cancelled).
create function private.storage_enrolled_course_folders() returns setof text
language sql stable security definer set search_path = ''
as $$
  select e.course_id::text
  from public.enrollments e
  where e.user_id = (select auth.uid()) and e.status <> 'cancelled'
$$;

-- Published courses: their <course_id>/public/ media is for everyone.
create function private.storage_published_course_folders() returns setof text
language sql stable security definer set search_path = ''
as $$
  select c.id::text from public.courses c where c.status = 'published'
$$;

-- '<course_id>/<lesson_id>' of the published preview lessons of published courses.
create function private.storage_preview_lesson_folders() returns setof text
language sql stable security definer set search_path = ''
as $$
  select c.id::text || '/' || l.id::text
  from public.lessons l
  join public.courses c on c.id = l.course_id and c.status = 'published'
  where l.is_preview and l.status = 'published'
$$;

-- '<course_id>/<lesson_id>' of the lessons open to the caller (enrollment, drip dates).
create function private.storage_open_lesson_folders() returns setof text
language sql stable security definer set search_path = ''
as $$
  select l.course_id::text || '/' || l.id::text
  from public.enrollments e
  join public.courses c on c.id = e.course_id and c.status = 'published'
  join public.lessons l on l.course_id = e.course_id
  where e.user_id = (select auth.uid())
    and e.status <> 'cancelled'
    and l.status = 'published'
    and (l.drip_available_at is null or l.drip_available_at <= now())
    and (l.drip_days_after_enrollment is null
         or e.enrolled_at + make_interval(days => l.drip_days_after_enrollment) <= now())
$$;

revoke execute on function private.storage_taught_course_folders() from public;
revoke execute on function private.storage_enrolled_course_folders() from public;
revoke execute on function private.storage_published_course_folders() from public;
revoke execute on function private.storage_preview_lesson_folders() from public;
revoke execute on function private.storage_open_lesson_folders() from public;
grant execute on function private.storage_taught_course_folders() to authenticated;
grant execute on function private.storage_enrolled_course_folders() to authenticated;
grant execute on function private.storage_published_course_folders() to anon, authenticated;
grant execute on function private.storage_preview_lesson_folders() to anon, authenticated;
grant execute on function private.storage_open_lesson_folders() to authenticated;

-- ---------------------------------------------------------------------------
-- storage.buckets: anyone may see the public buckets; buckets are created by migrations only.

create policy "anyone sees the public buckets"
  on storage.buckets for select to anon, authenticated
  using (public);

-- ---------------------------------------------------------------------------
-- storage.objects: one permissive policy per role and verb, one clause per bucket.

create policy "anyone reads avatars and the public course media"
  on storage.objects for select to anon
  using (
    bucket_id = 'avatars'
    or (bucket_id = 'course-media' and (
      ((storage.foldername(name))[2] = 'public'
        and (storage.foldername(name))[1] in (select private.storage_published_course_folders()))
      or ((storage.foldername(name))[2] = 'lessons'
        and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[3]
          in (select private.storage_preview_lesson_folders()))
    ))
  );

create policy "users read avatars, the media of their courses, their submissions and certificates"
  on storage.objects for select to authenticated
  using (
    bucket_id = 'avatars'
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
      or ((storage.foldername(name))[2] = 'public'
        and (storage.foldername(name))[1] in (select private.storage_published_course_folders()))
      or ((storage.foldername(name))[2] = 'lessons'
        and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[3]
          in (select private.storage_preview_lesson_folders()))
      or ((storage.foldername(name))[2] = 'lessons'
        and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[3]
          in (select private.storage_open_lesson_folders()))
      or ((storage.foldername(name))[2] is distinct from 'lessons'
        and (storage.foldername(name))[1] in (select private.storage_enrolled_course_folders()))
    ))
    or (bucket_id = 'submissions' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] = (select auth.uid())::text
      or (storage.foldername(name))[2] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'certificates' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] = (select auth.uid())::text
    ))
  );

create policy "users upload their avatar, their course media and their submissions"
  on storage.objects for insert to authenticated
  with check (
    (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'submissions'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and (storage.foldername(name))[2] in (select private.storage_enrolled_course_folders()))
  );

create policy "users replace their avatar, their course media and their submissions"
  on storage.objects for update to authenticated
  using (
    (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'submissions'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and (storage.foldername(name))[2] in (select private.storage_enrolled_course_folders()))
  );

create policy "users delete their avatar, their course media and their submissions"
  on storage.objects for delete to authenticated
  using (
    (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
    or (bucket_id = 'course-media' and (
      (select private.is_admin())
      or (storage.foldername(name))[1] in (select private.storage_taught_course_folders())
    ))
    or (bucket_id = 'submissions'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and (storage.foldername(name))[2] in (select private.storage_enrolled_course_folders()))
  );
