import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { validationIssues } from './validationIssues';

describe('validationIssues', () => {
  it('R-08: reads the field problems of refused opening hours, so the hall form can show them on the interval', () => {
    const error = new ApiError({
      status: 400, code: 'invalid_hours', message: '营业时间设置有误。',
      details: [{ path: 'openingHours.1', message: '与同一天（周一）的另一时段 09:00–12:00 重叠' }],
    });
    expect(validationIssues(error)).toEqual([{ path: 'openingHours.1', message: '与同一天（周一）的另一时段 09:00–12:00 重叠' }]);
  });

  it('leaves other refusals to the general error message', () => {
    expect(validationIssues(new ApiError({ status: 409, code: 'archived', message: '该记录已归档，不能再修改。', details: { id: 'x' } }))).toBeNull();
    expect(validationIssues(new Error('boom'))).toBeNull();
  });
});
