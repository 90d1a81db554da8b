import { describe, expect, it } from 'vitest';
import type { CaseMaterialState } from '../api/case-types';
import {
  checklistPatch,
  type ChecklistItem,
  draftFromCase,
  EMPTY_DRAFT,
  itemFromServiceMaterial,
  kindOf,
  setApplicable,
  setDefect,
  setSubmitted,
  submitAllNeeded,
  summarize,
} from './checklist';

const item = (id: string, required: boolean, condition: string | null = null): ChecklistItem => ({
  id,
  name: `材料${id}`,
  originals: 1,
  copies: 0,
  form: 'paper',
  required,
  condition,
  source: 'applicant',
  sourceNote: null,
  note: null,
});

// 身份证 and 收据 required; 出院小结 only for inpatients; 照片 optional.
const ITEMS = [item('id', true), item('receipt', true), item('discharge', false, '住院费用报销的'), item('photo', false)];

const names = (items: ChecklistItem[]) => items.map((i) => i.id);

describe('summarize — R-11 一次性告知: what is still missing', () => {
  it('counts every required material as missing before anything is handed in, not the conditional or optional ones', () => {
    const s = summarize(ITEMS, EMPTY_DRAFT);
    expect(s.missingCount).toBe(2);
    expect(names(s.missing)).toEqual(['id', 'receipt']);
    expect(s.neededCount).toBe(2);
  });

  it('a conditional material becomes needed once marked 适用 for this applicant', () => {
    const s = summarize(ITEMS, setApplicable(EMPTY_DRAFT, 'discharge', true));
    expect(names(s.missing)).toEqual(['id', 'receipt', 'discharge']);
  });

  it('a handed-in material marked defective is missing again, for its reason', () => {
    let draft = setSubmitted(setSubmitted(EMPTY_DRAFT, 'id', true), 'receipt', true);
    expect(summarize(ITEMS, draft).missingCount).toBe(0);
    draft = setDefect(draft, 'receipt', '收据未加盖医院财务专用章');
    const s = summarize(ITEMS, draft);
    expect(names(s.missing)).toEqual(['receipt']);
    expect(s.defectiveCount).toBe(1);
    expect(s.defectsWithoutReason).toEqual([]);
  });

  it('holds back a defect without a reason, and forgets it when the material is taken back', () => {
    let draft = setDefect(setSubmitted(EMPTY_DRAFT, 'id', true), 'id', '');
    expect(names(summarize(ITEMS, draft).defectsWithoutReason)).toEqual(['id']);
    draft = setSubmitted(draft, 'id', false);
    expect(draft.defects).toEqual({});
    // A material not handed in cannot be defective.
    expect(setDefect(EMPTY_DRAFT, 'photo', '模糊').defects).toEqual({});
  });

  it('submitAllNeeded ticks every needed material and leaves optional ones alone', () => {
    const draft = submitAllNeeded(ITEMS, setApplicable(EMPTY_DRAFT, 'discharge', true));
    expect([...draft.submitted].sort()).toEqual(['discharge', 'id', 'receipt']);
    expect(summarize(ITEMS, draft).missingCount).toBe(0);
  });
});

describe('kindOf and itemFromServiceMaterial', () => {
  it('reads the guide shape as it is', () => {
    const m = itemFromServiceMaterial({
      id: 'x', name: '授权委托书', originals: 1, copies: 2, form: 'either', required: false, condition: '委托他人办理的',
      source: 'other', sourceNote: '申请人自行出具', note: null, blankFormUrl: null, sampleUrl: null,
    });
    expect(m).toMatchObject({ originals: 1, copies: 2, form: 'either', condition: '委托他人办理的', source: 'other' });
    expect(kindOf(m)).toBe('conditional');
  });

  it('reads the older catalogue shape: the original flag, and a note on an optional material as its condition', () => {
    const proxy = itemFromServiceMaterial({ id: 'p', name: '授权委托书', copies: 1, original: true, required: false, note: '委托他人办理的需提供' });
    expect(proxy).toMatchObject({ originals: 1, copies: 0, condition: '委托他人办理的需提供' });
    expect(kindOf(proxy)).toBe('conditional');
    const tax = itemFromServiceMaterial({ id: 't', name: '完税凭证', copies: 1, original: false, required: true, note: null });
    expect(tax).toMatchObject({ originals: 0, copies: 1, condition: null });
    expect(kindOf(tax)).toBe('required');
  });
});

describe('draftFromCase and checklistPatch', () => {
  const row = (materialId: string, over: Partial<CaseMaterialState>): CaseMaterialState => ({
    materialId, name: materialId, originals: 1, copies: 0, form: 'paper', required: true, condition: null,
    needed: true, applicable: false, submitted: false, defect: null, missing: true, ...over,
  });
  const saved = {
    materials: [
      row('id', { submitted: true, missing: false }),
      row('receipt', { submitted: true, defect: '未盖章', missing: true }),
      row('discharge', { required: false, condition: '住院的', applicable: true }),
    ],
  };

  it('reads back what was recorded on the case', () => {
    expect(draftFromCase(saved)).toEqual({ submitted: ['id', 'receipt'], applicable: ['discharge'], defects: { receipt: '未盖章' } });
  });

  it('sends nothing when nothing changed, and only the lists that changed otherwise', () => {
    const draft = draftFromCase(saved);
    expect(checklistPatch(saved, draft)).toBeNull();
    const fixed = setDefect(setSubmitted(draft, 'discharge', true), 'receipt', null);
    expect(checklistPatch(saved, fixed)).toEqual({ submitted: ['id', 'receipt', 'discharge'], defective: [] });
  });
});
