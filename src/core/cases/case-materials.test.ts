import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { materialKind, materialStates, missingMaterials, unknownMaterialIds, type GuideMaterial } from './case-materials.js';

const material = (id: string, over: Partial<GuideMaterial> = {}): GuideMaterial => ({
  id, name: `材料 ${id}`, originals: 1, copies: 1, form: 'paper', required: true, condition: null, note: null, ...over,
});

// 社保卡补办: the ID card (required), a power of attorney when someone else applies
// (conditional), a photo that can be taken on site (optional).
const ID_CARD = material('id', { name: '居民身份证' });
const PROXY = material('proxy', { name: '授权委托书', required: false, condition: '委托他人办理的' });
const PHOTO = material('photo', { name: '一寸照片', required: false, condition: null, note: '现场可免费拍照' });
const GUIDE = [ID_CARD, PROXY, PHOTO];

describe('materialKind', () => {
  it('tells required, conditional and optional materials apart', () => {
    expect(materialKind(ID_CARD)).toBe('required');
    expect(materialKind(PROXY)).toBe('conditional');
    expect(materialKind(PHOTO)).toBe('optional');
    expect(materialKind({ required: false, condition: '  ' })).toBe('optional');
  });
});

describe('materialStates (R-11: what is still missing)', () => {
  it('misses the required material not handed in, and not the optional one', () => {
    const states = materialStates(GUIDE, { submitted: [], applicable: [], defective: [] });
    expect(states.map((s) => [s.materialId, s.needed, s.missing])).toEqual([['id', true, true], ['proxy', false, false], ['photo', false, false]]);
  });

  it('needs a conditional material only when its condition applies to this applicant', () => {
    const states = materialStates(GUIDE, { submitted: ['id'], applicable: ['proxy'], defective: [] });
    expect(missingMaterials(states).map((s) => s.materialId)).toEqual(['proxy']);
    expect(states[1]).toMatchObject({ applicable: true, needed: true, submitted: false, missing: true, condition: '委托他人办理的' });
  });

  it('counts a material handed in but found defective as missing, with the reason', () => {
    const states = materialStates(GUIDE, { submitted: ['id'], applicable: [], defective: [{ materialId: 'id', reason: '身份证已过有效期' }] });
    expect(states[0]).toMatchObject({ submitted: true, defect: '身份证已过有效期', missing: true });
  });

  it('keeps the service order and its wording', () => {
    const states = materialStates(GUIDE, { submitted: ['photo'], applicable: [], defective: [] });
    expect(states.map((s) => s.name)).toEqual(['居民身份证', '授权委托书', '一寸照片']);
    expect(states[2]).toMatchObject({ note: '现场可免费拍照', originals: 1, copies: 1, form: 'paper' });
  });

  it('is missing exactly when needed and either not handed in or defective (any guide, any input)', () => {
    const guideArb = fc.uniqueArray(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), required: fc.boolean(), condition: fc.option(fc.constantFrom('委托办理的', '外地户籍的'), { nil: null }) }),
      { selector: (m) => m.id, maxLength: 6 },
    ).map((ms) => ms.map((m) => material(m.id, m)));
    const idsArb = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(fc.property(guideArb, idsArb, idsArb, idsArb, (guide, submitted, applicable, defective) => {
      const states = materialStates(guide, { submitted, applicable, defective: defective.map((materialId) => ({ materialId, reason: '不清晰' })) });
      expect(states.map((s) => s.materialId)).toEqual(guide.map((m) => m.id));
      for (const s of states) {
        const m = guide.find((g) => g.id === s.materialId)!;
        const needed = m.required || (m.condition !== null && applicable.includes(m.id));
        expect(s.needed).toBe(needed);
        expect(s.missing).toBe(needed && (!submitted.includes(m.id) || defective.includes(m.id)));
        if (materialKind(m) === 'optional') expect(s.missing).toBe(false);
      }
    }));
  });
});

describe('unknownMaterialIds', () => {
  it('names ids that are not materials of the service', () => {
    expect(unknownMaterialIds(GUIDE, ['id', 'nope', 'photo', 'other'])).toEqual(['nope', 'other']);
    expect(unknownMaterialIds(GUIDE, [])).toEqual([]);
  });
});
