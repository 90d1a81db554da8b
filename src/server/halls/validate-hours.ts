// Turns the core's opening-hours problems into field errors a hall manager can act on: each
// one worded in both languages and placed on the field to fix (the times of an interval, the
// "closed all day" choice of a special date), naming the other interval when two overlap.
import {
  validateHoursExceptions,
  validateOpeningHours,
  type HoursException,
  type HoursExceptionProblem,
  type OpeningHours,
  type OpeningHoursProblem,
} from '../../core/hours/opening-hours.js';
import { AppError, type FieldError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';

export function assertValidHours(openingHours: OpeningHours | undefined, exceptions: readonly HoursException[] | undefined): void {
  const details: FieldError[] = [
    ...(openingHours ? validateOpeningHours(openingHours).map((p) => weeklyProblem(p, openingHours)) : []),
    ...(exceptions ? validateHoursExceptions(exceptions).map((p) => exceptionProblem(p, exceptions)) : []),
  ];
  if (details.length) throw new AppError('invalid_hours', details);
}

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const span = (e: { open?: unknown; close?: unknown } | undefined) => `${String(e?.open)}–${String(e?.close)}`;

const TIME_FORMAT = { zh: '时间格式应为 HH:MM（如 09:00）', en: 'use HH:MM, e.g. 09:00' };

function closeBeforeOpen(open: string, close: string) {
  return { zh: `结束时间 ${close} 须晚于开始时间 ${open}`, en: `the closing time ${close} must be later than the opening time ${open}` };
}

function weeklyProblem(p: OpeningHoursProblem, hours: OpeningHours): FieldError {
  const at = `openingHours.${p.index}`;
  switch (p.code) {
    case 'invalid-weekday':
      return fieldProblem(`${at}.weekday`, { zh: '星期应为 1（周一）至 7（周日）', en: 'the weekday must be 1 (Monday) to 7 (Sunday)' });
    case 'invalid-time':
      return fieldProblem(`${at}.${p.field}`, TIME_FORMAT);
    case 'open-not-before-close':
      return fieldProblem(`${at}.close`, closeBeforeOpen(p.open, p.close));
    case 'overlap': {
      const other = span(hours[p.otherIndex]);
      return fieldProblem(at, {
        zh: `与同一天（${WEEKDAY_ZH[p.weekday]}）的另一时段 ${other} 重叠`,
        en: `overlaps another interval on the same day (${WEEKDAY_EN[p.weekday]}, ${other})`,
      });
    }
  }
}

function exceptionProblem(p: HoursExceptionProblem, exceptions: readonly HoursException[]): FieldError {
  const at = `hoursExceptions.${p.index}`;
  switch (p.code) {
    case 'invalid-date':
      return fieldProblem(`${at}.date`, { zh: '日期无效，请填写实际存在的日期（YYYY-MM-DD）', en: 'not a real date (YYYY-MM-DD)' });
    case 'invalid-time':
      return fieldProblem(`${at}.${p.field}`, TIME_FORMAT);
    case 'missing-time':
      return fieldProblem(`${at}.${p.field}`, p.field === 'open'
        ? { zh: '特殊时间的日期须填写开始时间', en: 'a date with special hours needs an opening time' }
        : { zh: '特殊时间的日期须填写结束时间', en: 'a date with special hours needs a closing time' });
    case 'hours-on-closed-day':
      return fieldProblem(`${at}.closed`, {
        zh: '全天休息的日期无需填写开放时段；如需开放，请改选“特殊时间”',
        en: 'a date closed all day takes no hours; choose special hours to open it',
      });
    case 'open-not-before-close':
      return fieldProblem(`${at}.close`, closeBeforeOpen(p.open, p.close));
    case 'overlap': {
      const other = span(exceptions[p.otherIndex]);
      return fieldProblem(at, {
        zh: `与同一日期（${p.date}）的另一时段 ${other} 重叠`,
        en: `overlaps another interval on the same date (${p.date}, ${other})`,
      });
    }
    case 'closed-and-open':
      return fieldProblem(`${at}.closed`, {
        zh: `${p.date} 已设为全天休息，不能同时设置特殊时间`,
        en: `${p.date} is already closed all day; it cannot also have special hours`,
      });
  }
}
