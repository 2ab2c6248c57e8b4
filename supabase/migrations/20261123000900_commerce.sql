-- Commerce: bundles, pricing rules, coupons, tax rates, orders, payments, refunds, invoices,
-- corporate seats and demo requests (issue 8). Money is integer minor units with one ISO
-- currency per order; rates are basis points (1000 = 10%).
--
-- Who may do what:
--   bundles, bundle_courses, pricing_rules, tax_rates: anyone reads what is on sale (published
--     bundles, their courses, active rules, rates not yet ended); admins read and write all.
--   coupons: admins only (a code is a secret until it is handed out).
--   orders, order_items, payments, refunds, invoices, coupon_redemptions: the buyer reads their
--     own, a company admin their company's, admins all. Nobody writes them directly, admins
--     included: every write is one of the definer functions below, one whole step each.
--   payment_events, demo_requests: admins read. seat_purchases: the company's admins and admins.
--
-- The privileged writes are functions in schema private (not exposed by the API), security
-- definer with an empty search_path, executable by service_role only: the data API calls them
-- through the database port's asService (edge/db/port.ts), never as the caller.
--   private.commerce_catalog(...)      the pricing engine's input (edge/pricing PricingCatalog)
--   private.create_order(...)          the order, its items, a pending payment and the coupon hold
--   private.set_checkout_session(...)  the provider's session id on a pending order
--   private.order_for_payment(...)     what a payment provider needs to charge an order
--   private.record_payment_event(...)  fulfilment (or failure) with the event id, exactly once
--   private.expire_orders(...)         pending orders past their expiry release their coupon hold
--   private.refund_order(...)          a refund, its credit note, and what a full refund revokes
--   private.create_demo_request(...)   a "Request a demo" lead
--
-- Coupon holds: a coupon use is held from create_order until the order is paid (redeemed) or
-- fails or expires (released). create_order locks the coupon row (`for update`), so orders
-- carrying one coupon are created one at a time and each sees the holds before it: no more
-- than max_redemptions orders ever hold or redeem it. A hold past its held_until no longer counts.
--
-- Invoice numbers: INV-YYYY-MMDD-NNN (credit notes CN-...), per UTC day, from
-- private.invoice_counters in the fulfilling transaction: unique, sequential, and without gaps
-- (a rolled-back fulfilment gives its number back).

-- ---------------------------------------------------------------------------
-- The catalog of what is sold beyond single courses

create table public.bundles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 5000),
  image_url text check (image_url is null or image_url ~ '^(https?://|/)'),
  category_id uuid references public.categories (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index bundles_category_idx on public.bundles (category_id);
create index bundles_status_idx on public.bundles (status);

create table public.bundle_courses (
  bundle_id uuid not null references public.bundles (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  position integer not null default 0,
  primary key (bundle_id, course_id)
);
create index bundle_courses_course_idx on public.bundle_courses (course_id);

-- Quantity tiers. Per priced line exactly one rule applies, the one giving the largest discount
-- (edge/pricing): rules never stack.
create table public.pricing_rules (
  id uuid primary key default gen_random_uuid(),
  scope text not null check (scope in ('bundle', 'cart', 'seats')),
  bundle_id uuid references public.bundles (id) on delete cascade,
  min_quantity integer not null check (min_quantity between 1 and 10000),
  percent_bps integer not null check (percent_bps between 1 and 10000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check ((scope = 'bundle') = (bundle_id is not null))
);
create index pricing_rules_bundle_idx on public.pricing_rules (bundle_id);

create table public.coupons (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_-]{3,32}$'),
  label text not null check (char_length(label) between 1 and 200),
  kind text not null check (kind in ('percent', 'fixed')),
  percent_bps integer check (percent_bps between 1 and 10000),
  amount_off integer check (amount_off > 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  scope text not null default 'all' check (scope in ('all', 'course', 'bundle')),
  course_id uuid references public.courses (id) on delete cascade,
  bundle_id uuid references public.bundles (id) on delete cascade,
  starts_at timestamptz,
  expires_at timestamptz,
  max_redemptions integer check (max_redemptions > 0),
  per_user_limit integer default 1 check (per_user_limit > 0),
  min_subtotal integer not null default 0 check (min_subtotal >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (kind <> 'percent' or (percent_bps is not null and amount_off is null)),
  check (kind <> 'fixed' or (amount_off is not null and currency is not null and percent_bps is null)),
  check ((scope = 'course') = (course_id is not null)),
  check ((scope = 'bundle') = (bundle_id is not null)),
  check (starts_at is null or expires_at is null or starts_at < expires_at)
);
create index coupons_course_idx on public.coupons (course_id);
create index coupons_bundle_idx on public.coupons (bundle_id);

-- A rate is in effect from effective_from through effective_to (inclusive; null: open-ended).
-- The most specific one wins: the buyer's region's, else the country's (region null).
create table public.tax_rates (
  id uuid primary key default gen_random_uuid(),
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  region text check (region is null or char_length(region) between 1 and 100),
  kind text not null check (kind in ('vat', 'gst', 'sales_tax')),
  label text not null check (char_length(label) between 1 and 100),
  rate_bps integer not null check (rate_bps between 0 and 10000),
  effective_from date not null default current_date,
  effective_to date,
  check (effective_to is null or effective_to >= effective_from)
);
create index tax_rates_country_idx on public.tax_rates (country, region, effective_from desc);

-- ---------------------------------------------------------------------------
-- Orders and what follows from them

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  -- restrict: invoices are bookkeeping records; an account with orders is not deleted with them
  user_id uuid not null references public.profiles (id) on delete restrict,
  company_id uuid references public.companies (id) on delete set null,
  -- a corporate buyer who administers no company: the company created when the order is paid
  company_name text check (company_name is null or char_length(company_name) between 2 and 120),
  kind text not null check (kind in ('single', 'bundle', 'corporate')),
  status text not null default 'pending'
    check (status in ('pending', 'paid', 'failed', 'expired', 'refunded', 'partially_refunded')),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  subtotal integer not null check (subtotal >= 0),
  discount integer not null default 0 check (discount >= 0),
  tax integer not null default 0 check (tax >= 0),
  total integer not null check (total >= 0),
  seats integer not null default 1 check (seats between 1 and 10000),
  coupon_id uuid references public.coupons (id) on delete restrict,
  country char(2) check (country ~ '^[A-Z]{2}$'),
  region text check (region is null or char_length(region) <= 100),
  -- the pricing engine's output for this order, as the buyer was shown it
  quote jsonb not null check (jsonb_typeof(quote) = 'object'),
  provider text not null default 'local' check (provider in ('local', 'stripe')),
  method text not null default 'card' check (method in ('card', 'paypal', 'stripe_checkout')),
  checkout_session_id text unique check (char_length(checkout_session_id) between 1 and 255),
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 200),
  expires_at timestamptz not null,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, idempotency_key),
  check (total = subtotal - discount + tax)
);
create index orders_company_idx on public.orders (company_id);
create index orders_coupon_idx on public.orders (coupon_id);
create index orders_pending_expiry_idx on public.orders (expires_at) where status = 'pending';

create table public.order_items (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  position integer not null default 0,
  kind text not null check (kind in ('course', 'bundle')),
  course_id uuid references public.courses (id) on delete restrict,
  bundle_id uuid references public.bundles (id) on delete restrict,
  -- the courses this line grants, fixed when the order is created (a bundle's may change later)
  course_ids uuid[] not null default '{}',
  title text not null check (char_length(title) between 1 and 300),
  seats integer not null check (seats between 1 and 10000),
  unit_amount integer not null check (unit_amount >= 0),
  list_amount integer not null check (list_amount >= 0),
  discount_amount integer not null default 0 check (discount_amount >= 0),
  tax_amount integer not null default 0 check (tax_amount >= 0),
  total_amount integer not null check (total_amount >= 0),
  check ((kind = 'course') = (course_id is not null)),
  check ((kind = 'bundle') = (bundle_id is not null)),
  check (total_amount = list_amount - discount_amount + tax_amount)
);
create index order_items_order_idx on public.order_items (order_id, position);
create index order_items_course_idx on public.order_items (course_id);
create index order_items_bundle_idx on public.order_items (bundle_id);

create table public.coupon_redemptions (
  id uuid primary key default gen_random_uuid(),
  coupon_id uuid not null references public.coupons (id) on delete restrict,
  order_id uuid not null unique references public.orders (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  status text not null default 'held' check (status in ('held', 'redeemed', 'released')),
  held_until timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index coupon_redemptions_coupon_idx on public.coupon_redemptions (coupon_id, status);
create index coupon_redemptions_user_idx on public.coupon_redemptions (user_id);

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  provider text not null check (provider in ('local', 'stripe')),
  status text not null default 'pending'
    check (status in ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded')),
  amount integer not null check (amount >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  method text not null check (method in ('card', 'paypal', 'stripe_checkout')),
  gateway_session_id text check (char_length(gateway_session_id) <= 255),
  gateway_payment_id text check (char_length(gateway_payment_id) <= 255),
  failure_code text check (char_length(failure_code) <= 100),
  failure_message text check (char_length(failure_message) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payments_order_idx on public.payments (order_id);

-- One row per provider event id, written first in the transaction that acts on it: a second
-- delivery of the same event finds it and changes nothing.
create table public.payment_events (
  id text primary key check (char_length(id) between 1 and 255),
  type text not null check (char_length(type) between 1 and 100),
  order_id uuid references public.orders (id) on delete set null,
  outcome text not null check (outcome in ('fulfilled', 'mismatch', 'failed', 'ignored')),
  received_at timestamptz not null default now()
);
create index payment_events_order_idx on public.payment_events (order_id);

create table public.refunds (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  payment_id uuid not null references public.payments (id) on delete cascade,
  amount integer not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null default '' check (char_length(reason) <= 1000),
  kind text not null check (kind in ('admin', 'learner')),
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  requested_by uuid references public.profiles (id) on delete set null,
  gateway_refund_id text check (char_length(gateway_refund_id) <= 255),
  credit_note_id uuid,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
create index refunds_order_idx on public.refunds (order_id);
create index refunds_payment_idx on public.refunds (payment_id);
create index refunds_requested_by_idx on public.refunds (requested_by);
create index refunds_credit_note_idx on public.refunds (credit_note_id);
-- A provider's refund is recorded once (refund_order answers the recorded one on a retry).
create unique index refunds_gateway_refund_idx on public.refunds (gateway_refund_id) where gateway_refund_id is not null;

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  number text not null unique check (number ~ '^(INV|CN)-[0-9]{4}-[0-9]{4}-[0-9]{3,}$'),
  kind text not null check (kind in ('invoice', 'credit_note')),
  order_id uuid not null references public.orders (id) on delete cascade,
  refund_id uuid references public.refunds (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete restrict,
  company_id uuid references public.companies (id) on delete set null,
  -- {name, email, company}: who was billed, as they were when the document was issued
  bill_to jsonb not null check (jsonb_typeof(bill_to) = 'object'),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- [{description, quantity, unitAmount, discount, tax, total}]
  lines jsonb not null check (jsonb_typeof(lines) = 'array'),
  subtotal integer not null check (subtotal >= 0),
  discount integer not null default 0 check (discount >= 0),
  tax integer not null default 0 check (tax >= 0),
  total integer not null check (total >= 0),
  issued_at timestamptz not null default now(),
  check ((kind = 'credit_note') = (refund_id is not null)),
  check (left(number, 3) = case kind when 'invoice' then 'INV' else 'CN-' end),
  check (total = subtotal - discount + tax)
);
create index invoices_order_idx on public.invoices (order_id);
create unique index invoices_one_per_order_idx on public.invoices (order_id, kind) where kind = 'invoice';
create index invoices_refund_idx on public.invoices (refund_id);
create index invoices_user_idx on public.invoices (user_id, issued_at desc);
create index invoices_company_idx on public.invoices (company_id);

alter table public.refunds
  add constraint refunds_credit_note_fkey foreign key (credit_note_id) references public.invoices (id) on delete set null;

-- Seats a company bought in a course (a bundle gives seats in each of its courses). Seats are
-- assigned to members later; a full refund revokes the ones not assigned.
create table public.seat_purchases (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id) on delete cascade,
  order_id uuid not null references public.orders (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete restrict,
  seats integer not null check (seats between 1 and 10000),
  seats_revoked integer not null default 0 check (seats_revoked >= 0 and seats_revoked <= seats),
  created_at timestamptz not null default now(),
  unique (order_id, course_id)
);
create index seat_purchases_company_idx on public.seat_purchases (company_id, course_id);
create index seat_purchases_course_idx on public.seat_purchases (course_id);

create table public.demo_requests (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  email text not null check (char_length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+$'),
  company text not null check (char_length(company) between 1 and 200),
  team_size integer not null check (team_size between 1 and 1000000),
  message text not null default '' check (char_length(message) <= 5000),
  created_at timestamptz not null default now()
);
create index demo_requests_created_idx on public.demo_requests (created_at desc);

-- Document numbers per kind and UTC day. Private: only the definer functions read or write it.
create table private.invoice_counters (
  kind text not null check (kind in ('invoice', 'credit_note')),
  day date not null,
  last integer not null check (last > 0),
  primary key (kind, day)
);
revoke all on private.invoice_counters from public, anon, authenticated;
alter table private.invoice_counters enable row level security;

-- The mail outbox: off Supabase the compat layer (supabase/compat/10_embedded_outbox.sql) has
-- already made it and the dev outbox page reads it; on Supabase this creates the same table, for
-- a sender to drain. Receipts are written here in the fulfilling transaction, so a receipt is
-- queued exactly when the order is paid.
create table if not exists private.mail_outbox (
  id bigint generated always as identity primary key,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  kind text not null default 'other',
  created_at timestamptz not null default now()
);
revoke all on private.mail_outbox from public, anon, authenticated;
alter table private.mail_outbox enable row level security;

create trigger bundles_touch before update on public.bundles
  for each row execute function private.touch_updated_at();
create trigger orders_touch before update on public.orders
  for each row execute function private.touch_updated_at();
create trigger coupon_redemptions_touch before update on public.coupon_redemptions
  for each row execute function private.touch_updated_at();
create trigger payments_touch before update on public.payments
  for each row execute function private.touch_updated_at();

-- What the public catalog shows now includes bundles and their rules: changes bump its version
-- (20261123000200_catalog_version.sql), so no cached answer outlives them.
create trigger bundles_bump_catalog_version after insert or update or delete or truncate on public.bundles
  for each statement execute function private.bump_catalog_version();
create trigger bundle_courses_bump_catalog_version after insert or update or delete or truncate on public.bundle_courses
  for each statement execute function private.bump_catalog_version();
create trigger pricing_rules_bump_catalog_version after insert or update or delete or truncate on public.pricing_rules
  for each statement execute function private.bump_catalog_version();

-- The courses of one bundle share its currency (a bundle is priced in one currency).
create function private.check_bundle_currency() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (
    select 1
    from public.bundle_courses bc
    join public.bundles b on b.id = bc.bundle_id
    join public.courses c on c.id = bc.course_id
    where bc.bundle_id = new.bundle_id and c.price_currency <> b.currency
  ) then
    raise exception 'the courses of a bundle share its currency' using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger bundle_courses_check_currency after insert or update on public.bundle_courses
  for each row execute function private.check_bundle_currency();

create function private.check_bundle_currency_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (
    select 1 from public.bundle_courses bc join public.courses c on c.id = bc.course_id
    where bc.bundle_id = new.id and c.price_currency <> new.currency
  ) then
    raise exception 'the courses of a bundle share its currency' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger bundles_check_currency before update of currency on public.bundles
  for each row when (new.currency is distinct from old.currency)
  execute function private.check_bundle_currency_change();

-- ---------------------------------------------------------------------------
-- Set-based helpers for the policies (once per statement, see 20261123000100)

-- Published bundles: anyone reads them, their courses and their rules.
create function private.published_bundle_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select b.id from public.bundles b where b.status = 'published'
$$;

-- Orders the caller may read: their own, and those of the companies they administer.
create function private.my_order_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.orders o where o.user_id = (select auth.uid())
  union
  select o.id
  from public.company_members m
  join public.orders o on o.company_id = m.company_id
  where m.user_id = (select auth.uid()) and m.role = 'admin'
$$;

grant execute on function private.published_bundle_ids() to anon, authenticated;
grant execute on function private.my_order_ids() to authenticated;

-- ---------------------------------------------------------------------------
-- Privileges: nothing by default, then per verb

revoke all on public.bundles, public.bundle_courses, public.pricing_rules, public.coupons, public.tax_rates,
  public.orders, public.order_items, public.coupon_redemptions, public.payments, public.payment_events,
  public.refunds, public.invoices, public.seat_purchases, public.demo_requests
  from anon, authenticated;

grant select on public.bundles, public.bundle_courses, public.pricing_rules, public.tax_rates to anon, authenticated;
grant insert, update, delete on public.bundles, public.bundle_courses, public.pricing_rules, public.tax_rates
  to authenticated;
grant select, insert, update, delete on public.coupons to authenticated;
-- Read-only for every request role: definer functions write these.
grant select on public.orders, public.order_items, public.coupon_redemptions, public.payments,
  public.payment_events, public.refunds, public.invoices, public.seat_purchases, public.demo_requests
  to authenticated;

-- ---------------------------------------------------------------------------
-- Row-level security

alter table public.bundles enable row level security;
alter table public.bundle_courses enable row level security;
alter table public.pricing_rules enable row level security;
alter table public.coupons enable row level security;
alter table public.tax_rates enable row level security;
alter table public.orders enable row level security;
alter table public.order_items enable row level security;
alter table public.coupon_redemptions enable row level security;
alter table public.payments enable row level security;
alter table public.payment_events enable row level security;
alter table public.refunds enable row level security;
alter table public.invoices enable row level security;
alter table public.seat_purchases enable row level security;
alter table public.demo_requests enable row level security;

-- bundles
create policy "visitors read published bundles"
  on public.bundles for select to anon
  using (status = 'published');
create policy "users read published bundles; admins read all"
  on public.bundles for select to authenticated
  using (status = 'published' or (select private.is_admin()));
create policy "admins create bundles"
  on public.bundles for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update bundles"
  on public.bundles for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete bundles"
  on public.bundles for delete to authenticated
  using ((select private.is_admin()));

-- bundle_courses
create policy "visitors read the courses of published bundles"
  on public.bundle_courses for select to anon
  using (bundle_id in (select private.published_bundle_ids()));
create policy "users read the courses of published bundles; admins read all"
  on public.bundle_courses for select to authenticated
  using ((select private.is_admin()) or bundle_id in (select private.published_bundle_ids()));
create policy "admins add courses to bundles"
  on public.bundle_courses for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins change bundle courses"
  on public.bundle_courses for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins remove courses from bundles"
  on public.bundle_courses for delete to authenticated
  using ((select private.is_admin()));

-- pricing_rules
create policy "visitors read active rules of the cart, seats and published bundles"
  on public.pricing_rules for select to anon
  using (active and (bundle_id is null or bundle_id in (select private.published_bundle_ids())));
create policy "users read active rules on sale; admins read all"
  on public.pricing_rules for select to authenticated
  using (
    (select private.is_admin())
    or (active and (bundle_id is null or bundle_id in (select private.published_bundle_ids())))
  );
create policy "admins create pricing rules"
  on public.pricing_rules for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update pricing rules"
  on public.pricing_rules for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete pricing rules"
  on public.pricing_rules for delete to authenticated
  using ((select private.is_admin()));

-- coupons (anon has no grant)
create policy "admins read coupons"
  on public.coupons for select to authenticated
  using ((select private.is_admin()));
create policy "admins create coupons"
  on public.coupons for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update coupons"
  on public.coupons for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete coupons"
  on public.coupons for delete to authenticated
  using ((select private.is_admin()));

-- tax_rates
create policy "visitors read tax rates not yet ended"
  on public.tax_rates for select to anon
  using (effective_to is null or effective_to >= current_date);
create policy "users read tax rates not yet ended; admins read all"
  on public.tax_rates for select to authenticated
  using (effective_to is null or effective_to >= current_date or (select private.is_admin()));
create policy "admins create tax rates"
  on public.tax_rates for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins update tax rates"
  on public.tax_rates for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete tax rates"
  on public.tax_rates for delete to authenticated
  using ((select private.is_admin()));

-- orders and what hangs off them: read-only (no write grant), by buyer, company admin, admin
create policy "buyers read their orders, company admins their company's, admins all"
  on public.orders for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or company_id in (select private.my_admin_company_ids())
  );
create policy "readers of an order read its items"
  on public.order_items for select to authenticated
  using ((select private.is_admin()) or order_id in (select private.my_order_ids()));
create policy "readers of an order read its coupon use"
  on public.coupon_redemptions for select to authenticated
  using ((select private.is_admin()) or order_id in (select private.my_order_ids()));
create policy "readers of an order read its payments"
  on public.payments for select to authenticated
  using ((select private.is_admin()) or order_id in (select private.my_order_ids()));
create policy "readers of an order read its refunds"
  on public.refunds for select to authenticated
  using ((select private.is_admin()) or order_id in (select private.my_order_ids()));
create policy "buyers read their invoices, company admins their company's, admins all"
  on public.invoices for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or company_id in (select private.my_admin_company_ids())
  );
create policy "company admins read their company's seats; admins read all"
  on public.seat_purchases for select to authenticated
  using ((select private.is_admin()) or company_id in (select private.my_admin_company_ids()));
create policy "admins read payment events"
  on public.payment_events for select to authenticated
  using ((select private.is_admin()));
create policy "admins read demo requests"
  on public.demo_requests for select to authenticated
  using ((select private.is_admin()));

-- ---------------------------------------------------------------------------
-- Small pure helpers of the definer functions (owner-only: no grants)

-- An ISO 8601 UTC timestamp with milliseconds, as the API answers (edge/contract isoDateTime).
create function private.iso_time(ts timestamptz) returns text
language sql immutable set search_path = ''
as $$
  select pg_catalog.to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- An amount for people ("USD 129.00", "JPY 1200"), in integer arithmetic.
create function private.format_money(amount bigint, currency text) returns text
language sql immutable set search_path = ''
as $$
  select currency || ' ' || case
    when currency in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV',
                      'XAF', 'XOF', 'XPF')
      then amount::text
    else (amount / 100)::text || '.' || pg_catalog.lpad((amount % 100)::text, 2, '0')
  end
$$;

-- The next document number of `doc_kind` for today (UTC): INV-2026-1122-001, CN-2026-1122-001.
-- The counter row is locked until the transaction ends, so numbers are sequential per day.
create function private.next_document_number(doc_kind text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  today date := (now() at time zone 'UTC')::date;
  n integer;
begin
  insert into private.invoice_counters as ic (kind, day, last) values (doc_kind, today, 1)
    on conflict (kind, day) do update set last = ic.last + 1
    returning ic.last into n;
  return case doc_kind when 'invoice' then 'INV' else 'CN' end
    || '-' || pg_catalog.to_char(today, 'YYYY') || '-' || pg_catalog.to_char(today, 'MMDD')
    || '-' || case when n < 1000 then pg_catalog.lpad(n::text, 3, '0') else n::text end;
end
$$;

-- Uses of a coupon that count against its limits: redeemed ones and unexpired holds, other than
-- `except_order`'s. With `buyer`, only that buyer's.
create function private.coupon_uses(coupon uuid, buyer uuid, except_order uuid) returns integer
language sql stable security definer set search_path = ''
as $$
  select count(*)::int
  from public.coupon_redemptions r
  where r.coupon_id = coupon
    and (r.status = 'redeemed' or (r.status = 'held' and r.held_until > now()))
    and (buyer is null or r.user_id = buyer)
    and (except_order is null or r.order_id <> except_order)
$$;

-- ---------------------------------------------------------------------------
-- The pricing engine's input (edge/pricing PricingCatalog): the courses asked for and those of
-- the bundles asked for, the bundles with their course ids, the active rules that may apply, the
-- coupon with its uses, and the tax rate in effect for the buyer's country (and region).
-- Items not found are absent; unpublished ones say published = false.

create function private.commerce_catalog(
  course_ids uuid[], bundle_ids uuid[], coupon_code text, buyer uuid, buyer_country text, buyer_region text
) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  wanted_bundles uuid[] := coalesce(bundle_ids, '{}');
  wanted_courses uuid[];
  wanted_code text := upper(btrim(coalesce(coupon_code, '')));
  today date := (now() at time zone 'UTC')::date;
begin
  select coalesce(array_agg(distinct x.id), '{}') into wanted_courses
  from (
    select unnest(coalesce(course_ids, '{}')) as id
    union all
    select bc.course_id from public.bundle_courses bc where bc.bundle_id = any(wanted_bundles)
  ) x;

  return jsonb_build_object(
    'courses', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id, 'slug', c.slug, 'title', c.title, 'priceAmount', c.price_amount,
        'currency', c.price_currency::text, 'published', c.status = 'published') order by c.id)
      from public.courses c where c.id = any(wanted_courses)), '[]'::jsonb),
    'bundles', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', b.id, 'slug', b.slug, 'title', b.title, 'currency', b.currency::text,
        'published', b.status = 'published',
        'courseIds', coalesce((
          select jsonb_agg(bc.course_id order by bc.position, bc.course_id)
          from public.bundle_courses bc where bc.bundle_id = b.id), '[]'::jsonb)) order by b.id)
      from public.bundles b where b.id = any(wanted_bundles)), '[]'::jsonb),
    'rules', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', r.id, 'scope', r.scope, 'bundleId', r.bundle_id, 'minQuantity', r.min_quantity,
        'percentBps', r.percent_bps) order by r.id)
      from public.pricing_rules r
      where r.active and (r.scope in ('cart', 'seats') or r.bundle_id = any(wanted_bundles))), '[]'::jsonb),
    'coupon', (
      select jsonb_build_object(
        'id', k.id, 'code', k.code, 'label', k.label, 'kind', k.kind, 'percentBps', k.percent_bps,
        'amountOff', k.amount_off, 'currency', k.currency::text, 'scope', k.scope, 'courseId', k.course_id,
        'bundleId', k.bundle_id, 'startsAt', private.iso_time(k.starts_at),
        'expiresAt', private.iso_time(k.expires_at), 'maxRedemptions', k.max_redemptions,
        'perUserLimit', k.per_user_limit, 'minSubtotal', k.min_subtotal, 'active', k.active,
        'used', private.coupon_uses(k.id, null, null),
        'usedByBuyer', case when buyer is null then 0 else private.coupon_uses(k.id, buyer, null) end)
      from public.coupons k where wanted_code <> '' and k.code = wanted_code),
    'taxRate', (
      select jsonb_build_object(
        'id', t.id, 'country', t.country::text, 'region', t.region, 'kind', t.kind, 'label', t.label,
        'rateBps', t.rate_bps)
      from public.tax_rates t
      where t.country = upper(btrim(buyer_country))
        and (t.region is null or upper(t.region) = upper(btrim(buyer_region)))
        and t.effective_from <= today and (t.effective_to is null or t.effective_to >= today)
      order by t.region is not null desc, t.effective_from desc, t.id
      limit 1)
  );
end
$$;

-- ---------------------------------------------------------------------------
-- create_order(buyer, idempotency key, order): one order, its items, a pending payment and the
-- coupon hold, in one transaction. The same key for the same buyer answers the same order
-- ({order_id, created: false}), whatever else the call carries.
--
-- `order_input` (camelCase, built by the data API from the engine's quote, never by a client):
--   quote        the engine's output (edge/contract/checkout.ts Quote), stored as is; its lines
--                become the items, its totals the order's, its coupon code the coupon held
--   seats        optional, 1..10000; default the quote lines' seats
--   corporate    optional boolean: a corporate purchase even with one seat
--   companyId    optional: the company a corporate order buys for (the buyer must administer it)
--   companyName  optional: the company to create when the order is paid (a buyer who administers none)
--   country, region  optional: the buyer's, as priced
--   provider     'local' | 'stripe' (default 'local');  method 'card' | 'paypal' | 'stripe_checkout' (default 'card')
--   expiresAt    optional ISO timestamp, 5 minutes to 24 hours ahead; default 30 minutes
-- Kind: corporate when asked, seats > 1 or a company is given; else bundle when a line is a
-- bundle; else single. A corporate order without a company uses the buyer's administered
-- company (the oldest), else needs companyName.
-- Raises (SQLSTATE P0001, the code as message): coupon_invalid, coupon_expired, coupon_exhausted,
-- company_required, company_forbidden; 22023 invalid_order for a quote that does not add up.

create function private.create_order(buyer uuid, idem_key text, order_input jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  q jsonb := order_input -> 'quote';
  existing uuid;
  new_order uuid;
  line jsonb;
  n_lines integer;
  order_seats integer;
  order_kind text;
  order_currency text;
  want_company uuid := nullif(order_input ->> 'companyId', '')::uuid;
  want_company_name text := nullif(btrim(coalesce(order_input ->> 'companyName', '')), '');
  corporate boolean;
  expiry timestamptz := coalesce((order_input ->> 'expiresAt')::timestamptz, now() + interval '30 minutes');
  coupon public.coupons;
  want_code text := q -> 'coupon' ->> 'code';
  sum_list bigint;
  sum_discount bigint;
  sum_tax bigint;
  sum_total bigint;
begin
  if buyer is null or idem_key is null or char_length(idem_key) not between 1 and 200 then
    raise exception 'invalid_order' using errcode = '22023', detail = 'a buyer and an idempotency key of 1..200 characters';
  end if;
  select o.id into existing from public.orders o where o.user_id = buyer and o.idempotency_key = idem_key;
  if existing is not null then
    return jsonb_build_object('order_id', existing, 'created', false);
  end if;

  -- The quote must add up: lines, then totals (the engine guarantees it; this keeps a bug out).
  if q is null or jsonb_typeof(q) <> 'object' or jsonb_typeof(q -> 'lines') <> 'array' then
    raise exception 'invalid_order' using errcode = '22023', detail = 'order.quote with lines is required';
  end if;
  n_lines := jsonb_array_length(q -> 'lines');
  order_currency := q ->> 'currency';
  if n_lines = 0 or n_lines > 50 or order_currency is null or order_currency !~ '^[A-Z]{3}$' then
    raise exception 'invalid_order' using errcode = '22023', detail = 'one to 50 lines in one currency';
  end if;
  select sum((l ->> 'listAmount')::bigint), sum((l ->> 'ruleDiscount')::bigint + (l ->> 'couponDiscount')::bigint),
         sum((l ->> 'taxAmount')::bigint), sum((l ->> 'totalAmount')::bigint),
         max((l ->> 'seats')::int)
    into sum_list, sum_discount, sum_tax, sum_total, order_seats
  from jsonb_array_elements(q -> 'lines') l;
  if exists (
    select 1 from jsonb_array_elements(q -> 'lines') l
    where l ->> 'kind' not in ('course', 'bundle')
       or (l ->> 'listAmount')::bigint <> (l ->> 'unitAmount')::bigint * (l ->> 'seats')::int
       or (l ->> 'netAmount')::bigint
          <> (l ->> 'listAmount')::bigint - (l ->> 'ruleDiscount')::bigint - (l ->> 'couponDiscount')::bigint
       or (l ->> 'totalAmount')::bigint <> (l ->> 'netAmount')::bigint + (l ->> 'taxAmount')::bigint
       or least((l ->> 'netAmount')::bigint, (l ->> 'taxAmount')::bigint, (l ->> 'ruleDiscount')::bigint,
                (l ->> 'couponDiscount')::bigint) < 0
  ) or sum_list <> (q ->> 'subtotal')::bigint or sum_discount <> (q ->> 'discount')::bigint
     or sum_tax <> (q ->> 'tax')::bigint or sum_total <> (q ->> 'total')::bigint
     or (q ->> 'total')::bigint <> (q ->> 'subtotal')::bigint - (q ->> 'discount')::bigint + (q ->> 'tax')::bigint then
    raise exception 'invalid_order' using errcode = '22023', detail = 'the quote''s lines and totals do not add up';
  end if;
  order_seats := coalesce((order_input ->> 'seats')::int, order_seats, 1);
  if order_seats not between 1 and 10000 then
    raise exception 'invalid_order' using errcode = '22023', detail = 'seats must be 1..10000';
  end if;
  if expiry < now() + interval '5 minutes' or expiry > now() + interval '24 hours' then
    raise exception 'invalid_order' using errcode = '22023', detail = 'expiresAt must be 5 minutes to 24 hours ahead';
  end if;

  corporate := coalesce((order_input ->> 'corporate')::boolean, false) or order_seats > 1
    or want_company is not null or want_company_name is not null;
  order_kind := case
    when corporate then 'corporate'
    when exists (select 1 from jsonb_array_elements(q -> 'lines') l where l ->> 'kind' = 'bundle') then 'bundle'
    else 'single' end;
  if corporate then
    if want_company is not null then
      if not exists (
        select 1 from public.company_members m
        where m.company_id = want_company and m.user_id = buyer and m.role = 'admin'
      ) then
        raise exception 'company_forbidden' using errcode = 'P0001', detail = 'the buyer does not administer this company';
      end if;
      want_company_name := null;
    elsif want_company_name is null then
      select m.company_id into want_company
      from public.company_members m join public.companies c on c.id = m.company_id
      where m.user_id = buyer and m.role = 'admin'
      order by c.created_at, c.id limit 1;
      if want_company is null then
        raise exception 'company_required' using errcode = 'P0001', detail = 'a corporate purchase needs a company name';
      end if;
    end if;
  else
    want_company := null;
    want_company_name := null;
  end if;

  -- The coupon: locked, so orders carrying it are created one at a time, each seeing the others' holds.
  if want_code is not null then
    select * into coupon from public.coupons k where k.code = upper(want_code) for update;
    if not found then
      raise exception 'coupon_invalid' using errcode = 'P0001';
    end if;
    -- A retry that waited for the lock finds the order its twin created.
    select o.id into existing from public.orders o where o.user_id = buyer and o.idempotency_key = idem_key;
    if existing is not null then
      return jsonb_build_object('order_id', existing, 'created', false);
    end if;
    if not coupon.active then
      raise exception 'coupon_invalid' using errcode = 'P0001';
    end if;
    if (coupon.starts_at is not null and now() < coupon.starts_at)
       or (coupon.expires_at is not null and now() >= coupon.expires_at) then
      raise exception 'coupon_expired' using errcode = 'P0001';
    end if;
    if coupon.max_redemptions is not null
       and private.coupon_uses(coupon.id, null, null) >= coupon.max_redemptions then
      raise exception 'coupon_exhausted' using errcode = 'P0001';
    end if;
    if coupon.per_user_limit is not null
       and private.coupon_uses(coupon.id, buyer, null) >= coupon.per_user_limit then
      raise exception 'coupon_invalid' using errcode = 'P0001', detail = 'per-user limit reached';
    end if;
  end if;

  insert into public.orders (user_id, company_id, company_name, kind, currency, subtotal, discount, tax, total,
                             seats, coupon_id, country, region, quote, provider, method, idempotency_key, expires_at)
  values (buyer, want_company, want_company_name, order_kind, order_currency, (q ->> 'subtotal')::int,
          (q ->> 'discount')::int, (q ->> 'tax')::int, (q ->> 'total')::int, order_seats, coupon.id,
          nullif(upper(btrim(coalesce(order_input ->> 'country', ''))), ''),
          nullif(btrim(coalesce(order_input ->> 'region', '')), ''), q,
          coalesce(order_input ->> 'provider', 'local'), coalesce(order_input ->> 'method', 'card'), idem_key, expiry)
  on conflict (user_id, idempotency_key) do nothing
  returning id into new_order;
  if new_order is null then
    select o.id into existing from public.orders o where o.user_id = buyer and o.idempotency_key = idem_key;
    return jsonb_build_object('order_id', existing, 'created', false);
  end if;

  insert into public.order_items (order_id, position, kind, course_id, bundle_id, course_ids, title, seats,
                                  unit_amount, list_amount, discount_amount, tax_amount, total_amount)
  select new_order, l.i::int, l.v ->> 'kind',
         case when l.v ->> 'kind' = 'course' then (l.v ->> 'id')::uuid end,
         case when l.v ->> 'kind' = 'bundle' then (l.v ->> 'id')::uuid end,
         case when l.v ->> 'kind' = 'course' then array[(l.v ->> 'id')::uuid]
              else array(select bc.course_id from public.bundle_courses bc
                         where bc.bundle_id = (l.v ->> 'id')::uuid order by bc.position, bc.course_id) end,
         left(coalesce(nullif(l.v ->> 'title', ''), 'Item'), 300), (l.v ->> 'seats')::int,
         (l.v ->> 'unitAmount')::int, (l.v ->> 'listAmount')::int,
         (l.v ->> 'ruleDiscount')::int + (l.v ->> 'couponDiscount')::int,
         (l.v ->> 'taxAmount')::int, (l.v ->> 'totalAmount')::int
  from jsonb_array_elements(q -> 'lines') with ordinality as l(v, i);

  insert into public.payments (order_id, provider, status, amount, currency, method)
  select o.id, o.provider, 'pending', o.total, o.currency, o.method from public.orders o where o.id = new_order;

  if coupon.id is not null then
    insert into public.coupon_redemptions (coupon_id, order_id, user_id, status, held_until)
    values (coupon.id, new_order, buyer, 'held', expiry);
  end if;

  return jsonb_build_object('order_id', new_order, 'created', true);
end
$$;

-- The provider's checkout session of a pending order (a retried checkout may replace it).
create function private.set_checkout_session(order_ref uuid, session_id text) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.orders set checkout_session_id = session_id
  where id = order_ref and status = 'pending' and checkout_session_id is distinct from session_id;
  update public.payments set gateway_session_id = session_id
  where order_id = order_ref and status = 'pending' and gateway_session_id is distinct from session_id;
  return exists (select 1 from public.orders o where o.id = order_ref and o.checkout_session_id = session_id);
end
$$;

-- What a payment provider needs to charge an order, by id or by checkout session id; null when
-- there is no such order.
create function private.order_for_payment(order_ref uuid, session_id text) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id, 'userId', o.user_id, 'buyerEmail', p.email, 'kind', o.kind, 'status', o.status,
    'currency', o.currency::text, 'subtotal', o.subtotal, 'discount', o.discount, 'tax', o.tax, 'total', o.total,
    'seats', o.seats, 'provider', o.provider, 'method', o.method, 'checkoutSessionId', o.checkout_session_id,
    'expiresAt', private.iso_time(o.expires_at), 'createdAt', private.iso_time(o.created_at),
    'lines', coalesce((
      select jsonb_agg(jsonb_build_object('title', i.title, 'seats', i.seats, 'totalAmount', i.total_amount)
                       order by i.position)
      from public.order_items i where i.order_id = o.id), '[]'::jsonb))
  from public.orders o
  join public.profiles p on p.id = o.user_id
  where (order_ref is not null and o.id = order_ref)
     or (order_ref is null and session_id is not null and o.checkout_session_id = session_id)
  limit 1
$$;

-- ---------------------------------------------------------------------------
-- Fulfilment: the paid order's effects, in the caller's transaction (record_payment_event's).
-- Owner-only: called by name from record_payment_event alone.

create function private.fulfil_order(order_ref uuid, gateway_payment text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.orders;
  buyer public.profiles;
  company uuid;
  company_label text;
  courses uuid[];
  doc_number text;
  money_total text;
  summary text;
  mail_body text;
begin
  select * into o from public.orders where id = order_ref;
  select * into buyer from public.profiles where id = o.user_id;

  update public.orders set status = 'paid', paid_at = now() where id = o.id;
  update public.payments
    set status = 'succeeded', gateway_payment_id = coalesce(gateway_payment, gateway_payment_id),
        failure_code = null, failure_message = null
    where order_id = o.id;
  update public.coupon_redemptions set status = 'redeemed', held_until = now() where order_id = o.id;

  select coalesce(array_agg(distinct c), '{}') into courses
  from public.order_items i cross join unnest(i.course_ids) c
  where i.order_id = o.id;

  if o.kind = 'corporate' then
    company := o.company_id;
    if company is null then
      insert into public.companies (slug, name)
      values (
        coalesce(nullif(left(trim(both '-' from regexp_replace(lower(o.company_name), '[^a-z0-9]+', '-', 'g')), 60), ''),
                 'company') || '-' || left(replace(o.id::text, '-', ''), 8),
        o.company_name)
      returning id into company;
      update public.orders set company_id = company where id = o.id;
    end if;
    insert into public.company_members (company_id, user_id, role) values (company, o.user_id, 'admin')
      on conflict (company_id, user_id) do nothing;
    insert into public.seat_purchases (company_id, order_id, course_id, seats)
      select company, o.id, c, o.seats from unnest(courses) c
      on conflict (order_id, course_id) do nothing;
    select c.name into company_label from public.companies c where c.id = company;
  else
    insert into public.enrollments (user_id, course_id, source)
      select o.user_id, c, 'purchase' from unnest(courses) c
      on conflict (user_id, course_id) do update set status = 'active', source = 'purchase'
        where public.enrollments.status = 'cancelled';
    perform private.recompute_enrollment(o.user_id, c) from unnest(courses) c;
  end if;

  doc_number := private.next_document_number('invoice');
  insert into public.invoices (number, kind, order_id, user_id, company_id, bill_to, currency, lines,
                               subtotal, discount, tax, total)
  select doc_number, 'invoice', o.id, o.user_id, company,
         jsonb_build_object(
           'name', coalesce(nullif(btrim(buyer.first_name || ' ' || buyer.last_name), ''), buyer.email),
           'email', buyer.email, 'company', company_label),
         o.currency,
         coalesce(jsonb_agg(jsonb_build_object(
           'description', i.title, 'quantity', i.seats, 'unitAmount', i.unit_amount,
           'discount', i.discount_amount, 'tax', i.tax_amount, 'total', i.total_amount) order by i.position),
           '[]'::jsonb),
         o.subtotal, o.discount, o.tax, o.total
  from public.order_items i where i.order_id = o.id;

  money_total := private.format_money(o.total, o.currency);
  select string_agg(i.title || case when i.seats > 1 then ' (' || i.seats || ' seats)' else '' end, ', '
                    order by i.position)
    into summary from public.order_items i where i.order_id = o.id;

  select 'Thank you for your purchase.' || E'\n\n'
      || 'Invoice ' || doc_number || E'\n' || 'Order ' || o.id || E'\n\n'
      || string_agg(i.title || ' x ' || i.seats || ': ' || private.format_money(i.total_amount, o.currency), E'\n'
                    order by i.position) || E'\n\n'
      || 'Subtotal: ' || private.format_money(o.subtotal, o.currency) || E'\n'
      || 'Discount: ' || private.format_money(o.discount, o.currency) || E'\n'
      || 'Tax: ' || private.format_money(o.tax, o.currency) || E'\n'
      || 'Total paid: ' || money_total || E'\n\n'
      || 'Your orders and invoices: /orders/' || o.id || E'\n'
    into mail_body
  from public.order_items i where i.order_id = o.id;

  insert into private.mail_outbox (to_address, subject, text_body, kind)
  values (buyer.email, 'Your receipt ' || doc_number, mail_body, 'receipt');

  insert into public.notifications (user_id, kind, title, body, link)
  values (o.user_id, 'system', 'Payment received',
          left('We received ' || money_total || ' for ' || summary || '. Invoice ' || doc_number || '.', 2000),
          '/orders/' || o.id);
end
$$;

-- ---------------------------------------------------------------------------
-- record_payment_event: one provider event, exactly once. `event_kind` is the data API's reading
-- of the verified event (edge/payments): 'paid' fulfils, 'failed' fails; anything else is kept
-- as 'ignored'. Outcomes:
--   'duplicate'  the event id was seen before: nothing changes
--   'fulfilled'  a pending (or failed or expired) order whose amount and currency match: paid,
--                enrollments (or seats, the company and its admin for corporate), coupon
--                redeemed, invoice, receipt mail, notification
--   'mismatch'   amount or currency differ, or the expired order's coupon use was taken by then:
--                nothing changes but the event row
--   'failed'     a failure event for an unpaid order: failed (or expired: failure code 'expired'),
--                hold released, no enrollment
--   'ignored'    no such order, another kind of event, or anything for an order already paid
--                (a late failure after paid changes nothing)
-- `failure` is {code, message} for failure events.

create function private.record_payment_event(
  event_ref text, event_kind text, order_ref uuid, paid_amount integer, paid_currency text,
  gateway_payment text, failure jsonb
) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.orders;
  hold public.coupon_redemptions;
  coupon public.coupons;
  result text := 'ignored';
  kind_of text := coalesce(event_kind, '');
  fail_code text := left(nullif(failure ->> 'code', ''), 100);
begin
  if event_ref is null or char_length(event_ref) not between 1 and 255 then
    raise exception 'invalid_event' using errcode = '22023', detail = 'an event id of 1..255 characters';
  end if;
  insert into public.payment_events (id, type, outcome)
    values (event_ref, left(coalesce(nullif(event_kind, ''), 'unknown'), 100), 'ignored')
    on conflict (id) do nothing;
  if not found then
    return 'duplicate';
  end if;

  if order_ref is not null then
    select * into o from public.orders where id = order_ref for update;
  end if;

  if o.id is null or kind_of not in ('paid', 'failed') then
    result := 'ignored';
  elsif kind_of = 'paid' then
    if o.status not in ('pending', 'failed', 'expired') then
      result := 'ignored';
    elsif paid_amount is distinct from o.total or upper(paid_currency) is distinct from o.currency::text then
      result := 'mismatch';
    else
      result := 'fulfilled';
      -- A hold that lapsed (released, or past held_until) is taken again only if the coupon
      -- still has room: max_redemptions is never exceeded.
      select * into hold from public.coupon_redemptions where order_id = o.id;
      if hold.id is not null and (hold.status = 'released' or (hold.status = 'held' and hold.held_until <= now())) then
        select * into coupon from public.coupons where id = hold.coupon_id for update;
        if coupon.max_redemptions is not null
           and private.coupon_uses(coupon.id, null, o.id) >= coupon.max_redemptions then
          result := 'mismatch';
        end if;
      end if;
      if result = 'fulfilled' then
        perform private.fulfil_order(o.id, gateway_payment);
      end if;
    end if;
  else
    if o.status in ('pending', 'failed', 'expired') then
      update public.orders set status = case when fail_code = 'expired' then 'expired' else 'failed' end
        where id = o.id;
      update public.payments
        set status = 'failed', gateway_payment_id = coalesce(gateway_payment, gateway_payment_id),
            failure_code = coalesce(fail_code, 'payment_failed'),
            failure_message = left(coalesce(nullif(failure ->> 'message', ''), 'The payment failed.'), 1000)
        where order_id = o.id;
      update public.coupon_redemptions set status = 'released' where order_id = o.id and status = 'held';
      result := 'failed';
    else
      result := 'ignored';
    end if;
  end if;

  update public.payment_events set outcome = result, order_id = o.id where id = event_ref;
  return result;
end
$$;

-- Pending orders whose checkout expired by `cutoff`: expired, their payment failed ('expired'),
-- their coupon hold released. Returns how many.
create function private.expire_orders(cutoff timestamptz) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  n integer;
begin
  with expired as (
    update public.orders set status = 'expired'
    where status = 'pending' and expires_at <= cutoff
    returning id
  ), released as (
    update public.coupon_redemptions set status = 'released'
    where order_id in (select id from expired) and status = 'held'
    returning 1
  ), failed as (
    update public.payments
      set status = 'failed', failure_code = 'expired', failure_message = 'The checkout expired before payment.'
    where order_id in (select id from expired) and status = 'pending'
    returning 1
  )
  select count(*)::int into n from expired;
  return n;
end
$$;

-- ---------------------------------------------------------------------------
-- refund_order: records a refund the provider made (or that needs no provider), with its credit
-- note. `refund_amount` null refunds the rest. A refund that brings the order to its total is
-- full: the order's enrollments are cancelled (unless another paid order of the buyer grants the
-- course too), or for corporate orders the unassigned seats revoked. A partial refund is money
-- only. The same gateway_refund_id again answers the refund already recorded (a retry changes
-- nothing). Raises P0001 not_refundable (not paid), refund_amount_invalid (not 1..the rest); P0002
-- order_not_found. The learner policy (window, progress) is the API's to check before.

create function private.refund_order(
  order_ref uuid, refund_amount integer, refund_reason text, refund_kind text, requester uuid,
  gateway_refund text
) returns public.refunds
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.orders;
  buyer public.profiles;
  pay public.payments;
  r public.refunds;
  sp public.seat_purchases;
  refunded bigint;
  to_refund integer;
  note_id uuid;
  full_refund boolean;
  tax_part integer;
  free_seats bigint;
  doc_number text;
  company_label text;
  courses uuid[];
begin
  select * into o from public.orders where id = order_ref for update;
  if not found then
    raise exception 'order_not_found' using errcode = 'P0002';
  end if;
  if gateway_refund is not null then
    select * into r from public.refunds x where x.gateway_refund_id = gateway_refund;
    if r.id is not null then
      if r.order_id <> o.id then
        raise exception 'invalid_refund' using errcode = '22023', detail = 'that provider refund belongs to another order';
      end if;
      return r;
    end if;
  end if;
  if o.status not in ('paid', 'partially_refunded') then
    raise exception 'not_refundable' using errcode = 'P0001', detail = 'only a paid order is refunded';
  end if;
  if refund_kind is null or refund_kind not in ('admin', 'learner') then
    raise exception 'invalid_refund' using errcode = '22023', detail = 'kind is admin or learner';
  end if;
  select coalesce(sum(x.amount), 0) into refunded from public.refunds x
    where x.order_id = o.id and x.status = 'succeeded';
  to_refund := coalesce(refund_amount, o.total - refunded);
  if to_refund <= 0 or to_refund > o.total - refunded then
    raise exception 'refund_amount_invalid' using errcode = 'P0001',
      detail = 'a refund is 1 to ' || (o.total - refunded) || ' (minor units)';
  end if;
  select * into pay from public.payments p
    where p.order_id = o.id and p.status in ('succeeded', 'partially_refunded')
    order by p.created_at desc limit 1;
  if pay.id is null then
    raise exception 'not_refundable' using errcode = 'P0001', detail = 'no successful payment';
  end if;
  full_refund := refunded + to_refund = o.total;

  insert into public.refunds (order_id, payment_id, amount, currency, reason, kind, status, requested_by,
                              gateway_refund_id, processed_at)
  values (o.id, pay.id, to_refund, o.currency, left(coalesce(refund_reason, ''), 1000), refund_kind, 'succeeded',
          requester, gateway_refund, now())
  returning * into r;

  update public.orders set status = case when full_refund then 'refunded' else 'partially_refunded' end
    where id = o.id;
  update public.payments set status = case when full_refund then 'refunded' else 'partially_refunded' end
    where id = pay.id;

  if full_refund then
    select coalesce(array_agg(distinct c), '{}') into courses
    from public.order_items i cross join unnest(i.course_ids) c where i.order_id = o.id;
    if o.kind = 'corporate' then
      -- Seats not assigned are revoked: what the company holds in the course beyond its members'
      -- company enrollments, at most this purchase's remaining seats.
      for sp in select * from public.seat_purchases s where s.order_id = o.id order by s.course_id loop
        select coalesce(sum(s.seats - s.seats_revoked), 0)
               - (select count(*) from public.enrollments e
                  join public.company_members m on m.user_id = e.user_id and m.company_id = sp.company_id
                  where e.course_id = sp.course_id and e.source = 'company' and e.status <> 'cancelled')
          into free_seats
        from public.seat_purchases s where s.company_id = sp.company_id and s.course_id = sp.course_id;
        update public.seat_purchases
          set seats_revoked = seats_revoked + least(seats - seats_revoked, greatest(free_seats, 0))::int
          where id = sp.id;
      end loop;
    else
      update public.enrollments e set status = 'cancelled'
      where e.user_id = o.user_id and e.course_id = any(courses) and e.source = 'purchase'
        and e.status <> 'cancelled'
        and not exists (
          select 1 from public.orders o2 join public.order_items i2 on i2.order_id = o2.id
          where o2.user_id = o.user_id and o2.id <> o.id and o2.kind <> 'corporate'
            and o2.status in ('paid', 'partially_refunded') and e.course_id = any(i2.course_ids));
    end if;
  end if;

  select * into buyer from public.profiles where id = o.user_id;
  select c.name into company_label from public.companies c where c.id = o.company_id;
  doc_number := private.next_document_number('credit_note');
  if to_refund = o.total then
    insert into public.invoices (number, kind, order_id, refund_id, user_id, company_id, bill_to, currency, lines,
                                 subtotal, discount, tax, total)
    select doc_number, 'credit_note', o.id, r.id, o.user_id, o.company_id,
           jsonb_build_object(
             'name', coalesce(nullif(btrim(buyer.first_name || ' ' || buyer.last_name), ''), buyer.email),
             'email', buyer.email, 'company', company_label),
           o.currency,
           coalesce(jsonb_agg(jsonb_build_object(
             'description', i.title, 'quantity', i.seats, 'unitAmount', i.unit_amount,
             'discount', i.discount_amount, 'tax', i.tax_amount, 'total', i.total_amount) order by i.position),
             '[]'::jsonb),
           o.subtotal, o.discount, o.tax, o.total
    from public.order_items i where i.order_id = o.id
    returning id into note_id;
  else
    -- The refunded share of the order's tax, half-up: to_refund * tax / total.
    tax_part := ((to_refund::bigint * o.tax * 2 + o.total) / (2 * o.total))::int;
    insert into public.invoices (number, kind, order_id, refund_id, user_id, company_id, bill_to, currency, lines,
                                 subtotal, discount, tax, total)
    values (doc_number, 'credit_note', o.id, r.id, o.user_id, o.company_id,
            jsonb_build_object(
              'name', coalesce(nullif(btrim(buyer.first_name || ' ' || buyer.last_name), ''), buyer.email),
              'email', buyer.email, 'company', company_label),
            o.currency,
            jsonb_build_array(jsonb_build_object(
              'description', left('Refund' || coalesce(': ' || nullif(btrim(refund_reason), ''), ''), 300),
              'quantity', 1, 'unitAmount', to_refund - tax_part, 'discount', 0, 'tax', tax_part, 'total', to_refund)),
            to_refund - tax_part, 0, tax_part, to_refund)
    returning id into note_id;
  end if;
  update public.refunds set credit_note_id = note_id where id = r.id returning * into r;

  insert into private.mail_outbox (to_address, subject, text_body, kind)
  values (buyer.email, 'Your refund, credit note ' || doc_number,
          'We refunded ' || private.format_money(to_refund, o.currency) || ' for order ' || o.id || '.' || E'\n\n'
            || 'Credit note ' || doc_number || E'\n'
            || 'Your orders and invoices: /orders/' || o.id || E'\n',
          'refund');
  insert into public.notifications (user_id, kind, title, body, link)
  values (o.user_id, 'system', 'Refund issued',
          'We refunded ' || private.format_money(to_refund, o.currency) || '. Credit note ' || doc_number || '.',
          '/orders/' || o.id);
  return r;
end
$$;

-- A "Request a demo" lead from the company packages page.
create function private.create_demo_request(
  lead_name text, lead_email text, lead_company text, lead_team_size integer, lead_message text
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.demo_requests (name, email, company, team_size, message)
  values (btrim(lead_name), btrim(lead_email), btrim(lead_company), lead_team_size, coalesce(lead_message, ''))
  returning id
$$;

-- ---------------------------------------------------------------------------
-- Execute: nothing for PUBLIC; the commerce functions for service_role only; the pure helpers
-- and the trigger functions for nobody (the owner calls them).

revoke execute on function
  private.check_bundle_currency(), private.check_bundle_currency_change(),
  private.published_bundle_ids(), private.my_order_ids(),
  private.iso_time(timestamptz), private.format_money(bigint, text), private.next_document_number(text),
  private.coupon_uses(uuid, uuid, uuid),
  private.commerce_catalog(uuid[], uuid[], text, uuid, text, text),
  private.create_order(uuid, text, jsonb),
  private.set_checkout_session(uuid, text),
  private.order_for_payment(uuid, text),
  private.fulfil_order(uuid, text),
  private.record_payment_event(text, text, uuid, integer, text, text, jsonb),
  private.expire_orders(timestamptz),
  private.refund_order(uuid, integer, text, text, uuid, text),
  private.create_demo_request(text, text, text, integer, text)
  from public;
grant execute on function private.published_bundle_ids() to anon, authenticated;
grant execute on function private.my_order_ids() to authenticated;
grant execute on function
  private.commerce_catalog(uuid[], uuid[], text, uuid, text, text),
  private.create_order(uuid, text, jsonb),
  private.set_checkout_session(uuid, text),
  private.order_for_payment(uuid, text),
  private.record_payment_event(text, text, uuid, integer, text, text, jsonb),
  private.expire_orders(timestamptz),
  private.refund_order(uuid, integer, text, text, uuid, text),
  private.create_demo_request(text, text, text, integer, text)
  to service_role;
