-- 0009 duplicate_index (WARN, PERFORMANCE): two or more indexes with the same definition.
select
  'duplicate_index' as name,
  'WARN' as level,
  format('Table %I.%I has identical indexes %s.', n.nspname, c.relname,
         string_agg(quote_ident(i.indexname), ', ' order by i.indexname)) as detail,
  'Drop all but one of them.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table') as metadata
from pg_catalog.pg_indexes i
join pg_catalog.pg_namespace n on n.nspname = i.schemaname
join pg_catalog.pg_class c on c.relname = i.tablename and c.relnamespace = n.oid
where c.relkind in ('r', 'm')
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
group by n.nspname, c.relname, replace(i.indexdef, i.indexname, '')
having count(*) > 1
