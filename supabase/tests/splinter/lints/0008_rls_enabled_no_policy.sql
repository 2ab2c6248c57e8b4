-- 0008 rls_enabled_no_policy (INFO, SECURITY): RLS on but no policy, so no API role reads a row.
select
  'rls_enabled_no_policy' as name,
  'INFO' as level,
  format('Table %I.%I has RLS enabled, but no policies exist.', n.nspname, c.relname) as detail,
  'Add a policy per role and action, or say why the table is deny-all.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table') as metadata
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'r'
  and c.relrowsecurity
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
