-- 0021 fkey_to_auth_unique (ERROR, SECURITY): a foreign key to a unique constraint of the auth
-- schema other than its primary key; Supabase Auth may change those constraints.
select
  'fkey_to_auth_unique' as name,
  'ERROR' as level,
  format('Table %I.%I has a foreign key %I referencing an auth unique constraint.', n.nspname, c.relname, k.conname)
    as detail,
  'Reference the primary key (auth.users.id) instead, or drop the foreign key.' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table', 'fkey_name', k.conname) as metadata
from pg_catalog.pg_constraint k
join pg_catalog.pg_class c on c.oid = k.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_class ref on ref.oid = k.confrelid and ref.relnamespace = 'auth'::regnamespace
join pg_catalog.pg_index i on i.indexrelid = k.conindid
where k.contype = 'f'
  and i.indisunique
  and not i.indisprimary
