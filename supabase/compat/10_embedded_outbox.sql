-- Embedded mode only: mail is not sent, it lands here and shows at the dev outbox page.
create schema if not exists private;
create table if not exists private.mail_outbox (
  id bigint generated always as identity primary key,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  kind text not null default 'other',
  created_at timestamptz not null default now()
);
revoke all on private.mail_outbox from public;
-- RLS on, no policy: only the host (the owner) reads or writes the outbox.
alter table private.mail_outbox enable row level security;
