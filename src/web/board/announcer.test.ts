import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callAnnouncement } from '../../core/queue/ticket-number';
import { Announcer, type ChimeOutput, createBrowserSpeech, defaultFallbackMs, pickChineseVoice, type SpeechOutput } from './announcer';

/** A speech engine that speaks for `durationMs` (or until the test ends it), one utterance at a time. */
class FakeSpeech implements SpeechOutput {
  readonly log: string[] = [];
  /** Texts whose reading began while another was still being read (must stay empty). */
  readonly overlaps: string[] = [];
  current: { text: string; done: () => void } | null = null;
  chinese = true;
  /** null: the engine never sends `end` (the announcer must time out). */
  durationMs: number | null = 3_000;

  hasChineseVoice() {
    return this.chinese;
  }

  speak(text: string, done: () => void) {
    if (this.current) this.overlaps.push(text);
    this.log.push(text);
    const entry = {
      text,
      done: () => {
        if (this.current === entry) this.current = null;
        done();
      },
    };
    this.current = entry;
    if (this.durationMs !== null) setTimeout(entry.done, this.durationMs);
  }
}

class FakeChime implements ChimeOutput {
  plays = 0;
  play() {
    this.plays += 1;
    return 1_500;
  }
}

let speech: FakeSpeech;
let chime: FakeChime;
let announcer: Announcer;

beforeEach(() => {
  vi.useFakeTimers();
  speech = new FakeSpeech();
  chime = new FakeChime();
  announcer = new Announcer({ speech, chime });
});

afterEach(() => {
  announcer.dispose();
  vi.useRealTimers();
});

const A001 = callAnnouncement('A001', 3);
const B002 = callAnnouncement('B002', 5);

describe('Announcer', () => {
  it('chimes, then speaks the call twice with the exact callAnnouncement text', async () => {
    const result = announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    expect(result).toEqual({ voiced: true, merged: false });
    expect(chime.plays).toBe(1);
    expect(speech.log).toEqual([]); // the chime comes first
    await vi.advanceTimersByTimeAsync(30_000);
    expect(speech.log).toEqual([A001, A001]);
    expect(A001).toBe('请 A 零 零 一 号 到 3 号窗口 办理');
    expect(announcer.busy).toBe(false);
  });

  it('speaks two calls made in quick succession in order, each twice, never overlapping', async () => {
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    await vi.advanceTimersByTimeAsync(2_500); // the first call is being read
    expect(speech.current?.text).toBe(A001);
    announcer.announce({ ticketId: 't2', number: 'B002', windowNumber: 5 });
    expect(speech.current?.text).toBe(A001); // not cut off
    expect(announcer.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001, A001, B002, B002]);
    expect(speech.overlaps).toEqual([]);
    expect(chime.plays).toBe(2);
  });

  it('waits for the end of each reading, however slow the engine', async () => {
    speech.durationMs = 6_500; // a slow engine, still within the fallback bound
    expect(defaultFallbackMs(A001)).toBeGreaterThan(6_500);
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    announcer.announce({ ticketId: 't2', number: 'B002', windowNumber: 5 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(speech.log).toEqual([A001, A001, B002, B002]);
    expect(speech.overlaps).toEqual([]);
  });

  it('moves on after a timeout when the engine never reports the end', async () => {
    speech.durationMs = null;
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    announcer.announce({ ticketId: 't2', number: 'B002', windowNumber: 5 });
    await vi.advanceTimersByTimeAsync(defaultFallbackMs(A001) - 1 + 1_500 + 700);
    expect(speech.log).toEqual([A001]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(speech.log).toEqual([A001, A001, B002, B002]);
  });

  it('tolerates an engine that ends synchronously or twice', async () => {
    const eager: SpeechOutput = {
      hasChineseVoice: () => true,
      speak: (text, done) => {
        speech.log.push(text);
        done();
        done();
      },
    };
    announcer = new Announcer({ speech: eager, chime });
    announcer.announce({ number: 'A001', windowNumber: 3 });
    announcer.announce({ number: 'B002', windowNumber: 5 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001, A001, B002, B002]);
  });

  it('announces a recall again, the same way', async () => {
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    await vi.advanceTimersByTimeAsync(60_000);
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3, recall: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001, A001, A001, A001]);
    expect(chime.plays).toBe(2);
  });

  it('queues a recall made while the call is still being read', async () => {
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    await vi.advanceTimersByTimeAsync(2_500);
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3, recall: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001, A001, A001, A001]);
    expect(speech.overlaps).toEqual([]);
  });

  it('merges a recall into the same call still waiting its turn', async () => {
    announcer.announce({ ticketId: 't0', number: 'C009', windowNumber: 1 });
    announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    expect(announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3, recall: true }).merged).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(speech.log.filter((text) => text === A001)).toHaveLength(2);
  });

  it('only chimes when there is no Chinese voice', async () => {
    speech.chinese = false;
    const result = announcer.announce({ ticketId: 't1', number: 'A001', windowNumber: 3 });
    expect(result.voiced).toBe(false);
    announcer.announce({ ticketId: 't2', number: 'B002', windowNumber: 5 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([]);
    expect(chime.plays).toBe(2);
  });

  it('keeps going when the chime cannot play', async () => {
    announcer = new Announcer({ speech, chime: { play: () => { throw new Error('no audio'); } } });
    announcer.announce({ number: 'A001', windowNumber: 3 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001, A001]);
  });

  it('drops nothing it is saying on dispose, and announces nothing afterwards', async () => {
    announcer.announce({ number: 'A001', windowNumber: 3 });
    announcer.announce({ number: 'B002', windowNumber: 5 });
    await vi.advanceTimersByTimeAsync(2_500);
    announcer.dispose();
    announcer.announce({ number: 'C003', windowNumber: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.log).toEqual([A001]);
  });

  it('refuses a window number the announcement cannot say', () => {
    expect(() => announcer.announce({ number: 'A001', windowNumber: 1.5 })).toThrow(RangeError);
  });
});

describe('createBrowserSpeech', () => {
  class FakeUtterance {
    lang = '';
    rate = 1;
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }

  function fakeSynth(voices: { lang: string; name: string }[]) {
    return {
      spoken: [] as FakeUtterance[],
      cancel: vi.fn(),
      getVoices: () => voices,
      speak(utterance: FakeUtterance) {
        this.spoken.push(utterance);
      },
    };
  }

  it('speaks the text as zh-CN at rate 0.9 with the Mandarin voice, and reports its end', () => {
    const synth = fakeSynth([{ lang: 'en-US', name: 'English' }, { lang: 'zh-TW', name: 'Taiwan' }, { lang: 'zh-CN', name: 'Mandarin' }]);
    const speech = createBrowserSpeech({ synth: () => synth as never, Utterance: () => FakeUtterance as never });
    expect(speech.hasChineseVoice()).toBe(true);
    const done = vi.fn();
    speech.speak(A001, done);
    expect(synth.spoken).toHaveLength(1);
    const [u] = synth.spoken;
    expect(u).toMatchObject({ text: A001, lang: 'zh-CN', rate: 0.9, voice: { name: 'Mandarin' } });
    expect(done).not.toHaveBeenCalled();
    u?.onend?.();
    expect(done).toHaveBeenCalledTimes(1);
    expect(synth.cancel).not.toHaveBeenCalled();
  });

  it('has no Chinese voice when the engine lists none starting with zh', () => {
    const synth = fakeSynth([{ lang: 'en-US', name: 'English' }]);
    expect(createBrowserSpeech({ synth: () => synth as never, Utterance: () => FakeUtterance as never }).hasChineseVoice()).toBe(false);
    expect(createBrowserSpeech({ synth: () => undefined, Utterance: () => undefined }).hasChineseVoice()).toBe(false);
  });

  it('finishes at once when the page has no speech API', () => {
    const done = vi.fn();
    createBrowserSpeech({ synth: () => undefined, Utterance: () => undefined }).speak(A001, done);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('uses window.speechSynthesis as found at call time', () => {
    const synth = fakeSynth([{ lang: 'zh_CN', name: 'Mandarin' }]);
    const g = globalThis as Record<string, unknown>;
    const saved = { s: g.speechSynthesis, u: g.SpeechSynthesisUtterance };
    const speech = createBrowserSpeech();
    try {
      g.speechSynthesis = synth;
      g.SpeechSynthesisUtterance = FakeUtterance;
      expect(speech.hasChineseVoice()).toBe(true);
      speech.speak(B002, () => undefined);
      expect(synth.spoken.map((u) => [u.text, u.lang])).toEqual([[B002, 'zh-CN']]);
    } finally {
      g.speechSynthesis = saved.s;
      g.SpeechSynthesisUtterance = saved.u;
    }
  });

  it('prefers a Mainland voice over other Chinese ones', () => {
    expect(pickChineseVoice([{ lang: 'zh-HK' }, { lang: 'zh-CN' }])?.lang).toBe('zh-CN');
    expect(pickChineseVoice([{ lang: 'zh-HK' }])?.lang).toBe('zh-HK');
    expect(pickChineseVoice([{ lang: 'en-GB' }])).toBeNull();
  });
});
