// Words for waits and opening times, in the UI language.
import type { TFunction } from 'i18next';
import type { When } from './hours';
import { describeWait } from './wait';

const WEEKDAY_KEYS = [
  'weekdays.d1',
  'weekdays.d2',
  'weekdays.d3',
  'weekdays.d4',
  'weekdays.d5',
  'weekdays.d6',
  'weekdays.d7',
] as const;

export function weekdayName(t: TFunction, isoWeekday: number): string {
  const key = WEEKDAY_KEYS[isoWeekday - 1];
  return key ? t(key) : '';
}

/** '约 12 分钟', '无需等候', '暂无窗口' … for the kiosk. */
export function kioskWait(t: TFunction, minutes: number | null | undefined): string {
  const w = describeWait(minutes);
  switch (w.kind) {
    case 'noWindow':
      return t('kiosk.wait.noWindow');
    case 'none':
      return t('kiosk.wait.none');
    case 'minutes':
      return t('kiosk.wait.minutes', { count: w.minutes });
    case 'hours':
      return w.minutes === 0 ? t('kiosk.wait.hours', { hours: w.hours }) : t('kiosk.wait.hoursMinutes', { hours: w.hours, minutes: w.minutes });
  }
}

/** '预计等候 约 12 分钟' on a service button, or just '无需等候'. */
export function kioskWaitLine(t: TFunction, minutes: number | null | undefined): string {
  const w = describeWait(minutes);
  if (w.kind === 'none' || w.kind === 'noWindow') return kioskWait(t, minutes);
  return t('kiosk.waitLine', { wait: kioskWait(t, minutes) });
}

/** The same for the tracking page, whose zero reads '即将叫号'. */
export function trackWait(t: TFunction, minutes: number | null | undefined): string {
  const w = describeWait(minutes);
  switch (w.kind) {
    case 'noWindow':
      return t('track.wait.noWindow');
    case 'none':
      return t('track.wait.none');
    case 'minutes':
      return t('track.wait.minutes', { count: w.minutes });
    case 'hours':
      return w.minutes === 0 ? t('track.wait.hours', { hours: w.hours }) : t('track.wait.hoursMinutes', { hours: w.hours, minutes: w.minutes });
  }
}

/** '明天 09:00', '周一 09:00', '10月8日（周四）09:00'. */
export function whenText(t: TFunction, when: When): string {
  const weekday = weekdayName(t, when.weekday);
  switch (when.day) {
    case 'today':
      return t('kiosk.when.today', { time: when.time });
    case 'tomorrow':
      return t('kiosk.when.tomorrow', { time: when.time });
    case 'weekday':
      return t('kiosk.when.weekday', { weekday, time: when.time });
    case 'date':
      return t('kiosk.when.date', { weekday, time: when.time, month: when.month, date: when.date });
  }
}
