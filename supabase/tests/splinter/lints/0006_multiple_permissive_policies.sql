-- 0006 multiple_permissive_policies (WARN, PERFORMANCE): more than one permissive policy for one
-- role and one action on a table; Postgres evaluates every one of them for every row.
select
  'multiple_permissive_policies' as name,
  'WARN' as level,
  format('Table %I.%I has multiple permissive policies for role %s for action %s: %s',
         n.nspname, c.relname, r.rolname, a.cmd, string_agg(quote_ident(p.polname), ', ' order by p.polname)) as detail,
  'Merge them into one policy per role and action, combining the conditions with or.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table', 'role', r.rolname, 'action', a.cmd)
    as metadata
from pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_roles r on r.oid = any (p.polroles) or p.polroles = array[0::oid]
cross join lateral unnest(case p.polcmd
  when 'r' then array['SELECT'] when 'a' then array['INSERT'] when 'w' then array['UPDATE'] when 'd' then array['DELETE']
  else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) a(cmd)
where c.relkind = 'r'
  and p.polpermissive
  and n.nspname <> all ('{_timescaledb_internal,auth,cron,extensions,graphql,graphql_public,information_schema,net,pgmq,pgroonga,pgsodium,pgsodium_masks,pgtle,pgbouncer,pg_catalog,pg_toast,realtime,repack,storage,supabase_functions,supabase_migrations,tiger,topology,vault}'::text[])
  and r.rolname not like 'pg\_%'
  and r.rolname not like 'supabase%admin'
  and not r.rolbypassrls
  and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e')
group by n.nspname, c.relname, r.rolname, a.cmd
having count(*) > 1
