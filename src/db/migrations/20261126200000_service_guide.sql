-- The service guide (办事指南, R-16): the national item elements (GB/T 39046 事项要素) a hall
-- publishes for each service, and its materials (申请材料) in their full shape.

-- 事项类型, as English codes: 行政许可 licensing, 行政确认 confirmation, 行政给付 payment,
-- 行政裁决 adjudication, 行政奖励 reward, 其他行政权力 other_power, 公共服务 public_service.
alter table services
  add column item_type text not null default 'public_service'
    check (item_type in ('licensing', 'confirmation', 'payment', 'adjudication', 'reward', 'other_power', 'public_service')),
  -- 实施主体 and 办理结果 (e.g. 不动产权证书).
  add column department text,
  add column result_name text,
  add column acceptance_conditions text,
  add column legal_basis text,
  -- [{title, description}] in order.
  add column process_steps jsonb not null default '[]',
  -- [{item, amount, basis}]; empty means 不收费. A fee is published only with its basis.
  add column fees jsonb not null default '[]',
  add column location text,
  add column service_hours text,
  add column consultation_phone text,
  add column supervision_phone text,
  add column online_url text,
  -- Printed on the guide (本指南更新于), so a citizen can tell an old print-out.
  add column updated_at timestamptz not null default now();

update services set updated_at = created_at;

-- Materials were {id, name, copies, original: boolean, required, note}: "copies" was how many
-- sheets to bring and "original" whether they were originals. They become originals + copies
-- counts, so {copies: 1, original: true} is one original and no photocopy — not an extra demand
-- the hall never made (a second-round demand is what R-12 forbids).
update services set materials = coalesce((
  select jsonb_agg(jsonb_build_object(
      'id', m->>'id',
      'name', m->>'name',
      'originals', case when coalesce((m->>'original')::boolean, false) then greatest(coalesce((m->>'copies')::int, 1), 1) else 0 end,
      'copies', case when coalesce((m->>'original')::boolean, false) then 0 else coalesce((m->>'copies')::int, 1) end,
      'form', 'paper',
      'required', coalesce((m->>'required')::boolean, true),
      'condition', null,
      'source', 'applicant',
      'sourceNote', null,
      'note', case when jsonb_typeof(m->'note') = 'string' and btrim(m->>'note') <> '' then m->'note' else 'null'::jsonb end,
      'blankFormUrl', null,
      'sampleUrl', null
    ) order by ord)
  from jsonb_array_elements(services.materials) with ordinality as e(m, ord)
), '[]'::jsonb)
where jsonb_typeof(materials) = 'array' and jsonb_array_length(materials) > 0;
