// Stand-ins for what a headless browser cannot do, installed before any page script runs:
// speech (window.speechSynthesis: records what would be said, in `window.__spoken`, and ends
// each utterance soon, as an engine would) and printing (window.print: counted in
// `window.__printed`). Chromium's own speechSynthesis has no voices here and never speaks.
import type { BrowserContext, Page } from 'playwright-core';

export interface Spoken {
  text: string;
  lang: string;
}

declare global {
  interface Window {
    __spoken: Spoken[];
    __printed: number;
  }
}

/** Runs in the page, before its own scripts. Kept self-contained: it is serialised. */
function install(): void {
  const w = window as Window;
  w.__spoken = [];
  w.__printed = 0;
  const voice = { name: '测试普通话', lang: 'zh-CN', localService: true, default: true, voiceURI: 'test-zh-CN' };
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => [voice],
    speak(utterance: SpeechSynthesisUtterance) {
      w.__spoken.push({ text: utterance.text, lang: utterance.lang });
      setTimeout(() => {
        const onend = utterance.onend as ((this: SpeechSynthesisUtterance, ev?: unknown) => void) | null;
        onend?.call(utterance);
      }, 50);
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => true,
  };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
  window.print = () => {
    w.__printed += 1;
  };
}

export async function installSpeechAndPrintStubs(context: BrowserContext): Promise<void> {
  await context.addInitScript(install);
}

/** What the page has said so far. */
export function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => window.__spoken ?? []);
}

/** How many times the page asked to print. */
export function printed(page: Page): Promise<number> {
  return page.evaluate(() => window.__printed ?? 0);
}
