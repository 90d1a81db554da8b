// Renders opening hours compactly: "周一至周五 09:00–17:00；周六、周日 休息".
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningInterval } from '../../api/types';
import { formatRange, groupWeek, type WeekGroup } from './hours';

export function useWeekdayLabel() {
  const { t } = useTranslation();
  return (group: WeekGroup): string => {
    const first = group.weekdays[0] ?? 1;
    const last = group.weekdays[group.weekdays.length - 1] ?? first;
    if (first === last) return t(`weekdays.d${first}`);
    if (group.weekdays.length === 2) return `${t(`weekdays.d${first}`)}${t('halls.weekdayAnd')}${t(`weekdays.d${last}`)}`;
    return t('halls.weekdayRange', { from: t(`weekdays.d${first}`), to: t(`weekdays.d${last}`) });
  };
}

export function WeekHours({ openingHours, block = false }: { openingHours: OpeningInterval[]; block?: boolean }) {
  const { t } = useTranslation();
  const label = useWeekdayLabel();
  const groups = groupWeek(openingHours);
  if (groups.every((g) => g.intervals.length === 0)) return <Typography.Text type="secondary">{t('halls.closedAllWeek')}</Typography.Text>;
  const lines = groups.map((g) => (
    <span key={g.weekdays.join()} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label(g)}</Typography.Text>{' '}
      {g.intervals.length ? g.intervals.map(formatRange).join(', ') : t('halls.restDay')}
    </span>
  ));
  if (block) return <div className="ck-week-hours">{lines.map((l) => <div key={l.key}>{l}</div>)}</div>;
  return <span className="ck-week-hours-inline">{lines.reduce<ReactNode[]>((acc, l, i) => (i ? [...acc, '；', l] : [l]), [])}</span>;
}
