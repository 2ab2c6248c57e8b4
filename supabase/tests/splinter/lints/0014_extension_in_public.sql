-- 0014 extension_in_public (WARN, SECURITY): an extension installed in schema public, whose
-- objects then sit in the API's schema.
select
  'extension_in_public' as name,
  'WARN' as level,
  format('Extension %I is installed in the public schema.', e.extname) as detail,
  format('Move it to schema extensions: alter extension %I set schema extensions;', e.extname) as remediation,
  jsonb_build_object('schema', 'public', 'name', e.extname, 'type', 'extension') as metadata
from pg_catalog.pg_extension e
where e.extname <> 'plpgsql'
  and e.extnamespace = 'public'::regnamespace
