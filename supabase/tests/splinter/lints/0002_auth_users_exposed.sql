-- 0002 auth_users_exposed (ERROR, SECURITY): a view or materialized view over auth.users that anon
-- or authenticated may select, and that does not apply auth.users' RLS to its caller.
select distinct
  'auth_users_exposed' as name,
  'ERROR' as level,
  format('View %I.%I may expose auth.users to anon or authenticated.', n.nspname, v.relname) as detail,
  'Revoke select from anon and authenticated, or make it a security_invoker view over a table with RLS.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', v.relname, 'type', 'view') as metadata
from pg_catalog.pg_class u
join pg_catalog.pg_namespace un on un.oid = u.relnamespace and un.nspname = 'auth' and u.relname = 'users'
join pg_catalog.pg_depend d on d.refobjid = u.oid and d.deptype = 'n'
join pg_catalog.pg_rewrite r on r.oid = d.objid
join pg_catalog.pg_class v on v.oid = r.ev_class
join pg_catalog.pg_namespace n on n.oid = v.relnamespace
where v.oid <> u.oid
  and (pg_catalog.has_table_privilege('anon', v.oid, 'SELECT')
       or pg_catalog.has_table_privilege('authenticated', v.oid, 'SELECT'))
  and (v.relkind = 'm'
       or (v.relkind = 'v' and not coalesce(
             (select o.option_value::boolean from pg_catalog.pg_options_to_table(v.reloptions) o
              where o.option_name = 'security_invoker'), false))
       or (v.relkind = 'v' and not u.relrowsecurity))
