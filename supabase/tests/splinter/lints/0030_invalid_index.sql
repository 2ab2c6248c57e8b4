-- 0030 invalid_index (WARN, PERFORMANCE): an index left invalid (a failed concurrent build); the
-- planner ignores it, writes still maintain it.
select
  'invalid_index' as name,
  'WARN' as level,
  format('Index %I on table %I.%I is invalid and is not used by the query planner.', ic.relname, n.nspname, tc.relname)
    as detail,
  format('drop index %I.%I; then create it again.', n.nspname, ic.relname) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', tc.relname, 'type', 'table', 'index_name', ic.relname) as metadata
from pg_catalog.pg_index i
join pg_catalog.pg_class ic on ic.oid = i.indexrelid
join pg_catalog.pg_class tc on tc.oid = i.indrelid
join pg_catalog.pg_namespace n on n.oid = tc.relnamespace
where not i.indisvalid
  and i.indisready
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_stat_progress_create_index s where s.index_relid = ic.oid)
