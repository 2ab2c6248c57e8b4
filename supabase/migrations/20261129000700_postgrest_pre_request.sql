-- A suspended account's access tokens are refused by PostgREST too, not only by the data API
-- (docs/admin.md, "Suspension"). PostgREST calls its db_pre_request function in every request's
-- transaction, after setting the role and the JWT claims; private.assert_active_caller (20261128000100)
-- raises 'this account is suspended' (hint 401:account_suspended) for a suspended caller and passes
-- anyone else with one primary-key lookup. Supabase documents this setting on the authenticator
-- role; where that role does not exist (the embedded default has no PostgREST), nothing changes.

do $$
begin
  if exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticator') then
    alter role authenticator set pgrst.db_pre_request = 'private.assert_active_caller';
    notify pgrst, 'reload config';
  end if;
end
$$;
