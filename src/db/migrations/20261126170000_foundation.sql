-- Foundation: halls, catalogue, windows, people, devices, calendar, sessions,
-- the service log (R-31) and the per-hall event stream.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

create table halls (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  timezone text not null,
  opening_hours jsonb not null default '[]',
  hours_exceptions jsonb not null default '[]',
  address text,
  phone text,
  created_at timestamptz not null default now(),
  archived_at timestamptz
);

create table services (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  code text not null,
  name text not null,
  ticket_prefix text not null,
  kind text not null check (kind in ('immediate', 'promised')),
  statutory_days integer,
  promised_days integer,
  materials jsonb not null default '[]',
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
-- Codes and ticket prefixes are unique among a hall's live services; archived ones keep history.
create unique index services_hall_code_live on services (hall_id, code) where archived_at is null;
create unique index services_hall_prefix_live on services (hall_id, ticket_prefix) where archived_at is null;

create table windows (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  number integer not null,
  name text not null,
  status text not null default 'closed' check (status in ('closed', 'open', 'paused')),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create unique index windows_hall_number_live on windows (hall_id, number) where archived_at is null;

create table window_services (
  window_id uuid not null references windows(id),
  service_id uuid not null references services(id),
  primary key (window_id, service_id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  password_hash text not null,
  name text not null,
  role text not null check (role in ('admin', 'manager', 'staff', 'inspector')),
  hall_id uuid references halls(id),
  staff_number text,
  photo bytea,
  photo_type text,
  photo_version integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (role = 'admin' or hall_id is not null)
);
create unique index users_username on users (lower(username));

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- Fixed-window login throttle kept in the database so every server instance shares it.
create table login_attempts (
  key text primary key,
  window_start timestamptz not null,
  count integer not null
);

create table devices (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  kind text not null check (kind in ('kiosk', 'display', 'evaluator')),
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);

create table hall_calendars (
  hall_id uuid not null references halls(id),
  year integer not null,
  holidays jsonb not null default '[]',
  workdays jsonb not null default '[]',
  source text,
  updated_at timestamptz not null default now(),
  primary key (hall_id, year)
);

-- R-31 服务日志: append-only, hash-chained per chain (one chain per hall, plus 'global').
create table audit_chain_heads (
  chain text primary key,
  last_seq bigint not null,
  last_hash text not null
);

create table audit_log (
  id bigserial primary key,
  chain text not null,
  chain_seq bigint not null,
  hall_id uuid,
  at timestamptz not null,
  actor_type text not null check (actor_type in ('user', 'device', 'system')),
  actor_id text,
  actor_name text,
  action text not null,
  target_type text,
  target_id text,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null,
  unique (chain, chain_seq)
);
create index audit_log_hall on audit_log (hall_id, id desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- Per-hall event stream. Ids come from hall_event_counters under a row lock taken just
-- before commit, so a hall's ids are assigned in commit order: a reader that has seen id N
-- can never later find a committed id below N (see docs/ARCHITECTURE.md, "Events").
create table hall_event_counters (
  hall_id uuid primary key references halls(id),
  last_id bigint not null default 0
);

create table events (
  hall_id uuid not null references halls(id),
  id bigint not null,
  name text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  primary key (hall_id, id)
);
create index events_created on events (created_at);
