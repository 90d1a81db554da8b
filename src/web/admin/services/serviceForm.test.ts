import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types';
import { formToService, isLink, isPhone, serviceToForm } from './serviceForm';

const material = { originals: 1, copies: 0, form: 'paper', source: 'applicant', sourceNote: null, note: null, blankFormUrl: null, sampleUrl: null } as const;
const service: Service = {
  id: 's1', hallId: 'h1', code: 'BDC-002', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', statutoryDays: 30, promisedDays: 5,
  itemType: 'confirmation', department: '不动产登记中心', resultName: null, acceptanceConditions: '未被查封', legalBasis: null,
  processSteps: [{ title: '受理', description: null }], fees: [{ item: '登记费', amount: '80 元/件', basis: '发改价格规〔2016〕2559 号' }],
  location: '一楼A区3-5号窗口', serviceHours: null, consultationPhone: '0571-86001302', supervisionPhone: '12345', onlineUrl: null,
  materials: [
    { ...material, id: 'm1', name: '居民身份证', required: true, condition: null },
    { ...material, id: 'm2', name: '授权委托书', required: false, condition: '委托他人代办的' },
    { ...material, id: 'm3', name: '一寸照片', required: false, condition: null },
  ],
  createdAt: '2026-01-05T02:00:00.000Z', updatedAt: '2026-01-05T02:00:00.000Z',
};

describe('the service form (R-16)', () => {
  it('edits a material as required, conditional with its case, or optional', () => {
    expect(serviceToForm(service).materials.map((m) => [m.need, m.condition])).toEqual([['required', undefined], ['conditional', '委托他人代办的'], ['optional', undefined]]);
  });

  it('sends back what it was given, ids included', () => {
    const { id: _id, hallId: _hall, createdAt: _c, updatedAt: _u, ...input } = service;
    expect(formToService(serviceToForm(service))).toEqual(input);
  });

  it('drops a condition when the material becomes required or optional, and sends blanks as null', () => {
    const values = serviceToForm(service);
    values.materials[1]!.need = 'optional';
    values.location = '   ';
    const input = formToService(values);
    expect(input.materials[1]).toMatchObject({ required: false, condition: null });
    expect(input.location).toBeNull();
  });

  it('checks phones and links as the server does', () => {
    expect(['0571-12345', '12345', '0571-88888888转8001', '(0571) 8888 8888', '+86 138 0013 8000'].every(isPhone)).toBe(true);
    expect(['12', 'call us', '0571-8888-转'].some(isPhone)).toBe(false);
    expect(['/files/a.pdf', 'https://example.org/a.pdf'].every(isLink)).toBe(true);
    expect(['//evil.example/a', 'javascript:alert(1)', 'files/a.pdf'].some(isLink)).toBe(false);
  });
});
