-- Instructor payouts (issue 13, Commerce: payouts). docs/commerce.md ("Payouts") is the contract.
--
-- Revenue share: the platform keeps a share of each instructor's net revenue, in basis points
-- (3000 = 30%): public.payout_settings (one row) holds the platform's default, and
-- public.instructor_revenue_shares an instructor's override. Admins change them with
-- public.admin_set_revenue_share (audited).
--
-- Earnings of an instructor for a period [from, to] (UTC days, both included), per currency:
--   gross    the revenue before tax of their courses' order lines in orders paid in the period
--            (list - discount of each line, the coupon's part already allocated to the line; a
--            bundle line split over its courses by list price, private.allocate_bundle_amount)
--   refunds  the part of each succeeded refund processed in the period attributed to those lines:
--            line * refund / order total, half-up (the refund's tax part excluded), then split
--            over a bundle's courses as above. A refund counts in the period it was made, not
--            the period of the sale.
--   net      gross - refunds (may be negative in a period of refunds only)
--   platform_fee      net * share / 10000, rounded half away from zero
--   instructor_share  net - platform_fee
-- Money is integer minor units, one row per currency.
--
-- public.payouts: what was paid to an instructor for a closed period (the period's last day
-- before today, UTC), one currency. public.admin_record_payout records one as paid (audited);
-- it refuses a period overlapping an earlier payout of that instructor and currency (409). Nobody
-- writes payouts directly; a paid payout is never changed or deleted.
--
-- Who reads what: admins all; an instructor their own payouts and override; nobody else.

-- ---------------------------------------------------------------------------
-- Tables

create table public.payout_settings (
  -- One row only: the key is always true.
  id boolean primary key default true check (id),
  platform_share_bps integer not null default 3000 check (platform_share_bps between 0 and 10000),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
create index payout_settings_updated_by_idx on public.payout_settings (updated_by);
insert into public.payout_settings (platform_share_bps) values (3000);

create table public.instructor_revenue_shares (
  instructor_id uuid primary key references public.instructors (id) on delete cascade,
  platform_share_bps integer not null check (platform_share_bps between 0 and 10000),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
create index instructor_revenue_shares_updated_by_idx on public.instructor_revenue_shares (updated_by);

create table public.payouts (
  id uuid primary key default gen_random_uuid(),
  instructor_id uuid not null references public.instructors (id) on delete restrict,
  period_start date not null,
  period_end date not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  gross bigint not null,
  refunds bigint not null,
  platform_share_bps integer not null check (platform_share_bps between 0 and 10000),
  platform_fee bigint not null,
  amount bigint not null check (amount > 0),
  status text not null default 'pending' check (status in ('pending', 'paid')),
  paid_at timestamptz,
  reference text check (reference is null or char_length(reference) between 1 and 200),
  paid_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  check (period_end >= period_start),
  check ((status = 'paid') = (paid_at is not null)),
  check (status <> 'paid' or reference is not null),
  check (amount = gross - refunds - platform_fee)
);
create index payouts_instructor_idx on public.payouts (instructor_id, currency, period_start);
create index payouts_period_idx on public.payouts (period_start, period_end);
create index payouts_paid_by_idx on public.payouts (paid_by);

comment on table public.payout_settings is 'The platform''s default share of instructor revenue (basis points), one row.';
comment on table public.instructor_revenue_shares is 'An instructor''s own platform share, overriding the default.';
comment on table public.payouts is 'Money paid to an instructor for a closed period in one currency; never edited once paid.';

-- The earnings read orders by payment time and refunds by processing time.
create index orders_paid_at_idx on public.orders (paid_at) where paid_at is not null;
create index refunds_processed_at_idx on public.refunds (processed_at) where status = 'succeeded';

-- A paid payout is never changed or deleted, not even by the owner.
create function private.guard_paid_payout() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if old.status = 'paid' then
    raise exception 'a paid payout is never changed' using errcode = 'P0001', hint = '409:payout_paid';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function private.guard_paid_payout() from public, anon, authenticated;
create trigger payouts_guard before update or delete on public.payouts
  for each row execute function private.guard_paid_payout();

-- ---------------------------------------------------------------------------
-- Privileges and row-level security: reads only; every write is a definer function below.

revoke all on public.payout_settings, public.instructor_revenue_shares, public.payouts from anon, authenticated;
grant select on public.payout_settings, public.instructor_revenue_shares, public.payouts to authenticated;

alter table public.payout_settings enable row level security;
alter table public.instructor_revenue_shares enable row level security;
alter table public.payouts enable row level security;

create policy "admins read the payout settings"
  on public.payout_settings for select to authenticated
  using ((select private.is_admin()));
create policy "instructors read their own revenue share; admins all"
  on public.instructor_revenue_shares for select to authenticated
  using (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()));
create policy "instructors read their own payouts; admins all"
  on public.payouts for select to authenticated
  using (instructor_id = (select private.my_instructor_id()) or (select private.is_admin()));

-- ---------------------------------------------------------------------------
-- Earnings

-- Per instructor, course and currency in [range_start, range_end): sales and refunds as described
-- at the top. Set-based: orders by paid_at, refunds by processed_at (the two indexes above).
create function private.period_course_earnings(range_start timestamptz, range_end timestamptz, only_instructor uuid)
returns table (instructor_id uuid, course_id uuid, currency text, gross bigint, refunds bigint)
language sql stable security definer set search_path = ''
as $$
  with moves as (
    select o.currency::text as currency, i.kind, i.course_id, i.course_ids,
           (i.list_amount - i.discount_amount)::bigint as sale, 0::bigint as refund
    from public.orders o
    join public.order_items i on i.order_id = o.id
    where o.paid_at >= range_start and o.paid_at < range_end
      and o.status in ('paid', 'partially_refunded', 'refunded')
    union all
    select o.currency::text, i.kind, i.course_id, i.course_ids, 0::bigint,
           ((i.list_amount - i.discount_amount)::bigint * r.amount * 2 + o.total) / (2 * o.total::bigint)
    from public.refunds r
    join public.orders o on o.id = r.order_id
    join public.order_items i on i.order_id = o.id
    where r.status = 'succeeded' and r.processed_at >= range_start and r.processed_at < range_end
      and o.total > 0
  ),
  per_course as (
    select m.currency, m.course_id, m.sale, m.refund from moves m where m.kind = 'course'
    union all
    select m.currency, a.course_id,
           case when m.refund = 0 then a.share else 0 end,
           case when m.refund = 0 then 0 else a.share end
    from moves m
    cross join lateral private.allocate_bundle_amount(m.sale + m.refund, m.course_ids) a
    where m.kind = 'bundle'
  )
  select c.instructor_id, p.course_id, p.currency, sum(p.sale)::bigint, sum(p.refund)::bigint
  from per_course p
  join public.courses c on c.id = p.course_id
  where only_instructor is null or c.instructor_id = only_instructor
  group by c.instructor_id, p.course_id, p.currency
$$;
revoke execute on function private.period_course_earnings(timestamptz, timestamptz, uuid) from public, anon, authenticated;

-- A period of UTC days: from <= to, at most 366 days (400:invalid_period).
create function private.check_payout_period(from_day date, to_day date) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if from_day is null or to_day is null or from_day > to_day or to_day - from_day > 365 then
    raise exception 'a period runs from a day to a later one, at most 366 days' using errcode = 'P0001',
      hint = '400:invalid_period';
  end if;
end
$$;
revoke execute on function private.check_payout_period(date, date) from public, anon, authenticated;

-- The platform's share for each instructor (their override, else the default).
create function private.platform_share_bps(instructor uuid) returns integer
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select s.platform_share_bps from public.instructor_revenue_shares s where s.instructor_id = instructor),
    (select p.platform_share_bps from public.payout_settings p where p.id),
    3000)
$$;
revoke execute on function private.platform_share_bps(uuid) from public, anon, authenticated;

-- Per instructor and currency for a period: the earnings split, what payouts overlapping the
-- period paid, and what is due (the instructor's share less that). Admins: every instructor with
-- sales, refunds or payouts in the period; an instructor: their own; anyone else 403.
create function public.payout_earnings(from_day date, to_day date)
returns table (
  instructor_id uuid, instructor_name text, currency text, gross bigint, refunds bigint, net bigint,
  platform_share_bps integer, platform_fee bigint, instructor_share bigint, paid bigint, due bigint
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  only_instructor uuid;
begin
  if me is null then
    raise exception 'sign in first' using errcode = '28000';
  end if;
  if not private.is_admin() then
    only_instructor := private.my_instructor_id();
    if only_instructor is null then
      raise exception 'only instructors and admins see earnings' using errcode = 'P0001', hint = '403:forbidden';
    end if;
  end if;
  perform private.check_payout_period(from_day, to_day);
  return query
    with earned as (
      select e.instructor_id, e.currency, sum(e.gross)::bigint as gross, sum(e.refunds)::bigint as refunds
      from private.period_course_earnings(
             from_day::timestamp at time zone 'UTC', (to_day + 1)::timestamp at time zone 'UTC', only_instructor) e
      group by e.instructor_id, e.currency
    ),
    paid_out as (
      select p.instructor_id, p.currency::text as currency, sum(p.amount)::bigint as paid
      from public.payouts p
      where p.status = 'paid' and p.period_start <= to_day and p.period_end >= from_day
        and (only_instructor is null or p.instructor_id = only_instructor)
      group by p.instructor_id, p.currency
    ),
    joined as (
      select coalesce(e.instructor_id, po.instructor_id) as instructor_id,
             coalesce(e.currency, po.currency) as currency,
             coalesce(e.gross, 0) as gross, coalesce(e.refunds, 0) as refunds, coalesce(po.paid, 0) as paid
      from earned e
      full join paid_out po on po.instructor_id = e.instructor_id and po.currency = e.currency
    ),
    split as (
      select j.*, (j.gross - j.refunds) as net, s.bps,
             round((j.gross - j.refunds)::numeric * s.bps / 10000)::bigint as fee
      from joined j
      cross join lateral (select private.platform_share_bps(j.instructor_id) as bps) s
    )
    select s.instructor_id, i.display_name, s.currency, s.gross, s.refunds, s.net, s.bps, s.fee,
           s.net - s.fee, s.paid, s.net - s.fee - s.paid
    from split s
    join public.instructors i on i.id = s.instructor_id
    order by s.net - s.fee desc, i.display_name, s.currency;
end
$$;
revoke execute on function public.payout_earnings(date, date) from public, anon;
grant execute on function public.payout_earnings(date, date) to authenticated;

-- ---------------------------------------------------------------------------
-- Admin actions (audited in the same transaction)

-- Records a paid payout of an instructor's share for a closed period in one currency, with the
-- transfer's reference. 409: the period is not over (period_open), overlaps a payout of that
-- instructor and currency (payout_overlap), or nothing is due (nothing_due).
create function public.admin_record_payout(
  instructor uuid, from_day date, to_day date, payout_currency text, payout_reference text
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := private.require_platform_admin();
  ref text := btrim(coalesce(payout_reference, ''));
  cur text := upper(btrim(coalesce(payout_currency, '')));
  g bigint;
  r bigint;
  bps integer;
  fee bigint;
  p public.payouts;
begin
  perform private.check_payout_period(from_day, to_day);
  if ref = '' or char_length(ref) > 200 then
    raise exception 'give the transfer''s reference (at most 200 characters)' using errcode = 'P0001',
      hint = '400:invalid_reference';
  end if;
  if cur !~ '^[A-Z]{3}$' then
    raise exception 'a currency is three letters' using errcode = 'P0001', hint = '400:invalid_currency';
  end if;
  if to_day >= (now() at time zone 'UTC')::date then
    raise exception 'the period is not over yet' using errcode = 'P0001', hint = '409:period_open';
  end if;
  -- One payout at a time per instructor: the overlap check below sees every earlier one.
  perform 1 from public.instructors i where i.id = instructor for update;
  if not found then
    raise exception 'instructor not found' using errcode = 'P0002';
  end if;
  if exists (
    select 1 from public.payouts x
    where x.instructor_id = instructor and x.currency = cur and x.period_start <= to_day and x.period_end >= from_day
  ) then
    raise exception 'a payout already covers part of this period' using errcode = 'P0001', hint = '409:payout_overlap';
  end if;
  select coalesce(sum(e.gross), 0), coalesce(sum(e.refunds), 0) into g, r
  from private.period_course_earnings(
         from_day::timestamp at time zone 'UTC', (to_day + 1)::timestamp at time zone 'UTC', instructor) e
  where e.currency = cur;
  bps := private.platform_share_bps(instructor);
  fee := round((g - r)::numeric * bps / 10000)::bigint;
  if g - r - fee <= 0 then
    raise exception 'nothing is due for this period' using errcode = 'P0001', hint = '409:nothing_due';
  end if;
  insert into public.payouts (instructor_id, period_start, period_end, currency, gross, refunds, platform_share_bps,
                              platform_fee, amount, status, paid_at, reference, paid_by)
  values (instructor, from_day, to_day, cur, g, r, bps, fee, g - r - fee, 'paid', now(), ref, me)
  returning * into p;
  perform private.audit('payout.mark_paid', 'payout', p.id, jsonb_build_object(
    'instructor_id', instructor, 'period_start', from_day, 'period_end', to_day, 'currency', cur,
    'amount', p.amount, 'reference', ref));
  return to_jsonb(p);
end
$$;
revoke execute on function public.admin_record_payout(uuid, date, date, text, text) from public, anon;
grant execute on function public.admin_record_payout(uuid, date, date, text, text) to authenticated;

-- Sets the platform's default share (instructor null) or an instructor's own (share null: back
-- to the default), in basis points 0..10000. Audited.
create function public.admin_set_revenue_share(instructor uuid, share_bps integer) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := private.require_platform_admin();
begin
  if share_bps is not null and share_bps not between 0 and 10000 then
    raise exception 'a share is 0 to 10000 basis points' using errcode = 'P0001', hint = '400:invalid_share';
  end if;
  if instructor is null then
    if share_bps is null then
      raise exception 'the platform''s share is required' using errcode = 'P0001', hint = '400:invalid_share';
    end if;
    update public.payout_settings s set platform_share_bps = share_bps, updated_at = now(), updated_by = me
    where s.id;
    perform private.audit('payout.share_change', 'platform', null, jsonb_build_object('share_bps', share_bps));
  else
    perform 1 from public.instructors i where i.id = instructor;
    if not found then
      raise exception 'instructor not found' using errcode = 'P0002';
    end if;
    if share_bps is null then
      delete from public.instructor_revenue_shares s where s.instructor_id = instructor;
    else
      insert into public.instructor_revenue_shares (instructor_id, platform_share_bps, updated_by)
      values (instructor, share_bps, me)
      on conflict on constraint instructor_revenue_shares_pkey do update
        set platform_share_bps = excluded.platform_share_bps, updated_at = now(), updated_by = me;
    end if;
    perform private.audit('payout.share_change', 'instructor', instructor, jsonb_build_object('share_bps', share_bps));
  end if;
  return jsonb_build_object('instructorId', instructor, 'shareBps', share_bps,
                            'effectiveBps', private.platform_share_bps(instructor));
end
$$;
revoke execute on function public.admin_set_revenue_share(uuid, integer) from public, anon;
grant execute on function public.admin_set_revenue_share(uuid, integer) to authenticated;
