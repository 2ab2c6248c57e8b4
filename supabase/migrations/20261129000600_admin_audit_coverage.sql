-- The audit log covers every admin action (issue 13), not only people, course decisions, review
-- visibility, refunds and site content (20261128000100, 20261128000400): the commerce screens
-- (bundles and their courses, coupons, pricing rules, tax rates), the FAQ center (themes, articles,
-- contact messages) and the companies screens (companies, seats added, company admins).
--
-- One AFTER trigger per table, the same function: a change made in a request by a platform admin
-- (auth.uid() set and that user's role is admin) writes one entry in the same transaction, named
-- '<target>.create|update|delete', with what changed: the columns that changed (update) or the row
-- (create, delete), each text value cut to 200 characters. Changes with no caller (the seed, the
-- service role's definer work) and changes by anyone else (a company admin adding a member, an
-- instructor's course FAQ) are not admin actions and write nothing. docs/admin.md.

create function private.audit_row_details(row_before jsonb, row_after jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_object_agg(
           e.key,
           case when pg_catalog.jsonb_typeof(e.value) = 'string' and pg_catalog.length(e.value #>> '{}') > 200
                then pg_catalog.to_jsonb(pg_catalog.left(e.value #>> '{}', 200) || '…')
                else e.value end),
         '{}'::jsonb)
    from pg_catalog.jsonb_each(coalesce(row_after, row_before)) e
   where e.key not in ('created_at', 'updated_at', 'search', 'search_vector')
     and (row_before is null or row_after is null or row_before -> e.key is distinct from e.value)
$$;
revoke execute on function private.audit_row_details(jsonb, jsonb) from public, anon, authenticated;

-- TG_ARGV[0]: the action's first part ('coupon', 'company_seats'); TG_ARGV[1]: the target type
-- ('coupon', 'company'); TG_ARGV[2]: the column holding the target's id ('id', 'company_id').
create function private.audit_admin_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  details jsonb;
  target uuid := (coalesce(after_row, before_row) ->> tg_argv[2])::uuid;
begin
  if (select auth.uid()) is null or not (select private.is_admin()) then
    return null;
  end if;
  -- A part deleted with its whole (a course's lessons, a company's seats): the whole's entry says it.
  if tg_op = 'DELETE' and tg_argv[2] <> 'id' and (
       (tg_argv[1] = 'course' and not exists (select 1 from public.courses c where c.id = target))
    or (tg_argv[1] = 'company' and not exists (select 1 from public.companies c where c.id = target))
  ) then
    return null;
  end if;
  details := private.audit_row_details(before_row, after_row);
  if tg_op = 'UPDATE' and details = '{}'::jsonb then
    return null;
  end if;
  perform private.audit(
    tg_argv[0] || '.' || case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
    tg_argv[1],
    target,
    details);
  return null;
end
$$;
revoke execute on function private.audit_admin_row() from public, anon, authenticated;

create trigger bundles_audit_admin after insert or update or delete on public.bundles
  for each row execute function private.audit_admin_row('bundle', 'bundle', 'id');
create trigger bundle_courses_audit_admin after insert or update or delete on public.bundle_courses
  for each row execute function private.audit_admin_row('bundle_courses', 'bundle', 'bundle_id');
create trigger coupons_audit_admin after insert or update or delete on public.coupons
  for each row execute function private.audit_admin_row('coupon', 'coupon', 'id');
create trigger pricing_rules_audit_admin after insert or update or delete on public.pricing_rules
  for each row execute function private.audit_admin_row('pricing_rule', 'pricing_rule', 'id');
create trigger tax_rates_audit_admin after insert or update or delete on public.tax_rates
  for each row execute function private.audit_admin_row('tax_rate', 'tax_rate', 'id');
create trigger faq_themes_audit_admin after insert or update or delete on public.faq_themes
  for each row execute function private.audit_admin_row('faq_theme', 'faq_theme', 'id');
create trigger faq_articles_audit_admin after insert or update or delete on public.faq_articles
  for each row execute function private.audit_admin_row('faq_article', 'faq_article', 'id');
create trigger contact_messages_audit_admin after update or delete on public.contact_messages
  for each row execute function private.audit_admin_row('contact_message', 'contact_message', 'id');
create trigger companies_audit_admin after insert or update or delete on public.companies
  for each row execute function private.audit_admin_row('company', 'company', 'id');
create trigger seat_purchases_audit_admin after insert or update or delete on public.seat_purchases
  for each row execute function private.audit_admin_row('company_seats', 'company', 'company_id');
create trigger company_members_audit_admin after insert or update or delete on public.company_members
  for each row execute function private.audit_admin_row('company_member', 'company', 'company_id');

-- An admin's edits to someone's course and its curriculum (the course wizard works for admins too).
-- Only the columns a person edits: kept counters (ratings, enrollments, lesson counts), the copy of
-- the course's state on its lessons, and status changes (each audited by its own function:
-- approve, reject, unpublish, archive, restore) do not make entries. Tags and categories changed
-- across many courses at once are audited once by public.admin_rename_tag and
-- public.admin_delete_category (20261129000400), so they are left out of the column list too.
create trigger courses_audit_admin after update of slug, title, subtitle, description, outcomes, prerequisites,
    instructor_id, difficulty, language, thumbnail_url, intro_video_url, price_amount, price_currency
  on public.courses
  for each row execute function private.audit_admin_row('course', 'course', 'id');
create trigger courses_audit_admin_delete after delete on public.courses
  for each row execute function private.audit_admin_row('course', 'course', 'id');
create trigger sections_audit_admin after insert or update of title or delete on public.sections
  for each row execute function private.audit_admin_row('course_section', 'course', 'course_id');
create trigger lessons_audit_admin after insert or update of title, content_type, section_id, is_preview,
    drip_days_after_enrollment, drip_available_at or delete
  on public.lessons
  for each row execute function private.audit_admin_row('lesson', 'course', 'course_id');
