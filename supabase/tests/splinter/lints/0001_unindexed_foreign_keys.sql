-- 0001 unindexed_foreign_keys (INFO, PERFORMANCE): a foreign key whose columns no valid index
-- starts with, so a delete or key update on the referenced table scans the referencing one.
select
  'unindexed_foreign_keys' as name,
  'INFO' as level,
  format('Table %I.%I has a foreign key %I without a covering index.', n.nspname, c.relname, k.conname) as detail,
  format('Create an index on %I.%I (%s).', n.nspname, c.relname,
         (select string_agg(quote_ident(a.attname), ', ' order by x.i)
          from unnest(k.conkey) with ordinality x(attnum, i)
          join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = x.attnum)) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table', 'fkey_name', k.conname) as metadata
from pg_catalog.pg_constraint k
join pg_catalog.pg_class c on c.oid = k.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where k.contype = 'f'
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
  -- covered: a valid index whose leading columns are exactly the key's columns
  and not exists (
    select 1 from pg_catalog.pg_index i
    where i.indrelid = c.oid and i.indisvalid
      and (string_to_array(i.indkey::text, ' ')::smallint[])[1:cardinality(k.conkey)] = k.conkey
  )
