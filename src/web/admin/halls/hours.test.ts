import { describe, expect, it } from 'vitest';
import type { Hall } from '../../api/types';
import { groupWeek, scheduleFor } from './hours';

const hall: Hall = {
  id: 'h1',
  name: 'Hall',
  timezone: 'Asia/Shanghai',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
  hoursExceptions: [{ date: '2026-12-31', closed: false, open: '09:00', close: '12:00', note: 'eve' }],
  address: null,
  phone: null,
  openingChecklist: null,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('opening hours', () => {
  it('groups consecutive weekdays with equal hours', () => {
    expect(groupWeek(hall.openingHours).map((g) => g.weekdays)).toEqual([[1, 2, 3, 4, 5], [6, 7]]);
  });

  it('prefers exceptions, then holidays, then make-up workdays', () => {
    const calendar = { year: 2026, holidays: ['2026-10-01'], workdays: ['2026-10-10'] };
    expect(scheduleFor(hall, '2026-12-31', 4, calendar)).toEqual({ kind: 'exception', intervals: [{ open: '09:00', close: '12:00' }], note: 'eve' });
    expect(scheduleFor(hall, '2026-10-01', 4, calendar)).toEqual({ kind: 'holiday', intervals: [] });
    expect(scheduleFor(hall, '2026-10-10', 6, calendar).intervals).toEqual([{ open: '09:00', close: '17:00' }]);
    expect(scheduleFor(hall, '2026-10-11', 7, null)).toEqual({ kind: 'regular', intervals: [] });
  });
});
