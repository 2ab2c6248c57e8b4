-- 0003 auth_rls_initplan (WARN, PERFORMANCE): a policy calling auth.uid() / jwt() / role() /
-- email() bare, so it runs once per row instead of once per statement.
select
  'auth_rls_initplan' as name,
  'WARN' as level,
  format('Table %I.%I has a policy %I that re-evaluates an auth.<function>() for each row.',
         p.schemaname, p.tablename, p.policyname) as detail,
  'Write (select auth.uid()) instead of auth.uid() (the same for jwt, role, email): an InitPlan, once per statement.'
    as remediation,
  jsonb_build_object('schema', p.schemaname, 'name', p.tablename, 'type', 'table', 'policy', p.policyname) as metadata
from pg_catalog.pg_policies p
join pg_catalog.pg_class c on c.relname = p.tablename
join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
where c.relrowsecurity
  and p.schemaname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and exists (
    select 1 from unnest(array[p.qual, p.with_check]) e(expr), unnest(array['uid', 'jwt', 'role', 'email']) f(fn)
    where e.expr like '%auth.' || f.fn || '()%' and lower(e.expr) not like '%select auth.' || f.fn || '()%'
  )
