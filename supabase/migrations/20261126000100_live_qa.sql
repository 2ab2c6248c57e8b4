-- Live sessions: moderated Q&A (issue 12). docs/live-qa.md is the contract.
--
-- live_sessions gains a description, a duration, a meeting link, slow mode and pre-moderation.
-- Questions, votes and bans are read under RLS and written only through the definer functions
-- below (no request role has a write grant). Every change of a question is broadcast by an AFTER
-- trigger through realtime.send: the participants' topic `session:<id>` carries visible questions,
-- the moderators' topic `session-mod:<id>` every change.
--
-- Moderators of a session: the instructor of its course and platform admins. Participants:
-- moderators and the course's enrolled learners (enrollment not cancelled).

-- ---------------------------------------------------------------------------
-- live_sessions, extended

alter table public.live_sessions
  add column description text not null default '' check (char_length(description) <= 2000),
  add column duration_minutes integer not null default 60 check (duration_minutes between 5 and 600),
  add column meeting_url text not null default ''
    check (meeting_url = '' or (char_length(meeting_url) <= 500 and meeting_url ~ '^https://[!-~]+$')),
  add column slow_mode_seconds integer not null default 0 check (slow_mode_seconds between 0 and 3600),
  add column pre_moderation boolean not null default false;

grant update (description, duration_minutes, meeting_url, slow_mode_seconds, pre_moderation)
  on public.live_sessions to authenticated;

-- ---------------------------------------------------------------------------
-- Set-based helpers (definer: they read rows the caller's RLS would hide).

-- Sessions the caller moderates: those of the courses they teach; every session for admins.
create function private.my_moderated_session_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.id from public.live_sessions s
  where s.course_id in (select private.my_managed_course_ids())
  union
  select s.id from public.live_sessions s
  where (select private.is_admin())
$$;

-- Sessions the caller takes part in: moderated ones and those of the courses they are enrolled in.
create function private.my_participant_session_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.id from private.my_moderated_session_ids() m(id)
  union
  select s.id from public.live_sessions s
  where s.course_id in (select private.my_participant_course_ids())
$$;

revoke execute on function private.my_moderated_session_ids() from public;
revoke execute on function private.my_participant_session_ids() from public;
grant execute on function private.my_moderated_session_ids() to authenticated;
grant execute on function private.my_participant_session_ids() to authenticated;

-- ---------------------------------------------------------------------------
-- Tables

create table public.session_questions (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  body text not null check (char_length(body) between 1 and 500),
  status text not null default 'visible' check (status in ('pending', 'visible', 'hidden')),
  pinned boolean not null default false,
  answered boolean not null default false,
  answer text check (answer is null or char_length(answer) <= 2000),
  answered_by uuid references public.profiles (id) on delete set null,
  answered_at timestamptz,
  vote_count integer not null default 0 check (vote_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index session_questions_session_created_idx on public.session_questions (session_id, created_at desc);
create index session_questions_author_idx on public.session_questions (author_id);
create index session_questions_answered_by_idx on public.session_questions (answered_by);

create trigger session_questions_touch before update on public.session_questions
  for each row execute function private.touch_updated_at();

create table public.session_votes (
  question_id uuid not null references public.session_questions (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (question_id, user_id)
);
create index session_votes_user_idx on public.session_votes (user_id);

create table public.session_bans (
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  banned_by uuid references public.profiles (id) on delete set null,
  reason text not null default '' check (char_length(reason) <= 500),
  created_at timestamptz not null default now(),
  primary key (session_id, user_id)
);
create index session_bans_user_idx on public.session_bans (user_id);
create index session_bans_banned_by_idx on public.session_bans (banned_by);

comment on table public.session_questions is
  'Questions asked in a live session; written only by the Q&A functions (docs/live-qa.md).';
comment on table public.session_votes is 'One upvote per user and question; written only by vote_session_question.';
comment on table public.session_bans is 'Users banned from asking and voting in a live session.';

-- ---------------------------------------------------------------------------
-- Privileges and row-level security: read only, one policy per table (select, authenticated).

revoke all on public.session_questions, public.session_votes, public.session_bans from anon, authenticated;
grant select on public.session_questions, public.session_votes, public.session_bans to authenticated;

alter table public.session_questions enable row level security;
alter table public.session_votes enable row level security;
alter table public.session_bans enable row level security;

create policy "moderators read all questions, participants visible ones, authors their own"
  on public.session_questions for select to authenticated
  using (
    session_id in (select private.my_moderated_session_ids())
    or (status = 'visible' and session_id in (select private.my_participant_session_ids()))
    or author_id = (select auth.uid())
  );
create policy "users read their own votes"
  on public.session_votes for select to authenticated
  using (user_id = (select auth.uid()));
create policy "moderators read the session's bans, banned users their own"
  on public.session_bans for select to authenticated
  using (
    session_id in (select private.my_moderated_session_ids())
    or user_id = (select auth.uid())
  );

-- ---------------------------------------------------------------------------
-- Realtime topics: `session:<id>` now follows the participants (admins included) and
-- `session-mod:<id>` is the moderators'. Every other topic as in 20261123000500.

create or replace function private.my_readable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || p.id::text from private.my_participant_course_ids() p(id)
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
  union all
  select 'session:' || s.id::text from private.my_participant_session_ids() s(id)
  union all
  select 'session-mod:' || s.id::text from private.my_moderated_session_ids() s(id)
$$;

create or replace function private.my_writable_realtime_topics() returns setof text
language sql stable security definer set search_path = ''
as $$
  select 'user:' || u.uid::text from (select auth.uid() as uid) u where u.uid is not null
  union all
  select 'course:' || c.id::text from public.instructors i join public.courses c on c.instructor_id = i.id
  where i.user_id = (select auth.uid())
  union all
  select 'company:' || m.company_id::text from public.company_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
  union all
  select 'session:' || s.id::text from private.my_participant_session_ids() s(id)
  union all
  select 'session-mod:' || s.id::text from private.my_moderated_session_ids() s(id)
$$;

-- ---------------------------------------------------------------------------
-- Notifications: new kinds (the answer to a question is the first user of question_answered).

alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check check (kind in (
  'enrollment', 'course_completed', 'announcement', 'system',
  'question_answered', 'grade_posted', 'certificate_issued', 'session_starting'
));

-- ---------------------------------------------------------------------------
-- The question as every function and broadcast answers it (docs/live-qa.md).

create function private.session_question_json(q public.session_questions, viewer uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'id', q.id,
    'sessionId', q.session_id,
    'author', (
      select jsonb_build_object('id', p.id, 'name', btrim(p.first_name || ' ' || p.last_name))
      from public.profiles p where p.id = q.author_id
    ),
    'body', q.body,
    'status', q.status,
    'pinned', q.pinned,
    'answered', q.answered,
    'answer', q.answer,
    'answeredAt', to_char(q.answered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'votes', q.vote_count,
    'createdAt', to_char(q.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'mine', coalesce(viewer is not null and q.author_id = viewer, false)
  )
$$;
revoke execute on function private.session_question_json(public.session_questions, uuid) from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Broadcasts (AFTER triggers)

create function private.broadcast_session_question() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  payload jsonb := private.session_question_json(new, null);
begin
  if new.status = 'visible' then
    perform realtime.send(payload, 'question', 'session:' || new.session_id::text, true);
  elsif tg_op = 'UPDATE' and old.status = 'visible' then
    perform realtime.send(jsonb_build_object('id', new.id), 'question_removed', 'session:' || new.session_id::text, true);
  end if;
  perform realtime.send(payload, 'question', 'session-mod:' || new.session_id::text, true);
  return null;
end
$$;
create trigger session_questions_broadcast after insert or update on public.session_questions
  for each row execute function private.broadcast_session_question();

-- vote_count follows the votes (the question's update trigger then broadcasts the new count).
create function private.count_session_vote() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.session_questions set vote_count = vote_count + 1 where id = new.question_id;
  else
    update public.session_questions set vote_count = greatest(vote_count - 1, 0) where id = old.question_id;
  end if;
  return null;
end
$$;
create trigger session_votes_count after insert or delete on public.session_votes
  for each row execute function private.count_session_vote();

create function private.broadcast_session_ban() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  b record;
  banned boolean := tg_op <> 'DELETE';
begin
  if tg_op = 'DELETE' then b := old; else b := new; end if;
  perform realtime.send(jsonb_build_object('userId', b.user_id, 'banned', banned), 'ban',
    'session-mod:' || b.session_id::text, true);
  perform realtime.send(jsonb_build_object('sessionId', b.session_id, 'banned', banned), 'session_ban',
    'user:' || b.user_id::text, true);
  return null;
end
$$;
create trigger session_bans_broadcast after insert or delete on public.session_bans
  for each row execute function private.broadcast_session_ban();

revoke execute on function private.broadcast_session_question() from public, anon, authenticated;
revoke execute on function private.count_session_vote() from public, anon, authenticated;
revoke execute on function private.broadcast_session_ban() from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Functions (the caller is auth.uid(); errors carry '<4xx>:<code>' in their hint)

create function public.ask_session_question(session uuid, body text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  s public.live_sessions;
  moderator boolean;
  text_ text := btrim(coalesce(body, ''), E' \t\r\n');
  last_at timestamptz;
  wait integer;
  q public.session_questions;
begin
  select ls.* into s from public.live_sessions ls
  where ls.id = session and ls.id in (select private.my_participant_session_ids());
  if not found or me is null then
    raise exception 'session not found' using errcode = 'P0001', hint = '404:session_not_found';
  end if;
  moderator := session in (select private.my_moderated_session_ids());
  if s.status = 'ended' then
    raise exception 'this session has ended' using errcode = 'P0001', hint = '409:session_ended';
  end if;
  if exists (select 1 from public.session_bans b where b.session_id = session and b.user_id = me) then
    raise exception 'you are banned from this session' using errcode = 'P0001', hint = '403:banned';
  end if;
  if char_length(text_) not between 1 and 500 then
    raise exception 'a question is 1 to 500 characters' using errcode = 'P0001', hint = '422:invalid_question';
  end if;
  if s.slow_mode_seconds > 0 and not moderator then
    -- one ask at a time per user and session, so two at once cannot both pass slow mode
    perform pg_advisory_xact_lock(hashtextextended(session::text || me::text, 0));
    select max(sq.created_at) into last_at from public.session_questions sq
    where sq.session_id = session and sq.author_id = me;
    if last_at is not null and last_at + make_interval(secs => s.slow_mode_seconds) > clock_timestamp() then
      wait := ceil(extract(epoch from last_at + make_interval(secs => s.slow_mode_seconds) - clock_timestamp()))::integer;
      raise exception 'slow mode: wait % seconds', greatest(wait, 1)
        using errcode = 'P0001', hint = '429:slow_mode';
    end if;
  end if;
  insert into public.session_questions (session_id, author_id, body, status, created_at)
  values (session, me, text_, case when s.pre_moderation and not moderator then 'pending' else 'visible' end,
          clock_timestamp())
  returning * into q;
  return private.session_question_json(q, me);
end
$$;

create function public.vote_session_question(question uuid, up boolean) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  q public.session_questions;
  votes integer;
begin
  select sq.* into q from public.session_questions sq
  where sq.id = question and sq.status = 'visible'
    and sq.session_id in (select private.my_participant_session_ids());
  if not found or me is null then
    raise exception 'question not found' using errcode = 'P0001', hint = '404:question_not_found';
  end if;
  if exists (select 1 from public.session_bans b where b.session_id = q.session_id and b.user_id = me) then
    raise exception 'you are banned from this session' using errcode = 'P0001', hint = '403:banned';
  end if;
  if up is null then
    raise exception 'up must be true or false' using errcode = 'P0001', hint = '422:invalid_vote';
  end if;
  if up then
    insert into public.session_votes (question_id, user_id) values (question, me) on conflict do nothing;
  else
    delete from public.session_votes v where v.question_id = question and v.user_id = me;
  end if;
  select sq.vote_count into votes from public.session_questions sq where sq.id = question;
  return jsonb_build_object('questionId', question, 'votes', votes, 'voted', up);
end
$$;

create function public.moderate_session_question(question uuid, action text, answer text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  q public.session_questions;
  moderator boolean;
  reply text;
  course_slug text;
  session_title text;
begin
  select sq.* into q from public.session_questions sq
  where sq.id = question and sq.session_id in (select private.my_participant_session_ids());
  if not found or me is null then
    raise exception 'question not found' using errcode = 'P0001', hint = '404:question_not_found';
  end if;
  moderator := q.session_id in (select private.my_moderated_session_ids());
  if not moderator and q.status <> 'visible' and q.author_id is distinct from me then
    raise exception 'question not found' using errcode = 'P0001', hint = '404:question_not_found';
  end if;
  if not moderator then
    raise exception 'only the session''s moderators do this' using errcode = 'P0001', hint = '403:not_moderator';
  end if;

  case coalesce(action, '')
    when 'approve', 'restore' then
      update public.session_questions sq set status = 'visible' where sq.id = question returning * into q;
    when 'hide' then
      update public.session_questions sq set status = 'hidden' where sq.id = question returning * into q;
    when 'pin' then
      update public.session_questions sq set pinned = true where sq.id = question returning * into q;
    when 'unpin' then
      update public.session_questions sq set pinned = false where sq.id = question returning * into q;
    when 'mark_answered' then
      update public.session_questions sq
      set answered = true, answered_at = coalesce(sq.answered_at, now()), answered_by = coalesce(sq.answered_by, me)
      where sq.id = question returning * into q;
    when 'mark_unanswered' then
      update public.session_questions sq set answered = false where sq.id = question returning * into q;
    when 'answer' then
      reply := btrim(coalesce(answer, ''), E' \t\r\n');
      if char_length(reply) not between 1 and 2000 then
        raise exception 'an answer is 1 to 2000 characters' using errcode = 'P0001', hint = '422:invalid_answer';
      end if;
      update public.session_questions sq
      set answer = reply, answered = true, answered_at = now(), answered_by = me
      where sq.id = question returning * into q;
      if q.author_id is not null and q.author_id <> me then
        select c.slug, ls.title into course_slug, session_title
        from public.live_sessions ls join public.courses c on c.id = ls.course_id
        where ls.id = q.session_id;
        insert into public.notifications (user_id, kind, title, body, link)
        values (q.author_id, 'question_answered', left('Your question in ' || session_title || ' was answered', 200),
                left(reply, 2000), '/learn/' || course_slug || '/sessions/' || q.session_id::text);
      end if;
    else
      raise exception 'unknown action' using errcode = 'P0001', hint = '422:invalid_action';
  end case;
  return private.session_question_json(q, me);
end
$$;

create function public.ban_session_user(session uuid, member uuid, reason text default '') returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  course uuid;
  why text := btrim(coalesce(reason, ''));
begin
  select ls.course_id into course from public.live_sessions ls
  where ls.id = session and ls.id in (select private.my_participant_session_ids());
  if not found or me is null then
    raise exception 'session not found' using errcode = 'P0001', hint = '404:session_not_found';
  end if;
  if session not in (select private.my_moderated_session_ids()) then
    raise exception 'only the session''s moderators do this' using errcode = 'P0001', hint = '403:not_moderator';
  end if;
  if not exists (select 1 from public.profiles p where p.id = member) then
    raise exception 'user not found' using errcode = 'P0001', hint = '404:member_not_found';
  end if;
  if member = me
    or exists (select 1 from public.profiles p where p.id = member and p.role = 'admin')
    or exists (select 1 from public.instructors i join public.courses c on c.instructor_id = i.id
               where c.id = course and i.user_id = member) then
    raise exception 'a moderator cannot be banned' using errcode = 'P0001', hint = '422:cannot_ban';
  end if;
  if char_length(why) > 500 then
    raise exception 'a reason is at most 500 characters' using errcode = 'P0001', hint = '422:invalid_reason';
  end if;
  insert into public.session_bans (session_id, user_id, banned_by, reason)
  values (session, member, me, why)
  on conflict (session_id, user_id) do update set reason = excluded.reason, banned_by = excluded.banned_by;
  return jsonb_build_object('sessionId', session, 'userId', member, 'banned', true);
end
$$;

create function public.unban_session_user(session uuid, member uuid) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if me is null or not exists (
    select 1 from public.live_sessions ls
    where ls.id = session and ls.id in (select private.my_participant_session_ids())
  ) then
    raise exception 'session not found' using errcode = 'P0001', hint = '404:session_not_found';
  end if;
  if session not in (select private.my_moderated_session_ids()) then
    raise exception 'only the session''s moderators do this' using errcode = 'P0001', hint = '403:not_moderator';
  end if;
  delete from public.session_bans b where b.session_id = session and b.user_id = member;
  return jsonb_build_object('sessionId', session, 'userId', member, 'banned', false);
end
$$;

revoke execute on function
  public.ask_session_question(uuid, text),
  public.vote_session_question(uuid, boolean),
  public.moderate_session_question(uuid, text, text),
  public.ban_session_user(uuid, uuid, text),
  public.unban_session_user(uuid, uuid)
  from public, anon;
grant execute on function public.ask_session_question(uuid, text) to authenticated;
grant execute on function public.vote_session_question(uuid, boolean) to authenticated;
grant execute on function public.moderate_session_question(uuid, text, text) to authenticated;
grant execute on function public.ban_session_user(uuid, uuid, text) to authenticated;
grant execute on function public.unban_session_user(uuid, uuid) to authenticated;

-- The edge's question list (GET /api/sessions/:id/questions, edge/sessions/queries.ts): the
-- questions of one session the caller may read (the select policy's rules), as Question JSON.
-- Definer for the authors' names: learners may not read each other's profiles.
create function private.my_session_questions(session uuid) returns setof jsonb
language sql stable security definer set search_path = ''
as $$
  select private.session_question_json(q, (select auth.uid()))
  from public.session_questions q
  where q.session_id = session
    and (
      q.session_id in (select private.my_moderated_session_ids())
      or (q.status = 'visible' and q.session_id in (select private.my_participant_session_ids()))
      or q.author_id = (select auth.uid())
    )
$$;
revoke execute on function private.my_session_questions(uuid) from public;
grant execute on function private.my_session_questions(uuid) to authenticated;
