-- Company scoping of learner data (issue 11) and the seat count of a corporate refund.
--
-- 1. A company admin read every enrollment and lesson_progress row of every member of their
--    companies (private.my_company_learner_ids()), whatever the course: also courses an employee
--    bought or enrolled in privately. They now read them only for the (learner, course) pairs their
--    companies assigned: any company_assignments row with a user, active or ended, so the records
--    of unassigned and removed members stay in the reports. Profiles stay readable for members
--    (names and emails in reports). Quiz attempts, assignment and lab submissions and certificates
--    were never readable by company admins (company_report, a definer, shows assigned courses only).
-- 2. private.refund_order counted used seats as the members' company enrollments; since company
--    learning, used = active company_assignments (members and pending invitees). A full refund of
--    a corporate order now revokes only seats beyond the active assignments, under the company
--    row lock every seat function takes.
--
-- docs/company.md ("Learner data", "Seats") describes both.

-- ---------------------------------------------------------------------------
-- The (learner, course) pairs the caller's companies assigned, for the active admins of those
-- companies. Set-returning, computed once per statement; company_assignments_user_idx
-- (user_id, course_id) and company_assignments_invitation_idx (company_id, ...) serve it.

create function private.my_company_assigned_pairs() returns table (user_id uuid, course_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select distinct a.user_id, a.course_id
    from public.company_members me
    join public.company_assignments a on a.company_id = me.company_id
    where me.user_id = (select auth.uid()) and me.role = 'admin' and me.status = 'active'
      and a.user_id is not null;
end
$$;
revoke execute on function private.my_company_assigned_pairs() from public;
grant execute on function private.my_company_assigned_pairs() to authenticated;

-- ---------------------------------------------------------------------------
-- enrollments and lesson_progress: learners their own, course managers their courses', company
-- admins the assigned pairs, admins all.

drop policy "users read own enrollments, managers and company admins theirs" on public.enrollments;
create policy "users read own, managed and company-assigned enrollments"
  on public.enrollments for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
    or (user_id, course_id) in (select p.user_id, p.course_id from private.my_company_assigned_pairs() p)
  );

drop policy "users read own progress, managers and company admins theirs" on public.lesson_progress;
create policy "users read own, managed and company-assigned progress"
  on public.lesson_progress for select to authenticated
  using (
    (select private.is_admin())
    or user_id = (select auth.uid())
    or course_id in (select private.my_managed_course_ids())
    or (user_id, course_id) in (select p.user_id, p.course_id from private.my_company_assigned_pairs() p)
  );

-- ---------------------------------------------------------------------------
-- refund_order (20261123000900_commerce.sql), unchanged but for the seats a full corporate refund
-- revokes: free = pool - active assignments, taken under the company row lock.

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

revoke execute on function private.refund_order(uuid, integer, text, text, uuid, text) from public;
grant execute on function private.refund_order(uuid, integer, text, text, uuid, text) to service_role;
