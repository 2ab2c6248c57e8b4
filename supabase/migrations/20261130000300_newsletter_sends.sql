-- The blog's newsletter goes out (issue 13, Content: Blog): each post is mailed once to the
-- confirmed subscribers when it is published or its scheduled time comes, and every mail carries
-- a one-click unsubscribe link. docs/blog.md ("Newsletter: sending").
--
-- The host (server/mail/newsletter.ts) claims due posts every five minutes as the owner:
-- private.claim_newsletter_posts records them as sent and returns them; the host reads the
-- confirmed subscribers and queues the mails (pg-boss); when queueing fails it gives the claim back
-- (private.release_newsletter_posts). Only posts published in the last 2 days are mailed, so
-- turning this on (or restoring old posts) never mails the archive.

-- Which posts went out, and when: the host's bookkeeping (no request role reads it; the post itself
-- is not touched, so its updated_at stays the author's).
create table private.newsletter_sends (
  post_id uuid primary key references public.blog_posts on delete cascade,
  sent_at timestamptz not null
);
revoke all on private.newsletter_sends from public, anon, authenticated, service_role;
alter table private.newsletter_sends enable row level security;

-- Due posts (published, due, at most 2 days old, not mailed yet), recorded as sent at `at`. Under
-- an advisory lock, so two hosts never mail one post twice.
create function private.claim_newsletter_posts(at timestamptz)
returns table (id uuid, slug text, title text, excerpt text)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('newsletter-sends', 0));
  return query
    with due as (
      select p.id, p.slug, p.title, p.excerpt from public.blog_posts p
      where p.status = 'published' and p.published_at <= at and p.published_at > at - interval '2 days'
        and not exists (select 1 from private.newsletter_sends s where s.post_id = p.id)
      order by p.published_at
      limit 20
    ), sent as (
      insert into private.newsletter_sends (post_id, sent_at) select due.id, at from due
    )
    select due.id, due.slug, due.title, due.excerpt from due;
end
$$;
revoke execute on function private.claim_newsletter_posts(timestamptz) from public, anon, authenticated, service_role;

-- Queueing failed: the posts are due again at the next run.
create function private.release_newsletter_posts(ids uuid[])
returns void
language sql volatile security definer set search_path = ''
as $$
  delete from private.newsletter_sends where post_id = any(ids)
$$;
revoke execute on function private.release_newsletter_posts(uuid[]) from public, anon, authenticated, service_role;

-- The one-click unsubscribe (server/mail/unsubscribe.ts, a signed link naming the subscriber).
create function private.newsletter_unsubscribe(subscriber uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.newsletter_subscribers set unsubscribed_at = coalesce(unsubscribed_at, now())
  where id = subscriber
$$;
revoke execute on function private.newsletter_unsubscribe(uuid) from public, anon, authenticated, service_role;

-- When a post was mailed, for the admins' post list (null for anyone else, or when not mailed).
create function private.newsletter_sent_at(post uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select s.sent_at from private.newsletter_sends s where s.post_id = post and (select private.is_admin())
$$;
revoke execute on function private.newsletter_sent_at(uuid) from public, anon;
grant execute on function private.newsletter_sent_at(uuid) to authenticated;
