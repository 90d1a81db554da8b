import { describe, expect, it } from 'vitest';
import type { Hall } from '../../api/types';
import { formToHall, hallToForm } from './hallForm';

const hall: Hall = {
  id: 'h1',
  name: ' Hall ',
  timezone: 'Asia/Shanghai',
  openingHours: [
    { weekday: 1, open: '13:30', close: '17:00' },
    { weekday: 1, open: '09:00', close: '12:00' },
    { weekday: 6, open: '09:00', close: '12:00' },
  ],
  hoursExceptions: [{ date: '2026-12-31', closed: true, note: 'closed' }],
  address: null,
  phone: '123',
  openingChecklist: null,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('hall form', () => {
  it('converts a hall to form values and back', () => {
    const { input } = formToHall(hallToForm(hall));
    expect(input).toEqual({
      name: 'Hall',
      timezone: 'Asia/Shanghai',
      openingHours: [
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 1, open: '13:30', close: '17:00' },
        { weekday: 6, open: '09:00', close: '12:00' },
      ],
      hoursExceptions: [{ date: '2026-12-31', closed: true, note: 'closed' }],
      address: null,
      phone: '123',
      openingChecklist: null,
    });
  });

  it('maps server error paths back onto the form', () => {
    const { mapPath } = formToHall(hallToForm(hall));
    expect(mapPath('openingHours.2.close')).toEqual(['hours', 5]);
    expect(mapPath('openingHours.1')).toEqual(['hours', 0]);
    expect(mapPath('hoursExceptions.0.open')).toEqual(['exceptions', 0, 'range']);
    expect(mapPath('hoursExceptions.0')).toEqual(['exceptions', 0, 'range']);
    expect(mapPath('hoursExceptions.0.closed')).toEqual(['exceptions', 0, 'closed']);
    expect(mapPath('hoursExceptions.0.date')).toEqual(['exceptions', 0, 'date']);
    expect(mapPath('name')).toEqual(['name']);
  });
});

describe('opening checklist', () => {
  it('keeps the ids of unchanged items and numbers new ones', async () => {
    const { checklistItems } = await import('./hallForm');
    const previous = [{ id: 'badge', label: '佩戴工号牌' }, { id: 'item-1', label: '台面整洁' }];
    expect(checklistItems(['台面整洁', ' 佩戴工号牌 ', '核对叫号器', '核对叫号器'], previous)).toEqual([
      { id: 'item-1', label: '台面整洁' },
      { id: 'badge', label: '佩戴工号牌' },
      { id: 'item-2', label: '核对叫号器' },
    ]);
  });

  it('an empty list means the default checklist', async () => {
    const { checklistItems } = await import('./hallForm');
    expect(checklistItems(['  '], null)).toBeNull();
  });
});
