-- 0007 policy_exists_rls_disabled (ERROR, SECURITY): policies on a table whose RLS is off, so
-- none of them applies.
select
  'policy_exists_rls_disabled' as name,
  'ERROR' as level,
  format('Table %I.%I has RLS policies but RLS is not enabled: %s', n.nspname, c.relname,
         string_agg(quote_ident(p.polname), ', ' order by p.polname)) as detail,
  format('alter table %I.%I enable row level security;', n.nspname, c.relname) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table') as metadata
from pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'r'
  and not c.relrowsecurity
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
group by n.nspname, c.relname
