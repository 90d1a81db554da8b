import { Card } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../i18n/language';
import { WEEKDAYS } from '../halls/hours';
import { type DayMark, markOf, type Marks, monthDays } from './dayMarks';

export interface MonthGridProps {
  year: number;
  month: number;
  marks: Marks;
  today: string;
  /** Absent: read-only. */
  onToggle?: (date: string) => void;
}

function cellClass(mark: DayMark, weekend: boolean, isToday: boolean): string {
  const classes = ['ck-day'];
  if (mark === 'holiday') classes.push('ck-day-holiday');
  else if (mark === 'workday') classes.push('ck-day-workday');
  else if (weekend) classes.push('ck-day-weekend');
  if (isToday) classes.push('ck-day-today');
  return classes.join(' ');
}

export const MonthGrid = memo(function MonthGrid({ year, month, marks, today, onToggle }: MonthGridProps) {
  const { t, i18n } = useTranslation();
  const { leading, days } = monthDays(year, month);
  const title = new Intl.DateTimeFormat(toLanguage(i18n.language), { month: 'long' }).format(new Date(Date.UTC(year, month - 1, 1, 12)));
  const markLabel: Record<DayMark, string> = {
    normal: '',
    holiday: t('calendar.legendHoliday'),
    workday: t('calendar.legendWorkday'),
  };
  return (
    <Card size="small" title={t('calendar.month', { month: title })} className="ck-month" data-month={month}>
      <div className="ck-month-grid">
        {WEEKDAYS.map((wd) => (
          <div key={wd} className={`ck-weekday${wd >= 6 ? ' ck-weekday-weekend' : ''}`}>
            {t(`weekdaysShort.d${wd}`)}
          </div>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {days.map((d) => {
          const mark = markOf(marks, d.date);
          return (
            <button
              key={d.date}
              type="button"
              className={cellClass(mark, d.weekday >= 6, d.date === today)}
              data-date={d.date}
              data-mark={mark}
              title={markLabel[mark] ? `${d.date} · ${markLabel[mark]}` : d.date}
              disabled={!onToggle}
              onClick={() => onToggle?.(d.date)}
            >
              {d.day}
            </button>
          );
        })}
        {/* Every month is drawn with six week rows so the cards line up across the year. */}
        {Array.from({ length: 42 - leading - days.length }, (_, i) => (
          <div key={`tail-${i}`} className="ck-day-filler" aria-hidden />
        ))}
      </div>
    </Card>
  );
});
