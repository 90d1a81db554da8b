-- Cases (办件), one-time notices (一次性告知, R-11/R-12), refusals (R-13), working-day deadlines (R-14),
-- supervision lights (R-15) and deadline extensions (延期).

-- Per-hall case rules, e.g. {"yellowThreshold": 0.9}; missing keys take the defaults in src/core/cases.
alter table halls add column case_policy jsonb not null default '{}';

-- Yearly numbering per hall: case numbers, notice numbers, refusal numbers. The row is locked by the
-- UPSERT that takes the next value, so numbers never repeat and never skip inside a committed year.
create table hall_year_counters (
  hall_id uuid not null references halls(id),
  kind text not null check (kind in ('case', 'notice', 'refusal')),
  year integer not null,
  last_value integer not null,
  primary key (hall_id, kind, year)
);

create table cases (
  id uuid primary key,
  hall_id uuid not null references halls(id),
  number text not null,
  service_id uuid not null references services(id),
  ticket_id uuid references tickets(id),
  window_id uuid references windows(id),
  -- 首问责任人 (R-17 builds on it): the staff member who took the case in.
  owner_id uuid not null references users(id),
  applicant jsonb not null,
  status text not null check (status in ('open', 'awaiting_supplement', 'accepted', 'refused', 'completed')),
  -- What the applicant has handed in, by the service's material ids; conditional materials whose
  -- condition applies to this applicant; materials handed in but found defective (with a reason).
  submitted jsonb not null default '[]',
  applicable jsonb not null default '[]',
  defective jsonb not null default '[]',
  -- The tracking link's token, kept in clear (unlike ticket tokens): it opens only the applicant's
  -- read-only status page, and every paper printed later (notice, receipt, refusal) must carry the QR code.
  track_token text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Set on acceptance (受理): the kind and promise as they stood then, the hall-local acceptance day
  -- and the deadline from the hall's working-day calendar (R-14). original_deadline keeps the first one
  -- so extensions are counted separately.
  kind text check (kind in ('immediate', 'promised')),
  promised_days integer,
  accepted_at timestamptz,
  accepted_by uuid references users(id),
  accepted_day text,
  deadline text,
  original_deadline text,
  -- Set on refusal (不予受理, R-13).
  refused_at timestamptz,
  refused_by uuid references users(id),
  refusal_number text,
  refusal_reason text,
  refusal_basis text,
  -- Set on completion (办结).
  completed_at timestamptz,
  completed_by uuid references users(id),
  completed_day text,
  result text,
  result_note text,
  on_time boolean,
  -- The highest supervision light already alerted (R-15), so each turn raises one alert.
  light_alerted text check (light_alerted in ('yellow', 'red'))
);
create unique index cases_hall_number on cases (hall_id, number);
create index cases_hall_status on cases (hall_id, status);
create index cases_ticket on cases (ticket_id) where ticket_id is not null;

create table case_notices (
  id uuid primary key,
  hall_id uuid not null references halls(id),
  case_id uuid not null references cases(id),
  number text not null,
  -- 1 for the first notice on the case, 2 for the second …
  round integer not null,
  -- Every missing material with the service's wording at issue time:
  -- [{materialId, name, originals, copies, form, note, condition, defect: null | reason}]
  missing jsonb not null,
  next_steps text not null,
  notes text,
  -- The service's material ids when the first notice was issued (R-12 measures later notices against it).
  service_material_ids jsonb not null,
  breach text check (breach in ('second_round')),
  breach_material_ids jsonb not null default '[]',
  issued_by uuid not null references users(id),
  window_id uuid references windows(id),
  issued_at timestamptz not null,
  issued_day text not null,
  unique (case_id, round)
);
create unique index case_notices_hall_number on case_notices (hall_id, number);
create index case_notices_hall_issued on case_notices (hall_id, issued_at);

create table case_extensions (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls(id),
  case_id uuid not null references cases(id),
  working_days integer not null check (working_days > 0),
  reason text not null,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  requested_by uuid not null references users(id),
  requested_at timestamptz not null,
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_note text,
  previous_deadline text,
  new_deadline text
);
-- At most one extension request waits for a decision per case.
create unique index case_extensions_one_pending on case_extensions (case_id) where status = 'pending';
create index case_extensions_hall on case_extensions (hall_id, decided_at);
