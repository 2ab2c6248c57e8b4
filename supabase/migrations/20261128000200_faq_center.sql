-- The FAQ center (issue 13, Content: FAQ center). docs/faq-center.md is the contract.
--
-- faq_themes and faq_articles: everyone reads the published articles and the themes holding one;
-- admins read drafts and empty themes, and write both. faq_feedback ("was this helpful?") and contact_messages (the form at the
-- bottom of /faq) have no write grant for any request role: feedback goes through
-- public.give_faq_feedback (anyone, one vote per signed-in user or anonymous browser key, upsert),
-- contact messages through private.submit_contact_message, which only service_role runs (the data
-- API calls it after its honeypot check, with the sender's address key), and which rate-limits
-- senders: 5 per hour per address key and per signed-in user. Admins read both and mark messages
-- handled.

-- ---------------------------------------------------------------------------
-- Tables

create table public.faq_themes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 60),
  title text not null check (char_length(title) between 1 and 100),
  description text not null default '' check (char_length(description) <= 500),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index faq_themes_position_idx on public.faq_themes (position, slug);

create table public.faq_articles (
  id uuid primary key default gen_random_uuid(),
  theme_id uuid not null references public.faq_themes (id) on delete restrict,
  question text not null check (char_length(question) between 1 and 300),
  answer text not null check (char_length(answer) between 1 and 10000),
  position integer not null default 0,
  published boolean not null default false,
  search tsvector generated always as (
    setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', answer), 'B')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index faq_articles_theme_position_idx on public.faq_articles (theme_id, position);
create index faq_articles_search_idx on public.faq_articles using gin (search);

create table public.faq_feedback (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references public.faq_articles (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete cascade,
  browser_key text check (browser_key ~ '^[A-Za-z0-9_-]{16,64}$'),
  helpful boolean not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((user_id is null) <> (browser_key is null)),
  constraint faq_feedback_one_per_user unique (article_id, user_id),
  constraint faq_feedback_one_per_browser unique (article_id, browser_key)
);
create index faq_feedback_user_idx on public.faq_feedback (user_id);

create table public.contact_messages (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  email text not null check (char_length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  topic text not null check (topic in ('payments', 'courses', 'accounts', 'companies', 'certificates', 'other')),
  message text not null check (char_length(message) between 10 and 5000),
  user_id uuid references public.profiles (id) on delete set null,
  -- A digest of the sender's network address (never the address): the rate limit's key.
  sender_key text not null check (char_length(sender_key) between 1 and 128),
  created_at timestamptz not null default now(),
  handled_at timestamptz,
  handled_by uuid references public.profiles (id) on delete set null
);
create index contact_messages_created_idx on public.contact_messages (created_at desc);
create index contact_messages_user_idx on public.contact_messages (user_id, created_at);
create index contact_messages_sender_idx on public.contact_messages (sender_key, created_at);
create index contact_messages_handled_by_idx on public.contact_messages (handled_by);

create trigger faq_themes_touch before update on public.faq_themes
  for each row execute function private.touch_updated_at();
create trigger faq_articles_touch before update on public.faq_articles
  for each row execute function private.touch_updated_at();
create trigger faq_feedback_touch before update on public.faq_feedback
  for each row execute function private.touch_updated_at();

comment on table public.faq_themes is 'Themes of the FAQ center (/faq), in their order.';
comment on table public.faq_articles is 'FAQ center questions with Markdown answers; drafts are the admins'' only.';
comment on table public.faq_feedback is 'Was this helpful: one vote per article and user or browser key; written only by give_faq_feedback.';
comment on table public.contact_messages is 'The FAQ center''s contact form; written only by private.submit_contact_message.';

-- ---------------------------------------------------------------------------
-- Privileges and row-level security

revoke all on public.faq_themes, public.faq_articles, public.faq_feedback, public.contact_messages
  from anon, authenticated;
grant select on public.faq_themes, public.faq_articles to anon, authenticated;
grant insert (slug, title, description, position), update (slug, title, description, position), delete
  on public.faq_themes to authenticated;
grant insert (theme_id, question, answer, position, published), update (theme_id, question, answer, position, published),
  delete on public.faq_articles to authenticated;
grant select on public.faq_feedback to authenticated;
grant select, update (handled_at, handled_by) on public.contact_messages to authenticated;

alter table public.faq_themes enable row level security;
alter table public.faq_articles enable row level security;
alter table public.faq_feedback enable row level security;
alter table public.contact_messages enable row level security;

create policy "anyone reads themes with published articles; admins read all"
  on public.faq_themes for select to anon, authenticated
  using (
    exists (select 1 from public.faq_articles a where a.theme_id = faq_themes.id and a.published)
    or (select private.is_admin())
  );
create policy "admins create FAQ themes"
  on public.faq_themes for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update FAQ themes"
  on public.faq_themes for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete FAQ themes"
  on public.faq_themes for delete to authenticated
  using ((select private.is_admin()));

create policy "anyone reads published FAQ articles; admins read drafts too"
  on public.faq_articles for select to anon, authenticated
  using (published or (select private.is_admin()));
create policy "admins create FAQ articles"
  on public.faq_articles for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update FAQ articles"
  on public.faq_articles for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete FAQ articles"
  on public.faq_articles for delete to authenticated
  using ((select private.is_admin()));

create policy "admins read FAQ feedback, users their own votes"
  on public.faq_feedback for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "admins read contact messages"
  on public.contact_messages for select to authenticated
  using ((select private.is_admin()));
create policy "admins mark contact messages handled"
  on public.contact_messages for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

-- ---------------------------------------------------------------------------
-- Functions (errors carry '<4xx>:<code>' in their hint; the edge maps them)

-- "Was this helpful?" on a published article: one vote per signed-in user, or per anonymous
-- browser key (a random id the browser keeps); a second vote replaces the first.
create function public.give_faq_feedback(article uuid, helpful boolean, browser_key text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if not exists (select 1 from public.faq_articles a where a.id = article and a.published) then
    raise exception 'article not found' using errcode = 'P0001', hint = '404:article_not_found';
  end if;
  if helpful is null then
    raise exception 'helpful must be true or false' using errcode = 'P0001', hint = '422:invalid_feedback';
  end if;
  if me is not null then
    insert into public.faq_feedback as f (article_id, user_id, helpful) values (article, me, helpful)
    on conflict on constraint faq_feedback_one_per_user do update set helpful = excluded.helpful
      where f.helpful is distinct from excluded.helpful;
  else
    if browser_key is null or browser_key !~ '^[A-Za-z0-9_-]{16,64}$' then
      raise exception 'an anonymous vote needs a browser key of 16 to 64 letters, digits, - or _'
        using errcode = 'P0001', hint = '422:invalid_browser_key';
    end if;
    insert into public.faq_feedback as f (article_id, browser_key, helpful) values (article, browser_key, helpful)
    on conflict on constraint faq_feedback_one_per_browser do update set helpful = excluded.helpful
      where f.helpful is distinct from excluded.helpful;
  end if;
  return jsonb_build_object('articleId', article, 'helpful', helpful);
end
$$;
revoke execute on function public.give_faq_feedback(uuid, boolean, text) from public, anon, authenticated;
grant execute on function public.give_faq_feedback(uuid, boolean, text) to anon;
grant execute on function public.give_faq_feedback(uuid, boolean, text) to authenticated;

-- A contact message, rate-limited per address key and per signed-in sender, and the addresses of
-- the admins it is mailed to. Run by the data API as service_role after its own checks.
create function private.submit_contact_message(
  sender uuid, sender_key text, name text, email text, topic text, message text
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  per_hour constant integer := 5;
  clean_name text := btrim(coalesce(name, ''));
  clean_email text := lower(btrim(coalesce(email, '')));
  clean_message text := btrim(coalesce(message, ''));
  recent integer;
  m public.contact_messages;
begin
  if sender_key is null or char_length(sender_key) not between 1 and 128 then
    raise exception 'a sender key is required' using errcode = 'P0001', hint = '400:invalid_sender';
  end if;
  if char_length(clean_name) not between 1 and 200 then
    raise exception 'a name is 1 to 200 characters' using errcode = 'P0001', hint = '422:invalid_name';
  end if;
  if char_length(clean_email) > 320 or clean_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'enter a valid email address' using errcode = 'P0001', hint = '422:invalid_email';
  end if;
  if topic is null or topic not in ('payments', 'courses', 'accounts', 'companies', 'certificates', 'other') then
    raise exception 'choose a topic' using errcode = 'P0001', hint = '422:invalid_topic';
  end if;
  if char_length(clean_message) not between 10 and 5000 then
    raise exception 'a message is 10 to 5000 characters' using errcode = 'P0001', hint = '422:invalid_message';
  end if;
  -- one sender at a time, so two messages at once cannot both pass the limit
  perform pg_advisory_xact_lock(hashtextextended('contact:' || sender_key, 0));
  if sender is not null then
    perform pg_advisory_xact_lock(hashtextextended('contact:' || sender::text, 0));
  end if;
  select count(*) into recent from public.contact_messages c
  where c.created_at > now() - interval '1 hour'
    and (c.sender_key = submit_contact_message.sender_key or (sender is not null and c.user_id = sender));
  if recent >= per_hour then
    raise exception 'too many messages: please try again in an hour' using errcode = 'P0001', hint = '429:rate_limited';
  end if;
  insert into public.contact_messages (name, email, topic, message, user_id, sender_key)
  values (clean_name, clean_email, topic, clean_message,
          (select p.id from public.profiles p where p.id = sender), sender_key)
  returning * into m;
  return jsonb_build_object(
    'id', m.id,
    'recipients', coalesce((
      select jsonb_agg(p.email order by p.email) from public.profiles p where p.role = 'admin'
    ), '[]'::jsonb)
  );
end
$$;
revoke execute on function private.submit_contact_message(uuid, text, text, text, text, text)
  from public, anon, authenticated;
grant execute on function private.submit_contact_message(uuid, text, text, text, text, text) to service_role;
