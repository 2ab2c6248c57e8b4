-- Company learning (issue 11), two fixes found auditing it. Same signatures, attributes and
-- privileges as before (create or replace keeps the grants and revokes of the earlier migrations).
--
-- 1. A removed company admin read the company's order lines, payments, refunds and coupon uses.
--    20261125000200 made company membership count while active (status = 'active') in
--    my_company_ids, my_admin_company_ids and the company helpers, but private.my_order_ids
--    (20261123000900_commerce.sql: the orders of the caller's companies, for the policies of
--    order_items, payments, refunds and coupon_redemptions) still took any admin row, removed or
--    not; the orders and invoices themselves were already hidden (their policies use
--    my_admin_company_ids). Now a removed admin reads only the orders they bought themselves.
--
-- 2. An invitation's email may not hold control or invisible characters. private.is_valid_email
--    refused whitespace and punctuation but let through C0/C1 control characters (a BEL, an ESC),
--    zero-width characters and bidirectional overrides, so an import or an invitation could store
--    "ctl\x07@x.test" (mailed as is) or an address that shows as another one in the admin's
--    tables. Such rows now answer invalid_email (a 422 for one invitation). Open invitations stored
--    before are left as they are (revoking one frees its seats).

create or replace function private.my_order_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.orders o where o.user_id = (select auth.uid())
  union
  select o.id
  from public.company_members m
  join public.orders o on o.company_id = m.company_id
  where m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active'
$$;

create or replace function private.is_valid_email(email text) returns boolean
language sql immutable security definer set search_path = ''
as $$
  select email is not null and char_length(email) <= 254
     and email ~ '^[^@\s,;<>()"'']+@[^@\s,;<>()"'']+\.[^@\s,;<>()"''.][^@\s,;<>()"'']*$'
     and email !~ '[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]'
$$;
