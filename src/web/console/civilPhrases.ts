// R-02 五声服务 (来有迎声、问有答声、走有送声) and R-22 文明用语: the words the staff member says
// at each step, shown large on the console. The wording is the seed's; English for the English UI.
import type { WindowStatus } from '../api/types';

export type PhraseMoment = 'call' | 'serve' | 'pause' | 'complete';

export type PhraseLanguage = 'zh-CN' | 'en';

export const CIVIL_PHRASES: Readonly<Record<PhraseMoment, Readonly<Record<PhraseLanguage, readonly string[]>>>> = {
  // 迎声: the citizen arrives at the counter.
  call: {
    'zh-CN': ['您好！请坐！请问办理什么事务？'],
    en: ['Hello! Please have a seat. How may I help you?'],
  },
  // 答声: while serving.
  serve: {
    'zh-CN': ['请您出示相关证件。', '请您稍等，马上为您办理。'],
    en: ['May I see the relevant documents, please?', 'One moment please, I will take care of it right away.'],
  },
  // 致歉声: the counter has to stop for a moment.
  pause: {
    'zh-CN': ['对不起，请您稍等！'],
    en: ['I am sorry, please wait a moment!'],
  },
  // 送声: the citizen leaves.
  complete: {
    'zh-CN': ['请把您的证件和单据拿好。请走好，再见。'],
    en: ['Please take your documents and receipts with you. Take care, goodbye.'],
  },
};

/** The phrases for a moment in the UI language (any language that is not English gets Chinese). */
export function civilPhrases(moment: PhraseMoment, language: string): readonly string[] {
  return CIVIL_PHRASES[moment][language.startsWith('en') ? 'en' : 'zh-CN'];
}

/**
 * Which phrase fits now: the greeting while a number is called, the serving phrases while
 * serving, the apology while paused, the farewell right after a completion until the next
 * call. null when there is nothing to say (an idle or closed window).
 */
export function phraseMoment(
  windowStatus: WindowStatus | null,
  ticketStatus: string | null,
  justCompleted: boolean,
): PhraseMoment | null {
  if (ticketStatus === 'called') return 'call';
  if (ticketStatus === 'serving') return windowStatus === 'paused' ? 'pause' : 'serve';
  if (windowStatus === 'paused') return 'pause';
  if (justCompleted && windowStatus === 'open') return 'complete';
  return null;
}
