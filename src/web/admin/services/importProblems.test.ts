import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeProblemPath } from './importProblems';

// Stands in for i18next: the key, and the number where there is one.
const t = ((key: string, options?: { n?: number }) => (options?.n !== undefined ? `${key}#${options.n}` : key)) as unknown as TFunction;

const document = {
  format: 'chuangkou.catalog',
  services: [
    { code: 'SB-001', name: '社保卡补办', materials: [{ name: '居民身份证' }] },
    { code: 'BDC-002', name: '不动产登记', materials: [{ name: '居民身份证' }, { name: '授权委托书' }], fees: [{ item: '登记费' }] },
  ],
};

describe('describeProblemPath', () => {
  it('names the entry by number, code and name, then the material by number and name, then the field', () => {
    expect(describeProblemPath('services.1.materials.1.originals', document, t))
      .toBe('guide.admin.entry#2（BDC-002 不动产登记） › guide.admin.materialEntry#2（授权委托书） › guide.admin.material.originals');
  });

  it('names a field of the service, a fee and a step', () => {
    expect(describeProblemPath('services.0.consultationPhone', document, t)).toBe('guide.admin.entry#1（SB-001 社保卡补办） › guide.fields.consultationPhone');
    expect(describeProblemPath('services.1.fees.0.basis', document, t)).toBe('guide.admin.entry#2（BDC-002 不动产登记） › guide.admin.feeEntry#1（登记费） › guide.admin.feeBasis');
    expect(describeProblemPath('services.0.processSteps.2.title', document, t)).toBe('guide.admin.entry#1（SB-001 社保卡补办） › guide.admin.stepEntry#3 › guide.admin.stepTitle');
  });

  it('says "the file" for the document itself, and keeps unknown names as they are', () => {
    expect(describeProblemPath('version', document, t)).toBe('guide.admin.document › version');
    expect(describeProblemPath('', document, t)).toBe('guide.admin.document');
    expect(describeProblemPath('services.5.unexpectedField', document, t)).toBe('guide.admin.entry#6 › unexpectedField');
  });
});
