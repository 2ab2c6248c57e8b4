-- Shared notes (issue 12): the Yjs server hears a cohort note's lock change at once.
--
-- The server (server/yjs/server.ts) used to read each open cohort note's lock again whenever the
-- last read was older than 2 s, a read per open document every 2 s while anyone writes. Now a
-- change of public.cohort_note_locks notifies channel `cohort_note_lock` with the lesson id; the
-- server LISTENs, reads that note's lock again at once, and keeps the periodic read (30 s) only as
-- a backstop for notifications lost while its listening connection was down.

create function private.notify_cohort_note_lock() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  perform pg_notify('cohort_note_lock',
                    (case tg_op when 'DELETE' then old.lesson_id else new.lesson_id end)::text);
  return null;
end
$$;
revoke execute on function private.notify_cohort_note_lock() from public, anon, authenticated;

create trigger cohort_note_locks_notify after insert or update or delete on public.cohort_note_locks
  for each row execute function private.notify_cohort_note_lock();
