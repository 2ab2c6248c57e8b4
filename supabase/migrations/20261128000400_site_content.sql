-- Site content (issue 13, Content: Homepage and legal pages). docs/site-content.md is the contract.
--
-- site_home: the one homepage record (hero, call to action, featured courses and bundles in
-- order, testimonials). legal_pages: the terms, privacy and refund policy pages (Markdown).
-- Everyone reads them (the home record always, legal pages when published); only admins write.
-- Every change made in a request (an admin's) is written to the audit log.

-- ---------------------------------------------------------------------------
-- Tables

create table public.site_home (
  -- One row only: the key is always true.
  id boolean primary key default true check (id),
  hero_title text not null check (char_length(hero_title) between 1 and 120),
  hero_text text not null check (char_length(hero_text) between 1 and 600),
  cta_label text not null check (char_length(cta_label) between 1 and 40),
  -- A path on this site or an https address.
  cta_href text not null check (char_length(cta_href) <= 300 and cta_href ~ '^(/([^/\\].*)?|https://[^\s]+)$'),
  -- In display order; the home page shows those that are published (checked by the API on save).
  featured_course_ids uuid[] not null default '{}' check (cardinality(featured_course_ids) <= 12),
  featured_bundle_ids uuid[] not null default '{}' check (cardinality(featured_bundle_ids) <= 6),
  -- [{quote, name, role}] in display order (position = index); shape checked by the API.
  testimonials jsonb not null default '[]'::jsonb
    check (jsonb_typeof(testimonials) = 'array' and jsonb_array_length(testimonials) <= 12),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
create index site_home_updated_by_idx on public.site_home (updated_by);

create table public.legal_pages (
  slug text primary key check (slug in ('terms', 'privacy', 'refund-policy')),
  title text not null check (char_length(title) between 1 and 120),
  body text not null check (char_length(body) between 1 and 50000),
  published boolean not null default true,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
create index legal_pages_updated_by_idx on public.legal_pages (updated_by);

comment on table public.site_home is 'The homepage record (one row): hero, call to action, featured items, testimonials.';
comment on table public.legal_pages is 'Terms, privacy policy and refund policy, in Markdown; admins edit them.';

-- Who changed it and when: the caller (an admin, by RLS), or kept as it was for the seed.
create function private.stamp_site_change() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.updated_at := now();
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  return new;
end
$$;
revoke execute on function private.stamp_site_change() from public, anon, authenticated;
create trigger site_home_stamp before insert or update on public.site_home
  for each row execute function private.stamp_site_change();
create trigger legal_pages_stamp before insert or update on public.legal_pages
  for each row execute function private.stamp_site_change();

-- The homepage as it is today, so the page never lacks its hero (the seed adds featured items).
insert into public.site_home (hero_title, hero_text, cta_label, cta_href) values (
  'Practical courses that fit around your life.',
  'Short, hands-on courses from working practitioners. Learn at your own pace, pick up where you left off on any device, and see your progress lesson by lesson.',
  'Browse courses',
  '/courses'
);

-- ---------------------------------------------------------------------------
-- Privileges and row-level security

revoke all on public.site_home, public.legal_pages from anon, authenticated;
grant select on public.site_home, public.legal_pages to anon, authenticated;
grant update (hero_title, hero_text, cta_label, cta_href, featured_course_ids, featured_bundle_ids, testimonials)
  on public.site_home to authenticated;
grant insert (slug, title, body, published), update (title, body, published) on public.legal_pages to authenticated;

alter table public.site_home enable row level security;
alter table public.legal_pages enable row level security;

create policy "visitors read the homepage record"
  on public.site_home for select to anon
  using (id);
create policy "users read the homepage record"
  on public.site_home for select to authenticated
  using (id);
create policy "admins update the homepage record"
  on public.site_home for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "visitors read published legal pages"
  on public.legal_pages for select to anon
  using (published);
create policy "users read published legal pages; admins read all"
  on public.legal_pages for select to authenticated
  using (published or (select private.is_admin()));
create policy "admins create legal pages"
  on public.legal_pages for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update legal pages"
  on public.legal_pages for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

-- ---------------------------------------------------------------------------
-- Audit: only admins pass the write policies, so a change with a caller is an admin's. The seed
-- (no caller) is not audited.

create function private.audit_site_home() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    perform private.audit('site.home_update', 'site_home', null, jsonb_build_object(
      'hero_title', new.hero_title,
      'featured_courses', cardinality(new.featured_course_ids),
      'featured_bundles', cardinality(new.featured_bundle_ids),
      'testimonials', jsonb_array_length(new.testimonials)));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_site_home() from public, anon, authenticated;
create trigger site_home_audit after update on public.site_home
  for each row execute function private.audit_site_home();

create function private.audit_legal_page() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    perform private.audit('site.legal_update', 'legal_page', null,
      jsonb_build_object('slug', new.slug, 'title', new.title, 'published', new.published));
  end if;
  return null;
end
$$;
revoke execute on function private.audit_legal_page() from public, anon, authenticated;
create trigger legal_pages_audit after insert or update on public.legal_pages
  for each row execute function private.audit_legal_page();
