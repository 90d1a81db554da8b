// The hall form's values and their conversion to and from the API's Hall.
import type { Hall, HallInput, HoursException, OpeningInterval } from '../../api/types';
import type { FieldPath, PathMapper } from '../../errors/useFormErrorHandler';
import { pathToNamePath } from '../../errors/validationIssues';
import dayjs, { type Dayjs } from '../../time/dayjs';
import { DEFAULT_TIMEZONE } from '../../time/zone';
import { WEEKDAYS } from './hours';

export type TimeRangeValue = [Dayjs, Dayjs];

export interface IntervalValue {
  range: TimeRangeValue | null;
}

export interface ExceptionValue {
  date: Dayjs | null;
  closed: boolean;
  range?: TimeRangeValue | null;
  note?: string;
}

export interface HallFormValues {
  name: string;
  timezone: string;
  address?: string;
  phone?: string;
  /** Index 0 = Monday … 6 = Sunday. */
  hours: IntervalValue[][];
  exceptions: ExceptionValue[];
  /** Labels of the hall's own opening checklist; empty keeps the default 五个到位. */
  checklist: string[];
}

export const TIME_FORMAT = 'HH:mm';

export function parseTime(hhmm: string): Dayjs {
  return dayjs(`2000-01-01T${hhmm}`);
}

export const formatTime = (value: Dayjs): string => value.format(TIME_FORMAT);

export function defaultInterval(): IntervalValue {
  return { range: [parseTime('09:00'), parseTime('17:00')] };
}

export function hallToForm(hall: Hall | null): HallFormValues {
  if (!hall) {
    return {
      name: '',
      timezone: DEFAULT_TIMEZONE,
      address: '',
      phone: '',
      hours: WEEKDAYS.map((d) => (d <= 5 ? [defaultInterval()] : [])),
      exceptions: [],
      checklist: [],
    };
  }
  return {
    name: hall.name,
    timezone: hall.timezone,
    address: hall.address ?? undefined,
    phone: hall.phone ?? undefined,
    hours: WEEKDAYS.map((d) =>
      hall.openingHours
        .filter((i) => i.weekday === d)
        .sort((a, b) => a.open.localeCompare(b.open))
        .map((i) => ({ range: [parseTime(i.open), parseTime(i.close)] })),
    ),
    exceptions: [...hall.hoursExceptions]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        date: dayjs(e.date),
        closed: e.closed,
        range: !e.closed && e.open && e.close ? [parseTime(e.open), parseTime(e.close)] : null,
        note: e.note ?? undefined,
      })),
    checklist: (hall.openingChecklist ?? []).map((i) => i.label),
  };
}

/**
 * Checklist labels to items. An item keeps its id while its label is unchanged, so sign-in
 * records made under the old list still name the same check.
 */
export function checklistItems(labels: string[], previous: Hall['openingChecklist']): Hall['openingChecklist'] {
  const cleaned = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
  if (!cleaned.length) return null;
  const known = new Map((previous ?? []).map((i) => [i.label, i.id]));
  const used = new Set<string>();
  let n = 1;
  return cleaned.map((label) => {
    let id = known.get(label);
    if (!id || used.has(id)) {
      while (used.has(`item-${n}`) || (previous ?? []).some((i) => i.id === `item-${n}`)) n += 1;
      id = `item-${n}`;
    }
    used.add(id);
    return { id, label };
  });
}

const blankToNull = (value: string | undefined): string | null => (value && value.trim() ? value.trim() : null);

export interface HallSubmission {
  input: HallInput;
  /** Maps server error paths back onto form fields. */
  mapPath: PathMapper;
}

export function formToHall(values: HallFormValues, previous: Hall | null = null): HallSubmission {
  const openingHours: OpeningInterval[] = [];
  const origin: FieldPath[] = [];
  values.hours.forEach((day, dayIndex) => {
    day.forEach((interval) => {
      if (!interval.range) return;
      openingHours.push({ weekday: dayIndex + 1, open: formatTime(interval.range[0]), close: formatTime(interval.range[1]) });
      origin.push(['hours', dayIndex]);
    });
  });
  const hoursExceptions: HoursException[] = values.exceptions.map((e) => {
    const exception: HoursException = { date: e.date ? e.date.format('YYYY-MM-DD') : '', closed: e.closed };
    if (!e.closed && e.range) {
      exception.open = formatTime(e.range[0]);
      exception.close = formatTime(e.range[1]);
    }
    const note = blankToNull(e.note);
    if (note) exception.note = note;
    return exception;
  });
  const input: HallInput = {
    name: values.name.trim(),
    timezone: values.timezone,
    openingHours,
    hoursExceptions,
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    openingChecklist: checklistItems(values.checklist ?? [], previous?.openingChecklist ?? null),
  };
  const mapPath: PathMapper = (path) => {
    const parts = pathToNamePath(path);
    const [head, index, field] = parts;
    if (head === 'openingHours' && typeof index === 'number') return origin[index] ?? null;
    if (head === 'hoursExceptions' && typeof index === 'number') {
      // A problem with a date's times as a whole (an overlap) belongs with its time range too.
      const target = field === undefined || field === 'open' || field === 'close' ? 'range' : field;
      return typeof target === 'string' ? ['exceptions', index, target] : null;
    }
    return parts;
  };
  return { input, mapPath };
}
