-- 0018 unsupported_reg_types (WARN, SECURITY): a column of a reg* type that stores oids, which
-- pg_upgrade cannot carry to a new major version.
select
  'unsupported_reg_types' as name,
  'WARN' as level,
  format('Table %I.%I has a column %I with unsupported reg* type %s.', n.nspname, c.relname, a.attname, t.typname)
    as detail,
  'Store the name as text instead (regclass, regrole and regtype are fine).' as remediation,
  jsonb_build_object('schema', n.nspname, 'name', c.relname, 'type', 'table', 'column', a.attname) as metadata
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type t on t.oid = a.atttypid and t.typnamespace = 'pg_catalog'::regnamespace
where t.typname in ('regcollation', 'regconfig', 'regdictionary', 'regnamespace', 'regoper', 'regoperator',
                    'regproc', 'regprocedure')
  and not a.attisdropped
  and n.nspname not in ('pg_catalog', 'information_schema', 'pgsodium')
