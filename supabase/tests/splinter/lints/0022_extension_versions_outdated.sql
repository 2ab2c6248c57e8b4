-- 0022 extension_versions_outdated (WARN, SECURITY): an installed extension older than the
-- default version the server ships.
select
  'extension_versions_outdated' as name,
  'WARN' as level,
  format('Extension %I is at version %s; %s is available.', e.name, e.installed_version, e.default_version) as detail,
  format('alter extension %I update;', e.name) as remediation,
  jsonb_build_object('name', e.name, 'type', 'extension') as metadata
from pg_catalog.pg_available_extensions e
where e.installed_version is not null
  and e.default_version is not null
  and e.installed_version <> e.default_version
