-- 0013 rls_disabled_in_public (ERROR, SECURITY): a table anon or authenticated may select with RLS
-- off: every row is readable through the API.
select
  'rls_disabled_in_public' as name,
  'ERROR' as level,
  format('Table %I.%I is public, but RLS has not been enabled.', n.nspname, c.relname) as detail,
  format('alter table %I.%I enable row level security; then add policies.', n.nspname, c.relname) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table') as metadata
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'r'
  and not c.relrowsecurity
  and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
       or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
