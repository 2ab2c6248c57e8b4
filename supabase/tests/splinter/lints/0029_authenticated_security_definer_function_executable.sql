-- 0029 authenticated_security_definer_function_executable (WARN, SECURITY): a security definer function
-- (it bypasses RLS) that authenticated may execute.
select
  'authenticated_security_definer_function_executable' as name,
  'WARN' as level,
  format('SECURITY DEFINER function %I.%I(%s) is executable by the authenticated role.', n.nspname, p.proname,
         pg_catalog.pg_get_function_identity_arguments(p.oid)) as detail,
  format('revoke execute on function %I.%I(%s) from public, authenticated; or make it security invoker.', n.nspname, p.proname,
         pg_catalog.pg_get_function_identity_arguments(p.oid)) as remediation,
  jsonb_build_object('schema', n.nspname, 'name', p.proname, 'type', 'function',
                     'arguments', pg_catalog.pg_get_function_identity_arguments(p.oid)) as metadata
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where p.prosecdef
  and pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE')
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
