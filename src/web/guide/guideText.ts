// Words for a service's handling and a material's need, shared by the guide pages and the kiosk.
import type { TFunction } from 'i18next';
import type { Material, ServiceKind } from '../api/types';

/** '即办件' or '承诺件 5 个工作日'. */
export function kindLabel(t: TFunction, kind: ServiceKind, promisedDays: number | null): string {
  if (kind === 'immediate') return t('guide.kind.immediate');
  return promisedDays !== null ? t('guide.kind.promised', { count: promisedDays }) : t('guide.kind.promisedNoDays');
}

export type Need = 'required' | 'conditional' | 'optional';

export function needOf(m: Pick<Material, 'required' | 'condition'>): Need {
  if (m.required) return 'required';
  return m.condition ? 'conditional' : 'optional';
}

export function daysText(t: TFunction, days: number | null): string {
  return days === null ? t('guide.item.notStated') : t('guide.item.days', { count: days });
}
