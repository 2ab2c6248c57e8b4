-- 0010 security_definer_view (ERROR, SECURITY): a view anon or authenticated may select that runs
-- as its owner, so the RLS of the tables it reads does not apply to the caller.
select
  'security_definer_view' as name,
  'ERROR' as level,
  format('View %I.%I is SECURITY DEFINER.', n.nspname, c.relname) as detail,
  format('alter view %I.%I set (security_invoker = true);', n.nspname, c.relname) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'view') as metadata
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'v'
  and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
       or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
  and not coalesce((select o.option_value::boolean from pg_catalog.pg_options_to_table(c.reloptions) o
                    where o.option_name = 'security_invoker'), false)
