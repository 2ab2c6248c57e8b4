-- 0030 rls_policy_null_auth_disjunct (WARN, SECURITY): a permissive read policy with a top-level
-- "auth.uid() is null or ..." disjunct, true for every session without that claim (anon).
-- Simplified: it looks for the null check as the first or an or-joined term of the USING clause.
with policies as (
  select p.schemaname, p.tablename, p.policyname, p.cmd, p.roles,
         regexp_replace(lower(coalesce(p.qual, '')), '\s', '', 'g') as q
  from pg_catalog.pg_policies p
  join pg_catalog.pg_class c on c.relname = p.tablename
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
  where c.relkind = 'r' and c.relrowsecurity and p.permissive = 'PERMISSIVE' and p.cmd in ('SELECT', 'ALL')
    and p.schemaname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
    and p.roles && array['public', 'anon', 'authenticated']::name[]
)
select
  'rls_policy_null_auth_disjunct' as name,
  'WARN' as level,
  format('Table %I.%I has a permissive policy %I for %s that is true whenever auth.uid() (or jwt, role) is NULL.',
         schemaname, tablename, policyname, cmd) as detail,
  'Remove the "is null" disjunct; anon gets its own policy (to anon) if it should read anything.' as remediation,
  jsonb_build_object('schema', schemaname, 'name', tablename, 'type', 'table', 'policy', policyname) as metadata
from policies
where q ~ '(^\(|or)\(*(\(selectauth\.(uid|jwt|role)\(\)as[a-z_]+\)|auth\.(uid|jwt|role)\(\))isnull\)*($|or)'
