// Says where in an imported catalogue document a problem is, in a manager's words:
// "services.2.materials.1.originals" → "第 3 项（BDC-002 不动产登记） › 申请材料第 2 项（授权委托书） › 原件份数".
import type { TFunction } from 'i18next';

const FIELD_KEYS: Record<string, string> = {
  code: 'services.code',
  name: 'services.name',
  ticketPrefix: 'services.ticketPrefix',
  kind: 'services.kind',
  statutoryDays: 'services.statutoryDays',
  promisedDays: 'services.promisedDays',
  itemType: 'guide.fields.itemType',
  department: 'guide.fields.department',
  resultName: 'guide.fields.resultName',
  acceptanceConditions: 'guide.fields.acceptanceConditions',
  legalBasis: 'guide.fields.legalBasis',
  processSteps: 'guide.fields.processSteps',
  fees: 'guide.fields.fees',
  location: 'guide.fields.location',
  serviceHours: 'guide.fields.serviceHours',
  consultationPhone: 'guide.fields.consultationPhone',
  supervisionPhone: 'guide.fields.supervisionPhone',
  onlineUrl: 'guide.admin.onlineUrl',
  materials: 'guide.fields.materials',
};
const MATERIAL_KEYS: Record<string, string> = {
  name: 'services.materialName',
  originals: 'guide.admin.material.originals',
  copies: 'guide.admin.material.copies',
  form: 'guide.admin.material.form',
  required: 'guide.admin.material.need',
  condition: 'guide.admin.material.condition',
  source: 'guide.admin.material.source',
  sourceNote: 'guide.admin.material.sourceNote',
  note: 'guide.admin.material.note',
  blankFormUrl: 'guide.admin.material.blankFormUrl',
  sampleUrl: 'guide.admin.material.sampleUrl',
};
const STEP_KEYS: Record<string, string> = { title: 'guide.admin.stepTitle', description: 'guide.admin.stepDescription' };
const FEE_KEYS: Record<string, string> = { item: 'guide.admin.feeItem', amount: 'guide.admin.feeAmount', basis: 'guide.admin.feeBasis' };

type Loose = Record<string, unknown> | undefined;
const at = (value: unknown, key: string | number): Loose => {
  const v = (value as Record<string | number, unknown> | undefined)?.[key];
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
};
const named = (label: string, what: unknown) => (typeof what === 'string' && what ? `${label}（${what}）` : label);

export function describeProblemPath(path: string, document: unknown, t: TFunction): string {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] !== 'services' || parts.length < 2) {
    return [t('guide.admin.document'), ...parts].join(' › ');
  }
  const index = Number(parts[1]);
  const entry = at(at(document, 'services'), index);
  const title = [entry?.code, entry?.name].filter((x) => typeof x === 'string' && x).join(' ');
  const words = [named(t('guide.admin.entry', { n: index + 1 }), title)];
  const rest = parts.slice(2);
  const lists: Record<string, [string, Record<string, string>, string | null]> = {
    materials: ['guide.admin.materialEntry', MATERIAL_KEYS, 'name'],
    processSteps: ['guide.admin.stepEntry', STEP_KEYS, 'title'],
    fees: ['guide.admin.feeEntry', FEE_KEYS, 'item'],
  };
  const list = rest[0] ? lists[rest[0]] : undefined;
  if (list && rest.length >= 2 && /^\d+$/.test(rest[1]!)) {
    const [entryKey, keys, nameField] = list;
    const j = Number(rest[1]);
    const item = at(at(entry, rest[0]!), j);
    words.push(named(t(entryKey as 'guide.admin.entry', { n: j + 1 }), nameField ? item?.[nameField] : undefined));
    if (rest[2]) words.push(keys[rest[2]] ? t(keys[rest[2]] as 'guide.admin.entry') : rest[2]);
  } else if (rest[0]) {
    words.push(FIELD_KEYS[rest[0]] ? t(FIELD_KEYS[rest[0]] as 'guide.admin.entry') : rest.join('.'));
  }
  return words.join(' › ');
}
