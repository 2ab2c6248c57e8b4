-- 0024 rls_policy_always_true (WARN, SECURITY): a permissive policy for anon, authenticated or
-- public whose UPDATE/DELETE USING, or whose WITH CHECK, lets every row through. SELECT with
-- USING (true) is left out, as splinter does: public reads are often deliberate.
with policies as (
  select p.schemaname, p.tablename, p.policyname, p.cmd, p.qual, p.with_check, p.roles,
         regexp_replace(lower(coalesce(p.qual, '')), '\s', '', 'g') as q,
         regexp_replace(lower(coalesce(p.with_check, '')), '\s', '', 'g') as w
  from pg_catalog.pg_policies p
  join pg_catalog.pg_class c on c.relname = p.tablename
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
  where c.relkind = 'r' and c.relrowsecurity and p.permissive = 'PERMISSIVE'
    and p.schemaname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
    and p.roles && array['public', 'anon', 'authenticated']::name[]
)
select
  'rls_policy_always_true' as name,
  'WARN' as level,
  format('Table %I.%I has a policy %I for %s that allows unrestricted access (roles %s).',
         schemaname, tablename, policyname, cmd, array_to_string(roles, ', ')) as detail,
  'Give the policy a real condition on the caller, such as (select auth.uid()) = user_id.' as remediation,
  jsonb_build_object('schema', schemaname, 'name', tablename, 'type', 'table', 'policy', policyname) as metadata
from policies
where (cmd in ('UPDATE', 'DELETE', 'ALL') and (q in ('true', '(true)', '1=1', '(1=1)') or qual is null))
   or w in ('true', '(true)', '1=1', '(1=1)')
   or (with_check is null and cmd = 'INSERT')
