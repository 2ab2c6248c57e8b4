-- Order mail through the mail port (issue 13, Communication).
--
-- private.fulfil_order and private.refund_order wrote their receipt and credit-note mail straight
-- into private.mail_outbox, the embedded transport's table: with SMTP configured those mails never
-- went out, and in the embedded default a paid order showed two receipts (the data API also sent
-- one after commit). They now ask for the mail in the same transaction as the invoice or credit
-- note, as a private.mail_requests row (templates 'receipt' and 'credit_note'). The host drains
-- those requests into the pg-boss queue, renders them with edge/mail/templates and sends them over
-- SMTP or into the outbox (server/mail/requests.ts, order-mail.ts). The vars carry amounts in
-- minor units and the currency: the renderer formats money as invoices do.
--
-- Both functions are otherwise unchanged: fulfil_order from 20261123000900_commerce.sql,
-- refund_order from 20261125000300_company_scoping.sql.

create or replace function private.fulfil_order(order_ref uuid, gateway_payment text) returns void
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

  -- The receipt, rendered and sent by the host (server/mail/order-mail.ts).
  insert into private.mail_requests (user_id, template, vars)
  select o.user_id, 'receipt',
         jsonb_build_object(
           'orderId', o.id, 'invoiceNumber', doc_number, 'currency', o.currency, 'total', o.total,
           'paidAt', now(),
           'lines', coalesce(jsonb_agg(jsonb_build_object(
             'description', i.title, 'quantity', i.seats, 'total', i.total_amount) order by i.position), '[]'::jsonb))
  from public.order_items i where i.order_id = o.id;

  insert into public.notifications (user_id, kind, title, body, link)
  values (o.user_id, 'system', 'Payment received',
          left('We received ' || money_total || ' for ' || summary || '. Invoice ' || doc_number || '.', 2000),
          '/orders/' || o.id);
end
$$;

create or replace function private.refund_order(
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
      -- Seats not assigned are revoked: what the company holds in the course beyond its active
      -- assignments (members and pending invitees), at most this purchase's remaining seats. The
      -- company row is locked first, as every seat function does, so no assignment slips in between.
      perform 1 from public.companies c
        where c.id in (select s.company_id from public.seat_purchases s where s.order_id = o.id)
        order by c.id for update;
      for sp in select * from public.seat_purchases s where s.order_id = o.id order by s.course_id loop
        select coalesce(sum(s.seats - s.seats_revoked), 0)
               - (select count(*) from public.company_assignments a
                  where a.company_id = sp.company_id and a.course_id = sp.course_id and a.unassigned_at is null)
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

  -- The credit note, rendered and sent by the host (server/mail/order-mail.ts).
  insert into private.mail_requests (user_id, template, vars)
  select o.user_id, 'credit_note',
         jsonb_build_object(
           'orderId', o.id, 'creditNoteNumber', doc_number, 'currency', o.currency, 'amount', to_refund,
           'invoiceNumber', (select i.number from public.invoices i where i.order_id = o.id and i.kind = 'invoice'));
  insert into public.notifications (user_id, kind, title, body, link)
  values (o.user_id, 'system', 'Refund issued',
          'We refunded ' || private.format_money(to_refund, o.currency) || '. Credit note ' || doc_number || '.',
          '/orders/' || o.id);
  return r;
end
$$;

revoke execute on function private.refund_order(uuid, integer, text, text, uuid, text) from public;
grant execute on function private.refund_order(uuid, integer, text, text, uuid, text) to service_role;
