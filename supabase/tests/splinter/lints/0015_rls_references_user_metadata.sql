-- 0015 rls_references_user_metadata (ERROR, SECURITY): a policy that reads user_metadata from the
-- JWT, which every user can edit for themselves.
select
  'rls_references_user_metadata' as name,
  'ERROR' as level,
  format('Table %I.%I has a policy %I that references user_metadata, which end users can edit.',
         p.schemaname, p.tablename, p.policyname) as detail,
  'Keep roles and permissions in tables only admins or definer functions write (or in app_metadata).' as remediation,
  jsonb_build_object('schema', p.schemaname, 'name', p.tablename, 'type', 'table', 'policy', p.policyname) as metadata
from pg_catalog.pg_policies p
where p.schemaname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and exists (
    select 1 from unnest(array[p.qual, p.with_check]) e(expr)
    where e.expr like '%auth.jwt()%user_metadata%'
       or e.expr like '%current_setting(%request.jwt.claims%)%user_metadata%'
  )
