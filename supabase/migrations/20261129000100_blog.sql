-- The blog and its newsletter (issue 13, Content: Blog). docs/blog.md is the contract.
--
-- blog_categories and blog_posts: everyone reads the posts that are public (status 'published' and
-- published_at reached: a post scheduled for later turns public by itself when its time comes, no
-- job needed) and the categories holding one; admins read drafts, scheduled posts and empty
-- categories, and write both. Every admin write is audited in its transaction.
-- newsletter_subscribers: double opt-in. No request role writes it: the data API calls
-- private.newsletter_sign_up and private.newsletter_confirm as service_role (after its honeypot
-- check, with a digest of the sender's address); only the SHA-256 of a confirm token is stored.
-- Admins read the list.

-- ---------------------------------------------------------------------------
-- Tables

create table public.blog_categories (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 60),
  name text not null check (char_length(name) between 1 and 80),
  description text not null default '' check (char_length(description) <= 300),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index blog_categories_position_idx on public.blog_categories (position, slug);

create table public.blog_posts (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100),
  title text not null check (char_length(title) between 1 and 160),
  excerpt text not null default '' check (char_length(excerpt) <= 400),
  body_md text not null check (char_length(body_md) between 1 and 100000),
  -- An object of the public avatars bucket, '<uploader id>/blog-<stamp>-{w}.<ext>', one per width.
  cover_path text check (cover_path ~ '^[0-9a-f-]{36}/blog-[a-z0-9]{1,40}-\{w\}\.(webp|png)$'),
  cover_widths integer[] not null default '{}' check (cardinality(cover_widths) <= 4),
  cover_alt text not null default '' check (char_length(cover_alt) <= 200),
  author_id uuid references public.profiles (id) on delete set null,
  -- Profiles are private and the blog is public: the author's name as shown, set by a trigger.
  author_name text not null default '' check (char_length(author_name) <= 120),
  category_id uuid references public.blog_categories (id) on delete set null,
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  featured boolean not null default false,
  -- 'published' with a future published_at is a scheduled post (the API calls it 'scheduled').
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  reading_minutes integer generated always as (
    greatest(1, ceil(coalesce(array_length(regexp_split_to_array(btrim(body_md), '\s+'), 1), 0) / 200.0))::integer
  ) stored,
  search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', excerpt), 'B')
      || setweight(to_tsvector('english', body_md), 'C')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or published_at is not null)
);
create index blog_posts_public_idx on public.blog_posts (status, published_at desc);
create index blog_posts_category_idx on public.blog_posts (category_id, published_at desc);
create index blog_posts_author_idx on public.blog_posts (author_id);
create index blog_posts_tags_idx on public.blog_posts using gin (tags);
create index blog_posts_search_idx on public.blog_posts using gin (search);

create table public.newsletter_subscribers (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (char_length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- SHA-256 (hex) of the confirm link's token; the token itself is only in the mail.
  token_hash text unique check (token_hash ~ '^[0-9a-f]{64}$'),
  -- A digest of the sender's network address (never the address): the rate limit's key.
  sender_key text not null check (char_length(sender_key) between 1 and 128),
  requested_at timestamptz not null default now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now()
);
create index newsletter_subscribers_sender_idx on public.newsletter_subscribers (sender_key, requested_at);
create index newsletter_subscribers_created_idx on public.newsletter_subscribers (created_at desc);

create trigger blog_categories_touch before update on public.blog_categories
  for each row execute function private.touch_updated_at();
create trigger blog_posts_touch before update on public.blog_posts
  for each row execute function private.touch_updated_at();

comment on table public.blog_categories is 'Blog categories, in their order; a category without a public post is the admins'' only.';
comment on table public.blog_posts is 'Blog posts (Markdown); public once published and due, drafts and scheduled posts are the admins''.';
comment on table public.newsletter_subscribers is 'Newsletter sign-ups (double opt-in); written only by private.newsletter_* as service_role.';

-- The author's display name (first name, initial of the last), from the author's profile.
create function private.set_blog_author_name() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.author_id is distinct from old.author_id then
    select coalesce(nullif(btrim(btrim(p.first_name) || ' '
                                 || coalesce(nullif(left(btrim(p.last_name), 1), '') || '.', '')), ''), 'The team')
      into new.author_name
    from public.profiles p where p.id = new.author_id;
    new.author_name := left(coalesce(new.author_name, 'The team'), 120);
  end if;
  return new;
end
$$;
revoke execute on function private.set_blog_author_name() from public, anon, authenticated;
create trigger blog_posts_author_name before insert or update of author_id on public.blog_posts
  for each row execute function private.set_blog_author_name();

-- ---------------------------------------------------------------------------
-- Privileges and row-level security

revoke all on public.blog_categories, public.blog_posts, public.newsletter_subscribers from anon, authenticated;
grant select on public.blog_categories, public.blog_posts to anon, authenticated;
grant insert (slug, name, description, position), update (slug, name, description, position), delete
  on public.blog_categories to authenticated;
grant insert (slug, title, excerpt, body_md, cover_path, cover_widths, cover_alt, author_id, category_id, tags,
              featured, status, published_at),
  update (slug, title, excerpt, body_md, cover_path, cover_widths, cover_alt, category_id, tags, featured, status,
          published_at),
  delete on public.blog_posts to authenticated;
grant select on public.newsletter_subscribers to authenticated;

alter table public.blog_categories enable row level security;
alter table public.blog_posts enable row level security;
alter table public.newsletter_subscribers enable row level security;

create policy "visitors read categories holding a public post"
  on public.blog_categories for select to anon
  using (exists (
    select 1 from public.blog_posts p
    where p.category_id = blog_categories.id and p.status = 'published' and p.published_at <= now()
  ));
create policy "users read categories holding a public post; admins read all"
  on public.blog_categories for select to authenticated
  using (
    exists (
      select 1 from public.blog_posts p
      where p.category_id = blog_categories.id and p.status = 'published' and p.published_at <= now()
    )
    or (select private.is_admin())
  );
create policy "admins create blog categories"
  on public.blog_categories for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update blog categories"
  on public.blog_categories for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete blog categories"
  on public.blog_categories for delete to authenticated
  using ((select private.is_admin()));

create policy "visitors read published posts whose time has come"
  on public.blog_posts for select to anon
  using (status = 'published' and published_at <= now());
create policy "users read published posts whose time has come; admins read all"
  on public.blog_posts for select to authenticated
  using ((status = 'published' and published_at <= now()) or (select private.is_admin()));
create policy "admins create blog posts"
  on public.blog_posts for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update blog posts"
  on public.blog_posts for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete blog posts"
  on public.blog_posts for delete to authenticated
  using ((select private.is_admin()));

create policy "admins read newsletter subscribers"
  on public.newsletter_subscribers for select to authenticated
  using ((select private.is_admin()));

-- ---------------------------------------------------------------------------
-- Audit: only admins pass the write policies, so a change with a caller is an admin's. The seed
-- (no caller) is not audited.

create function private.audit_blog_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  kind text := tg_argv[0];
  r record;
  verb text := case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end;
begin
  if (select auth.uid()) is null then
    return null;
  end if;
  if tg_op = 'DELETE' then r := old; else r := new; end if;
  if kind = 'blog_post' then
    perform private.audit('blog_post.' || verb, 'blog_post', r.id, jsonb_build_object(
      'slug', r.slug, 'title', left(r.title, 200), 'status', r.status, 'published_at', r.published_at,
      'featured', r.featured));
  else
    perform private.audit('blog_category.' || verb, 'blog_category', r.id,
      jsonb_build_object('slug', r.slug, 'name', r.name));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_blog_change() from public, anon, authenticated;
create trigger blog_posts_audit after insert or update or delete on public.blog_posts
  for each row execute function private.audit_blog_change('blog_post');
create trigger blog_categories_audit after insert or update or delete on public.blog_categories
  for each row execute function private.audit_blog_change('blog_category');

-- ---------------------------------------------------------------------------
-- Newsletter (errors carry '<4xx>:<code>' in their hint; the edge maps them)

-- A sign-up: a new address is stored unconfirmed with the token's hash, and `mail` says to send
-- the confirm link. A confirmed address gets no mail (nothing changes); an unconfirmed or
-- unsubscribed one gets a fresh token, at most once a minute. The caller answers the same in every
-- case, so nobody learns whether an address is on the list. 5 sign-ups per hour per address key.
create function private.newsletter_sign_up(email text, sender_key text, token_hash text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  per_hour constant integer := 5;
  clean_email text := lower(btrim(coalesce(email, '')));
  recent integer;
  s public.newsletter_subscribers;
begin
  if sender_key is null or char_length(sender_key) not between 1 and 128 then
    raise exception 'a sender key is required' using errcode = 'P0001', hint = '400:invalid_sender';
  end if;
  if char_length(clean_email) > 320 or clean_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'enter a valid email address' using errcode = 'P0001', hint = '422:invalid_email';
  end if;
  if token_hash is null or token_hash !~ '^[0-9a-f]{64}$' then
    raise exception 'a token hash is required' using errcode = 'P0001', hint = '400:invalid_token';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('newsletter:' || sender_key, 0));
  select count(*) into recent from public.newsletter_subscribers n
  where n.sender_key = newsletter_sign_up.sender_key and n.requested_at > now() - interval '1 hour';
  if recent >= per_hour then
    raise exception 'too many sign-ups: please try again in an hour' using errcode = 'P0001', hint = '429:rate_limited';
  end if;
  select * into s from public.newsletter_subscribers n where n.email = clean_email for update;
  if not found then
    insert into public.newsletter_subscribers (email, token_hash, sender_key)
    values (clean_email, newsletter_sign_up.token_hash, newsletter_sign_up.sender_key);
    return jsonb_build_object('mail', true);
  end if;
  if s.confirmed_at is not null and s.unsubscribed_at is null then
    return jsonb_build_object('mail', false);
  end if;
  if s.requested_at > now() - interval '1 minute' then
    return jsonb_build_object('mail', false);
  end if;
  update public.newsletter_subscribers n
  set token_hash = newsletter_sign_up.token_hash, sender_key = newsletter_sign_up.sender_key,
      requested_at = now(), confirmed_at = null, unsubscribed_at = null
  where n.id = s.id;
  return jsonb_build_object('mail', true);
end
$$;
revoke execute on function private.newsletter_sign_up(text, text, text) from public, anon, authenticated;
grant execute on function private.newsletter_sign_up(text, text, text) to service_role;

-- The confirm link: the token's hash names the sign-up; valid for 7 days; a second click is fine.
create function private.newsletter_confirm(token_hash text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  s public.newsletter_subscribers;
begin
  if token_hash is null or token_hash !~ '^[0-9a-f]{64}$' then
    raise exception 'this confirmation link is not valid' using errcode = 'P0001', hint = '404:confirm_token_invalid';
  end if;
  select * into s from public.newsletter_subscribers n where n.token_hash = newsletter_confirm.token_hash for update;
  if not found then
    raise exception 'this confirmation link is not valid' using errcode = 'P0001', hint = '404:confirm_token_invalid';
  end if;
  if s.confirmed_at is null and s.requested_at < now() - interval '7 days' then
    raise exception 'this confirmation link has expired: sign up again' using errcode = 'P0001',
      hint = '410:confirm_token_expired';
  end if;
  if s.confirmed_at is null then
    update public.newsletter_subscribers n set confirmed_at = now() where n.id = s.id
    returning * into s;
  end if;
  return jsonb_build_object('confirmed', true, 'confirmedAt', s.confirmed_at);
end
$$;
revoke execute on function private.newsletter_confirm(text) from public, anon, authenticated;
grant execute on function private.newsletter_confirm(text) to service_role;
