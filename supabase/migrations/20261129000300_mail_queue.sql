-- Mail (issue 13, Communication part 1): docs/mail.md.
--
-- The queue itself is pg-boss, in schema pgboss, created and migrated by pg-boss when the Node
-- host starts (server/mail/queue.ts), which then revokes every privilege on it from public, anon,
-- authenticated and service_role: no request role can read or write the queue.
--
-- Here: what the data API needs to mail a receipt after a paid order commits. The payment webhook
-- runs as service_role, which has no table privileges, so the paid order's invoice is read
-- through one definer function.

-- The invoice of a paid order, with the address it was billed to (the buyer's profile email when
-- the invoice kept none). No row for an order without an invoice.
create function private.order_receipt(target uuid)
returns table (
  number text,
  order_id uuid,
  email text,
  currency text,
  total integer,
  lines jsonb,
  issued_at timestamptz
)
language sql stable security definer set search_path = ''
as $$
  select i.number, i.order_id, coalesce(nullif(i.bill_to->>'email', ''), p.email), i.currency::text, i.total,
         i.lines, i.issued_at
  from public.invoices i
  left join public.profiles p on p.id = i.user_id
  where i.order_id = target and i.kind = 'invoice'
$$;
revoke execute on function private.order_receipt(uuid) from public, anon, authenticated;
grant execute on function private.order_receipt(uuid) to service_role;
