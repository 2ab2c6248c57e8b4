-- The corporate checkout buys for the company the buyer names, and only while they administer it.
-- Same signature, attributes and privileges as before (create or replace keeps the revoke from
-- PUBLIC and the grant to service_role of 20261123000900_commerce.sql).
--
-- private.create_order (20261123000900_commerce.sql, not redefined since) took a company admin's
-- membership without looking at company_members.status (20261125000200_company_learning.sql), so an
-- admin removed from a company could still buy seats for it: by naming it (order_input.companyId,
-- which POST /api/checkout now sends: the web app's "Buy more seats" links carry the company), or
-- by default, as the oldest company they had administered. Both lookups now take active admins
-- only (m.status = 'active'): a removed admin gets company_forbidden for a named company (403
-- company_forbidden from the API, no order row) and, with no other company, company_required.
-- Nothing else in the function changes.

create or replace function private.create_order(buyer uuid, idem_key text, order_input jsonb) returns jsonb
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
        where m.company_id = want_company and m.user_id = buyer and m.role = 'admin' and m.status = 'active'
      ) then
        raise exception 'company_forbidden' using errcode = 'P0001', detail = 'the buyer does not administer this company';
      end if;
      want_company_name := null;
    elsif want_company_name is null then
      select m.company_id into want_company
      from public.company_members m join public.companies c on c.id = m.company_id
      where m.user_id = buyer and m.role = 'admin' and m.status = 'active'
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
