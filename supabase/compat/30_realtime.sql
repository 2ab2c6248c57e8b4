-- The `realtime` schema as Supabase provides it, for the embedded Realtime service
-- (server/realtime). Applied only off Supabase, after 00_supabase_compat.sql; idempotent, it
-- runs on every boot. The policies on realtime.messages live in supabase/migrations and are
-- the same in both modes.
--
-- Off Supabase, a trigger NOTIFYs the host of every message a transaction commits
-- (realtime.send, realtime.broadcast_changes, or an insert as a user): the payload is the
-- row's id, the host reads the row, fans it out to the channels subscribed to its topic and
-- deletes it. Rows the host only probes (authorization) are rolled back: they never notify.

create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now()
);
create index if not exists messages_inserted_at_idx on realtime.messages (inserted_at);
alter table realtime.messages enable row level security;

grant select, insert, update on realtime.messages to anon, authenticated;
grant all on realtime.messages to service_role;

-- The channel topic the Realtime server is authorizing (set per transaction).
create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;

-- Broadcast from the database: a message for every channel subscribed to `topic` (private
-- channels when `private`). As on Supabase it runs as the caller, so the insert policy on
-- realtime.messages applies; a failure is a warning, never the caller's error.
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
set search_path = ''
as $$
begin
  begin
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (payload, event, topic, private, extension)
    values (payload, event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end
$$;

-- A row change as a broadcast, for triggers: the payload Supabase sends
-- ({operation, table, schema, record, old_record}).
create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
) returns void
language plpgsql
set search_path = ''
as $$
declare
  row_data jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation in ('INSERT', 'UPDATE', 'DELETE') then
    row_data := jsonb_build_object(
      'old_record', case when old is null then null else to_jsonb(old) end,
      'record', case when new is null then null else to_jsonb(new) end,
      'operation', operation, 'table', table_name, 'schema', table_schema
    );
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
exception when others then
  raise exception 'Failed to process the row: %', sqlerrm;
end
$$;

revoke execute on function realtime.topic() from public;
revoke execute on function realtime.send(jsonb, text, text, boolean) from public;
revoke execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) from public;
grant execute on function realtime.topic() to anon, authenticated, service_role;
grant execute on function realtime.send(jsonb, text, text, boolean) to anon, authenticated, service_role;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to anon, authenticated, service_role;

-- Wakes the embedded host (LISTEN lms_realtime) when a message commits. Owner-only.
create or replace function realtime.lms_notify_host() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('lms_realtime', new.id::text);
  return null;
end
$$;
revoke execute on function realtime.lms_notify_host() from public;

create or replace trigger messages_notify_host after insert on realtime.messages
  for each row execute function realtime.lms_notify_host();
