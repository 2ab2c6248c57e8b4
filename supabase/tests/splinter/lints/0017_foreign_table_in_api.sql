-- 0017 foreign_table_in_api (WARN, SECURITY): a foreign table (no RLS possible) that anon or
-- authenticated may select.
select
  'foreign_table_in_api' as name,
  'WARN' as level,
  format('Foreign table %I.%I is accessible to anon or authenticated.', n.nspname, c.relname) as detail,
  'Move it to a schema the API does not expose and read it through a function that checks the caller.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'foreign table') as metadata
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'f'
  and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
       or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
