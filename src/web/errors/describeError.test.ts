import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import i18n from '../i18n/setup';
import { describeError } from './describeError';

const alreadySignedIn = (details: unknown) => new ApiError({
  status: 409, code: 'already_signed_in', message: '您已在其他窗口签到，请先在该窗口签退后再签到本窗口。', details,
});

describe('describeError', () => {
  it('R-09/R-25: tells staff signed in at another window which window to sign out of first, in Chinese and English', () => {
    const error = alreadySignedIn({ windowId: 'w-5', windowNumber: 5, hallId: 'h-1' });
    expect(describeError(error, i18n.getFixedT('zh-CN'))).toBe('您已在 5 号窗口签到，请先在该窗口签退后再签到本窗口。');
    expect(describeError(error, i18n.getFixedT('en'))).toBe('You are signed in at window 5. Please sign out there before signing in to this window.');
  });

  it("falls back to the server's own words when the window is not named", () => {
    expect(describeError(alreadySignedIn(null), i18n.getFixedT('zh-CN'))).toBe('您已在其他窗口签到，请先在该窗口签退后再签到本窗口。');
    expect(describeError(alreadySignedIn({ windowNumber: '5' }), i18n.getFixedT('zh-CN'))).toBe('您已在其他窗口签到，请先在该窗口签退后再签到本窗口。');
  });
});
