// A hall manager reads what is wrong with each field in the language she reads the rest in:
// Chinese by default and for zh-CN, English when the browser asks for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => {
  t = await createTestApp();
  hallId = (await createHall(t.admin)).id;
});
afterAll(async () => { await t?.close(); });

interface Detail { path: string; message: string }

async function details(url: string, body: unknown, language?: string): Promise<Detail[]> {
  const res = await t.admin.request('POST', url, body, language ? { 'accept-language': language } : {});
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('validation_failed');
  return res.json().error.details as Detail[];
}
const at = (found: Detail[], path: string) => found.filter((d) => d.path === path).map((d) => d.message);

const service = (more: Record<string, unknown>) => ({ code: 'LANG-1', name: '语言测试事项', ticketPrefix: 'L', kind: 'immediate', ...more });

describe('validation details follow Accept-Language', () => {
  it.each([undefined, 'zh-CN', 'zh-CN,zh;q=0.9,en;q=0.8'])('words a too-short field and a bad choice in Chinese for %s', async (language) => {
    const found = await details(`/api/v1/halls/${hallId}/services`, service({ name: '  ', kind: 'whenever' }), language);
    expect(at(found, 'name')).toEqual(['不能为空']);
    expect(at(found, 'kind')).toEqual(['应为以下之一：“immediate”、“promised”']);
  });

  it('words the same problems in English for an English reader', async () => {
    const found = await details(`/api/v1/halls/${hallId}/services`, service({ name: '  ', kind: 'whenever' }), 'en-US,en;q=0.9');
    expect(at(found, 'name')).toEqual(['Too small: expected string to have >=1 characters']);
    expect(at(found, 'kind')).toEqual(['Invalid option: expected one of "immediate"|"promised"']);
  });

  it('says a missing field is required, a number is out of range, and names each unknown key', async () => {
    const found = await details(`/api/v1/halls/${hallId}/windows`, { number: 0, serviceIds: [], colour: 'red', floor: 2 });
    expect(at(found, 'name')).toEqual(['此项为必填项']);
    expect(at(found, 'number')).toEqual(['不能小于 1']);
    expect(at(found, 'colour')).toEqual(['不接受此字段，请删除']);
    expect(at(found, 'floor')).toEqual(['不接受此字段，请删除']);
  });

  it('keeps the messages written in our schemas, in the reader\'s language', async () => {
    const zh = await details(`/api/v1/halls/${hallId}/services`, service({ ticketPrefix: 'l1' }));
    expect(at(zh, 'ticketPrefix')).toEqual(['应为一到两个大写英文字母']);
    const en = await details(`/api/v1/halls/${hallId}/services`, service({ ticketPrefix: 'l1' }), 'en');
    expect(at(en, 'ticketPrefix')).toEqual(['one or two capital letters']);
  });

  it('localises the problems a use case finds after parsing, and sends only path and message', async () => {
    const body = { username: 'nohall1', password: 'user-pass-123', name: '无大厅', role: 'staff', staffNumber: '9001' };
    const zh = await details('/api/v1/users', body);
    expect(zh).toEqual([{ path: 'hallId', message: '该角色须指定所属大厅' }]);
    const en = await details('/api/v1/users', body, 'en');
    expect(en).toEqual([{ path: 'hallId', message: 'required for this role' }]);
  });

  it('keeps the error\'s own message and its details in one language', async () => {
    const res = await t.admin.request('POST', `/api/v1/halls/${hallId}/services`, service({ name: '' }), { 'accept-language': 'en' });
    expect(res.json().error).toMatchObject({ message: 'The request has invalid fields.', details: [{ path: 'name', message: expect.stringMatching(/^Too small/) }] });
  });
});
