// Factories for case tests: a hall with a service whose guide has required, conditional and
// optional materials, its staff and manager, and cases in the state a test needs — all made
// through the public API, as the window would.
import { expect } from 'vitest';
import type { Client, TestApp } from '../harness.js';
import { createHall, createService, createUser, createWindow } from './hall.js';

/** 社保卡补办-like guide: two required materials, one conditional (委托), one optional. */
export const GUIDE = [
  { name: '居民身份证', originals: 1, copies: 1, form: 'paper', required: true, note: '须在有效期内' },
  { name: '居民户口簿', originals: 1, copies: 1, form: 'paper', required: true },
  { name: '授权委托书', originals: 1, copies: 0, form: 'paper', required: false, condition: '委托他人办理的', note: '须由申请人本人签字' },
  { name: '近期一寸白底彩色照片', originals: 2, copies: 0, form: 'either', required: false, note: '现场可免费拍照' },
] as const;

export type MaterialName = (typeof GUIDE)[number]['name'];

export interface ServiceFx {
  id: string;
  name: string;
  materials: { id: string; name: string }[];
  /** The id of the guide's material by name. */
  m(name: string): string;
}

export interface CaseHall {
  hall: { id: string; name: string };
  service: ServiceFx;
  windowId: string;
  windowNumber: number;
  staff: Client;
  staffId: string;
  manager: Client;
  managerId: string;
}

export function serviceFx(s: { id: string; name?: string; materials: { id: string; name: string }[] }): ServiceFx {
  return {
    id: s.id, name: s.name ?? '', materials: s.materials,
    m(name) {
      const found = s.materials.find((x) => x.name === name);
      if (!found) throw new Error(`no material ${name} in ${s.materials.map((x) => x.name).join(', ')}`);
      return found.id;
    },
  };
}

/** A promised (承诺件) service with the guide above, in a hall open every day 09:00–17:00. */
export async function caseHall(t: TestApp, options: { kind?: 'immediate' | 'promised'; promisedDays?: number; phone?: string } = {}): Promise<CaseHall> {
  const hall = await createHall(t.admin, {
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
    phone: options.phone ?? '0571-87654321', address: '人民路 1 号',
  });
  const created = await createService(t.admin, hall.id, {
    kind: options.kind ?? 'promised', promisedDays: options.kind === 'immediate' ? null : options.promisedDays ?? 5, materials: GUIDE,
  }) as unknown as { id: string; name: string; materials: { id: string; name: string }[] };
  const window = await createWindow(t.admin, hall.id, [created.id]);
  const s = await createUser(t.admin, hall.id, 'staff');
  const m = await createUser(t.admin, hall.id, 'manager');
  return {
    hall, service: serviceFx(created), windowId: window.id, windowNumber: window.number,
    staff: await t.login(s.username, s.password), staffId: s.id,
    manager: await t.login(m.username, m.password), managerId: m.id,
  };
}

export interface CaseDto {
  id: string; number: string; status: string; missingCount: number; trackToken?: string; trackUrl: string;
  deadline: string | null; light: string | null; materials: { materialId: string; name: string; missing: boolean; defect: string | null }[];
  notices: { id: string; number: string; round: number; breach: string | null }[];
  extensions: { id: string; status: string }[];
  [key: string]: unknown;
}

export async function openCase(
  client: Client, h: Pick<CaseHall, 'hall' | 'service'>, over: { submitted?: string[]; applicable?: string[]; [key: string]: unknown } = {},
): Promise<CaseDto> {
  const res = await client.post(`/api/v1/halls/${h.hall.id}/cases`, {
    serviceId: h.service.id, applicant: { name: '张三', idNumber: '330102199001011234', phone: '13800138000' }, submitted: [], ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseDto;
}

/** Every material the guide needs without a condition applying: the two required ones. */
export const complete = (h: Pick<CaseHall, 'service'>) => [h.service.m('居民身份证'), h.service.m('居民户口簿')];

export async function acceptedCase(client: Client, h: CaseHall): Promise<CaseDto> {
  const c = await openCase(client, h, { submitted: complete(h) });
  const res = await client.post(`/api/v1/cases/${c.id}/accept`, {});
  expect(res.statusCode, res.body).toBe(200);
  return { ...(res.json() as CaseDto), trackToken: c.trackToken! };
}

export async function noticedCase(client: Client, h: CaseHall): Promise<{ c: CaseDto; notice: { id: string; number: string } }> {
  const c = await openCase(client, h, { submitted: [h.service.m('居民身份证')] });
  const res = await client.post(`/api/v1/cases/${c.id}/notices`, {});
  expect(res.statusCode, res.body).toBe(201);
  return { c, notice: res.json() };
}

export async function refusedCase(client: Client, h: CaseHall): Promise<CaseDto> {
  const c = await openCase(client, h);
  const res = await client.post(`/api/v1/cases/${c.id}/refuse`, { reason: '申请事项不属于本机关职责范围', basis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDto;
}

export async function pendingExtension(client: Client, h: CaseHall, workingDays = 3): Promise<{ c: CaseDto; extensionId: string }> {
  const c = await acceptedCase(client, h);
  const res = await client.post(`/api/v1/cases/${c.id}/extensions`, { workingDays, reason: '需现场核查，涉及多个部门' });
  expect(res.statusCode, res.body).toBe(201);
  return { c, extensionId: res.json().id as string };
}
