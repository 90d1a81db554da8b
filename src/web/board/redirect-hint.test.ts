import { describe, expect, it } from 'vitest';
import i18next from '../i18n/setup';
import { redirectHint } from './WindowGrid';

describe('the paused window sign on the board (R-05)', () => {
  it('names the one window to go to, or sends people to the others when several are open', () => {
    const zh = i18next.getFixedT('zh-CN');
    expect(redirectHint(zh, [3])).toBe('请到3号窗口办理');
    expect(redirectHint(zh, [3, 5])).toBe('请到其他窗口办理');
    expect(redirectHint(i18next.getFixedT('en'), [3])).toBe('Please go to window 3');
    expect(redirectHint(i18next.getFixedT('en'), [3, 5])).toBe('Please use another window');
  });

  it('asks people to wait when no open window serves the same services, rather than sending them nowhere', () => {
    expect(redirectHint(i18next.getFixedT('zh-CN'), [])).toBe('请您稍候');
    expect(redirectHint(i18next.getFixedT('en'), [])).toBe('Please wait');
  });
});
