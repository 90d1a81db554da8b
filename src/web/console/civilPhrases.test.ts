import { describe, expect, it } from 'vitest';
import { CIVIL_PHRASES, civilPhrases, phraseMoment } from './civilPhrases';

describe('civil phrases (R-02)', () => {
  it('has the seed wording in Chinese and an English version of each', () => {
    expect(civilPhrases('call', 'zh-CN')).toEqual(['您好！请坐！请问办理什么事务？']);
    expect(civilPhrases('pause', 'zh-CN')).toEqual(['对不起，请您稍等！']);
    expect(civilPhrases('complete', 'zh-CN')).toEqual(['请把您的证件和单据拿好。请走好，再见。']);
    expect(civilPhrases('serve', 'zh-CN')).toEqual(['请您出示相关证件。', '请您稍等，马上为您办理。']);
    for (const moment of Object.keys(CIVIL_PHRASES) as Array<keyof typeof CIVIL_PHRASES>) {
      expect(CIVIL_PHRASES[moment].en).toHaveLength(CIVIL_PHRASES[moment]['zh-CN'].length);
    }
  });

  it('falls back to Chinese for other languages', () => {
    expect(civilPhrases('call', 'en-GB')[0]).toMatch(/^Hello/);
    expect(civilPhrases('call', 'fr')).toEqual(civilPhrases('call', 'zh-CN'));
  });
});

describe('phraseMoment', () => {
  it('greets a called citizen, helps while serving, says goodbye after completing', () => {
    expect(phraseMoment('open', 'called', false)).toBe('call');
    expect(phraseMoment('open', 'serving', false)).toBe('serve');
    expect(phraseMoment('open', null, true)).toBe('complete');
  });

  it('apologises while paused', () => {
    expect(phraseMoment('paused', null, false)).toBe('pause');
    expect(phraseMoment('paused', 'serving', false)).toBe('pause');
    expect(phraseMoment('paused', null, true)).toBe('pause');
  });

  it('says nothing at an idle or closed window', () => {
    expect(phraseMoment('open', null, false)).toBeNull();
    expect(phraseMoment('closed', null, true)).toBeNull();
    expect(phraseMoment(null, null, false)).toBeNull();
  });
});
