// "原件 1 份 · 复印件 2 份 · 纸质" — how much of a material, in which form.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from './checklist';

export function amountText(t: TFunction, item: Pick<ChecklistItem, 'originals' | 'copies' | 'form'>): string {
  const parts: string[] = [];
  if (item.originals > 0) parts.push(t('cases.material.originals', { count: item.originals }));
  if (item.copies > 0) parts.push(t('cases.material.copies', { count: item.copies }));
  const form = ['paper', 'electronic', 'either'].includes(item.form) ? t(`cases.form.${item.form as 'paper' | 'electronic' | 'either'}`) : item.form;
  if (form) parts.push(form);
  return parts.join(' · ');
}

export function MaterialAmount({ item }: { item: Pick<ChecklistItem, 'originals' | 'copies' | 'form'> }) {
  const { t } = useTranslation();
  return <>{amountText(t, item)}</>;
}
