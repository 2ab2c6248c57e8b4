-- Shared notes (Yjs): the host's update log, cohort note locks, and the access check the Yjs
-- server runs as the caller before a WebSocket upgrade (server/yjs, docs/collab-notes.md).
--
-- Documents: 'note:<lesson_id>:<user_id>' (its owner only, who must be able to open the lesson
-- or manage its course) and 'cohort-note:<lesson_id>' (the lesson's learners and its course's
-- managers; learners read only while the note is locked; managers always write).

-- ---------------------------------------------------------------------------
-- The update log: only the host (the owner) reads and writes it. RLS on, no policies.

create table private.yjs_updates (
  id bigserial primary key,
  document text not null check (char_length(document) between 1 and 200),
  update bytea not null,
  created_at timestamptz not null default now()
);
create index yjs_updates_document_id_idx on private.yjs_updates (document, id);
alter table private.yjs_updates enable row level security;
revoke all on private.yjs_updates from public, anon, authenticated;
revoke all on sequence private.yjs_updates_id_seq from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Cohort note locks: a row means the lesson's cohort note is read-only for learners.

create table public.cohort_note_locks (
  lesson_id uuid primary key references public.lessons (id) on delete cascade,
  locked_by uuid references public.profiles (id) on delete set null,
  locked_at timestamptz not null default now()
);
create index cohort_note_locks_locked_by_idx on public.cohort_note_locks (locked_by);

alter table public.cohort_note_locks enable row level security;
revoke all on public.cohort_note_locks from anon, authenticated;
grant select on public.cohort_note_locks to authenticated;

create policy "learners who can open the lesson and its managers read its cohort note lock"
  on public.cohort_note_locks for select to authenticated
  using (
    (select private.is_admin())
    or lesson_id in (select private.my_open_lesson_ids())
    or lesson_id in (select private.my_managed_lesson_ids())
  );

-- ---------------------------------------------------------------------------
-- Locking: the course's managers (its instructor, admins) only.

create function public.set_cohort_note_lock(lesson uuid, locked boolean) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  manager boolean;
  at timestamptz;
begin
  if me is null then
    raise exception 'sign in first' using errcode = 'P0001', hint = '401:unauthorized';
  end if;
  if lesson is null or locked is null then
    raise exception 'lesson and locked are required' using errcode = 'P0001', hint = '422:invalid_lock';
  end if;
  manager := exists (select 1 from public.lessons l where l.id = lesson)
    and ((select private.is_admin()) or lesson in (select private.my_managed_lesson_ids()));
  if not manager then
    if lesson in (select private.my_open_lesson_ids()) then
      raise exception 'only the course''s instructors lock its cohort notes'
        using errcode = 'P0001', hint = '403:not_manager';
    end if;
    raise exception 'lesson not found' using errcode = 'P0001', hint = '404:lesson_not_found';
  end if;
  if locked then
    insert into public.cohort_note_locks (lesson_id, locked_by) values (lesson, me)
    on conflict (lesson_id) do nothing;
    select k.locked_at into at from public.cohort_note_locks k where k.lesson_id = lesson;
  else
    delete from public.cohort_note_locks k where k.lesson_id = lesson;
  end if;
  return jsonb_build_object('lessonId', lesson, 'locked', locked, 'lockedAt', at);
end
$$;

revoke execute on function public.set_cohort_note_lock(uuid, boolean) from public;
grant execute on function public.set_cohort_note_lock(uuid, boolean) to authenticated;

-- ---------------------------------------------------------------------------
-- What the caller may do with a document: 'write', 'read' or null (refused). The Yjs server
-- calls it as the caller (role and claims set, as for any request) before the upgrade.

create function private.yjs_document_access(document text) returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  uuid_re constant text := '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
  parts text[];
  lesson uuid;
  manager boolean;
begin
  if me is null or document is null then
    return null;
  end if;
  parts := regexp_match(document, '^note:' || uuid_re || ':' || uuid_re || '$');
  if parts is not null then
    lesson := parts[1]::uuid;
    if parts[2]::uuid <> me then
      return null;
    end if;
  else
    parts := regexp_match(document, '^cohort-note:' || uuid_re || '$');
    if parts is null then
      return null;
    end if;
    lesson := parts[1]::uuid;
  end if;
  manager := lesson in (select private.my_managed_lesson_ids())
    or ((select private.is_admin()) and exists (select 1 from public.lessons l where l.id = lesson));
  if manager then
    return 'write';
  end if;
  if lesson not in (select private.my_open_lesson_ids()) then
    return null;
  end if;
  if document like 'cohort-note:%'
     and exists (select 1 from public.cohort_note_locks k where k.lesson_id = lesson) then
    return 'read';
  end if;
  return 'write';
end
$$;

revoke execute on function private.yjs_document_access(text) from public;
grant execute on function private.yjs_document_access(text) to authenticated;
