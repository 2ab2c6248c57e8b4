-- 0011 function_search_path_mutable (WARN, SECURITY): a function without a pinned search_path,
-- which resolves names through whatever path its caller set.
select
  'function_search_path_mutable' as name,
  'WARN' as level,
  format('Function %I.%I(%s) has a role mutable search_path.', n.nspname, p.proname,
         pg_catalog.pg_get_function_identity_arguments(p.oid)) as detail,
  'Declare it with set search_path = '''' and schema-qualify every name in its body.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', p.proname, 'type', 'function',
                     'arguments', pg_catalog.pg_get_function_identity_arguments(p.oid)) as metadata
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = p.oid and d.deptype = 'e')
  and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) cfg where cfg like 'search_path=%')
