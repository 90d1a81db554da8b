-- Queue, windows at work, pauses, faults and alerts (R-01…R-10).

-- A hall's queue knobs (src/core/queue/policy.ts); empty means the defaults.
alter table halls add column queue_policy jsonb not null default '{}';
-- R-09: the hall's own opening checklist, [{id, label}]; null means the default 五个到位.
alter table halls add column opening_checklist jsonb;

-- Ticket numbers restart at 001 per prefix and hall-local day; the counter row is locked
-- while a number is taken so two kiosks never print the same number.
create table ticket_counters (
  hall_id uuid not null references halls(id),
  prefix text not null,
  service_day date not null,
  last_seq integer not null,
  primary key (hall_id, prefix, service_day)
);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  service_id uuid not null references services(id),
  number text not null,
  prefix text not null,
  seq integer not null,
  service_day date not null,
  priority text not null check (priority in ('normal', 'priority')),
  priority_reason text check (priority_reason in ('elderly', 'disabled', 'pregnant', 'military', 'urgent')),
  phone text,
  status text not null check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  placement text not null default 'normal' check (placement in ('normal', 'front', 'back')),
  bound_window_id uuid references windows(id),
  window_id uuid references windows(id),
  recalls integer not null default 0,
  rejoins integer not null default 0,
  issued_at timestamptz not null,
  queued_at timestamptz not null,
  called_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  outcome text check (outcome in ('done', 'notice_issued', 'refused', 'referred')),
  note text,
  track_token_hash text not null,
  issued_by_type text not null check (issued_by_type in ('user', 'device', 'system')),
  issued_by_id text,
  unique (hall_id, prefix, service_day, seq)
);
create index tickets_waiting on tickets (service_id, queued_at) where status = 'waiting';
create index tickets_hall_day on tickets (hall_id, service_day);
-- Recent service times per service, for wait estimates on every issue and queue screen.
create index tickets_done_by_service on tickets (service_id, ended_at desc) where status = 'done';
-- The invariant behind "never one ticket to two windows", from the other side: a window holds
-- at most one called or serving ticket.
create unique index tickets_one_per_window on tickets (window_id) where status in ('called', 'serving');

-- Every call and recall, for the board's recent calls, fairness (R-03) and reports.
create table ticket_calls (
  id bigserial primary key,
  hall_id uuid not null references halls(id),
  ticket_id uuid not null references tickets(id),
  window_id uuid not null references windows(id),
  service_id uuid not null references services(id),
  priority text not null,
  recall boolean not null,
  at timestamptz not null
);
create index ticket_calls_hall on ticket_calls (hall_id, id desc);
create index ticket_calls_service on ticket_calls (service_id, id desc);

-- A person signed in to a window (R-09), from open to close.
create table window_sessions (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  window_id uuid not null references windows(id),
  user_id uuid not null references users(id),
  opened_at timestamptz not null,
  late boolean not null default false,
  checklist jsonb not null,
  closed_at timestamptz,
  closed_by uuid references users(id),
  close_override_reason text
);
create unique index window_sessions_open on window_sessions (window_id) where closed_at is null;

-- Pauses (R-05) with their reason; an equipment pause is also a fault (R-07).
create table window_pauses (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  window_id uuid not null references windows(id),
  session_id uuid references window_sessions(id),
  reason text not null check (reason in ('handover', 'equipment', 'break', 'other')),
  note text,
  started_at timestamptz not null,
  ended_at timestamptz,
  overdue_alerted boolean not null default false
);
create unique index window_pauses_open on window_pauses (window_id) where ended_at is null;

create table faults (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  window_id uuid not null references windows(id),
  pause_id uuid not null references window_pauses(id),
  note text,
  opened_at timestamptz not null,
  closed_at timestamptz,
  minutes_out integer
);

-- Alerts for the supervisor (R-06, R-07, R-09, R-10). One open alert per dedupe key.
create table alerts (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  kind text not null,
  dedupe_key text not null,
  payload jsonb not null,
  raised_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by text
);
create unique index alerts_open_key on alerts (hall_id, dedupe_key) where resolved_at is null;
create index alerts_hall_open on alerts (hall_id) where resolved_at is null;
