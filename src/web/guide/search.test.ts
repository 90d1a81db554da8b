import { describe, expect, it } from 'vitest';
import type { GuideSummary } from './guideApi';
import { searchGuide } from './search';

const item = (code: string, name: string, materialNames: string[], department: string | null = null): GuideSummary => ({
  id: code, code, name, itemType: 'public_service', kind: 'promised', promisedDays: 5, department, materialCount: materialNames.length, materialNames,
});
const items = [
  item('SB-001', '社保卡补办', ['居民身份证', '近期免冠一寸照片'], '人力资源和社会保障局'),
  item('BDC-002', '不动产登记', ['不动产登记申请书', '申请人身份证明', '授权委托书及受托人身份证']),
  item('YYZZ-005', '营业执照办理', ['公司章程', '住所使用证明'], '市场监督管理局'),
];

describe('searchGuide (R-16)', () => {
  it('lists everything for an empty query', () => {
    expect(searchGuide(items, '  ').map((f) => f.item.code)).toEqual(['SB-001', 'BDC-002', 'YYZZ-005']);
  });

  it('finds by name, by code in any case, and by department', () => {
    expect(searchGuide(items, '营业执照').map((f) => f.item.code)).toEqual(['YYZZ-005']);
    expect(searchGuide(items, 'bdc').map((f) => f.item.code)).toEqual(['BDC-002']);
    expect(searchGuide(items, '市场监督').map((f) => f.item.code)).toEqual(['YYZZ-005']);
  });

  it('finds by a material and says which materials matched', () => {
    const found = searchGuide(items, '身份证');
    expect(found.map((f) => [f.item.code, f.materials])).toEqual([
      ['SB-001', ['居民身份证']],
      ['BDC-002', ['申请人身份证明', '授权委托书及受托人身份证']],
    ]);
  });

  it('needs every word of the query to match somewhere', () => {
    expect(searchGuide(items, '不动产 委托书').map((f) => f.item.code)).toEqual(['BDC-002']);
    expect(searchGuide(items, '社保 公司章程')).toEqual([]);
  });
});
