// The board's voice (R-02 来有迎声: a call is heard, not only shown).
//
// Each call is a chime (two tones) followed by the announcement spoken twice. Calls queue up: a
// new call never cuts off the one being spoken — the next utterance starts when the previous
// one ends (its `end` event, or a timeout when an engine never sends one). Nothing here ever
// calls speechSynthesis.cancel().
//
// The queue talks to small ports (SpeechOutput, ChimeOutput, Timers) so it can be unit-tested
// without a browser; createBrowserSpeech / createBrowserChime are the real ones, over
// window.speechSynthesis and the Web Audio API. They look the globals up at call time, so a page
// (or a test) that replaces window.speechSynthesis before use is honoured.
import { callAnnouncement } from '../../core/queue/ticket-number';

export interface SpeechOutput {
  /** Whether a Chinese voice is available right now (voices load asynchronously). */
  hasChineseVoice(): boolean;
  /**
   * Speak `text` once. Call `done` when it has been spoken (or failed); calling it more than
   * once, or not at all, is tolerated — the announcer also has a timeout.
   */
  speak(text: string, done: () => void): void;
}

export interface ChimeOutput {
  /** Starts the chime; returns how long it lasts in ms (0 when it could not play). */
  play(): number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Call {
  ticketId?: string;
  number: string;
  windowNumber: number;
  recall?: boolean;
}

export interface AnnouncerOptions {
  speech: SpeechOutput;
  chime: ChimeOutput;
  timers?: Timers;
  /** How many times each call is spoken. */
  repeat?: number;
  /** Pause between the chime and the first reading, and between readings (ms). */
  gapMs?: number;
  /** Pause after a call before the next one starts (ms). */
  betweenMs?: number;
  /** Longest a reading may take before the queue moves on without its `end` event (ms). */
  fallbackMs?: (text: string) => number;
  /** At most this many calls wait; beyond it the oldest waiting one is dropped. */
  maxPending?: number;
  /** Told about each utterance as it starts (for logging). */
  onSpeak?: (text: string, call: Call) => void;
}

export interface AnnounceResult {
  /** The call will be spoken (a Chinese voice exists), not only chimed. */
  voiced: boolean;
  /** The call was merged into one already waiting in the queue (same ticket, same window). */
  merged: boolean;
}

/**
 * How long a reading may take: engines read Chinese at about four syllables a second, slower at
 * rate 0.9; the bound is generous so a slow engine is never cut short by the next utterance.
 */
export function defaultFallbackMs(text: string): number {
  const chars = text.replace(/\s+/g, '').length;
  return Math.min(15_000, 2_500 + chars * 350);
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Job {
  call: Call;
  text: string;
}

export class Announcer {
  private readonly speech: SpeechOutput;
  private readonly chime: ChimeOutput;
  private readonly timers: Timers;
  private readonly repeat: number;
  private readonly gapMs: number;
  private readonly betweenMs: number;
  private readonly fallbackMs: (text: string) => number;
  private readonly maxPending: number;
  private readonly onSpeak?: (text: string, call: Call) => void;

  private readonly queue: Job[] = [];
  private running = false;
  private disposed = false;
  private pendingTimer: unknown = null;

  constructor(options: AnnouncerOptions) {
    this.speech = options.speech;
    this.chime = options.chime;
    this.timers = options.timers ?? realTimers;
    this.repeat = Math.max(1, options.repeat ?? 2);
    this.gapMs = options.gapMs ?? 700;
    this.betweenMs = options.betweenMs ?? 1_200;
    this.fallbackMs = options.fallbackMs ?? defaultFallbackMs;
    this.maxPending = Math.max(1, options.maxPending ?? 20);
    this.onSpeak = options.onSpeak;
  }

  /** Calls waiting, not counting the one being announced. */
  get pending(): number {
    return this.queue.length;
  }

  /** True while a call is being chimed or spoken. */
  get busy(): boolean {
    return this.running;
  }

  /** Whether calls are spoken (a Chinese voice exists) or only chimed. */
  voiced(): boolean {
    try {
      return this.speech.hasChineseVoice();
    } catch {
      return false;
    }
  }

  /** Queues a call (or a recall). Throws a RangeError on a window number callAnnouncement refuses. */
  announce(call: Call): AnnounceResult {
    const text = callAnnouncement(call.number, call.windowNumber);
    const voiced = this.voiced();
    if (this.disposed) return { voiced, merged: false };
    // A recall of a call that is still waiting its turn adds nothing: it will be heard anyway.
    const waiting = this.queue.find((job) => sameCall(job.call, call));
    if (waiting) return { voiced, merged: true };
    this.queue.push({ call, text });
    while (this.queue.length > this.maxPending) this.queue.shift();
    if (!this.running) this.next();
    return { voiced, merged: false };
  }

  /** Stops after the current utterance; nothing waiting is announced. Never cuts speech off. */
  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    if (this.pendingTimer !== null) this.timers.clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    this.running = false;
  }

  private wait(ms: number, then: () => void): void {
    if (ms <= 0) {
      // Still asynchronous, so a port that answers synchronously cannot recurse without bound.
      this.pendingTimer = this.timers.setTimeout(() => {
        this.pendingTimer = null;
        if (!this.disposed) then();
      }, 0);
      return;
    }
    this.pendingTimer = this.timers.setTimeout(() => {
      this.pendingTimer = null;
      if (!this.disposed) then();
    }, ms);
  }

  private next(): void {
    if (this.disposed) return;
    const job = this.queue.shift();
    if (!job) {
      this.running = false;
      return;
    }
    this.running = true;
    let chimeMs = 0;
    try {
      chimeMs = this.chime.play();
    } catch {
      chimeMs = 0;
    }
    const voiced = this.voiced();
    if (!voiced) {
      this.wait(chimeMs + this.betweenMs, () => this.next());
      return;
    }
    this.wait(chimeMs + this.gapMs, () => this.readAloud(job, 1));
  }

  private readAloud(job: Job, reading: number): void {
    let finished = false;
    let fallback: unknown = null;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (fallback !== null) this.timers.clearTimeout(fallback);
      if (this.disposed) return;
      if (reading < this.repeat) this.wait(this.gapMs, () => this.readAloud(job, reading + 1));
      else this.wait(this.betweenMs, () => this.next());
    };
    fallback = this.timers.setTimeout(finish, this.fallbackMs(job.text));
    this.onSpeak?.(job.text, job.call);
    try {
      this.speech.speak(job.text, finish);
    } catch {
      finish();
    }
  }
}

function sameCall(a: Call, b: Call): boolean {
  if (a.windowNumber !== b.windowNumber || a.number !== b.number) return false;
  return a.ticketId === undefined || b.ticketId === undefined || a.ticketId === b.ticketId;
}

// ---- browser ports ----

interface VoiceLike {
  lang: string;
  name?: string;
  localService?: boolean;
}

interface UtteranceLike {
  lang: string;
  rate: number;
  voice?: unknown;
  onend: ((event?: unknown) => void) | null;
  onerror: ((event?: unknown) => void) | null;
}

interface SynthLike {
  speak(utterance: UtteranceLike): void;
  getVoices(): VoiceLike[];
}

type UtteranceConstructor = new (text: string) => UtteranceLike;

export interface BrowserSpeechOptions {
  /** Defaults to window.speechSynthesis, looked up at each call. */
  synth?: () => SynthLike | undefined;
  /** Defaults to window.SpeechSynthesisUtterance, looked up at each call. */
  Utterance?: () => UtteranceConstructor | undefined;
  rate?: number;
}

function normalisedLang(voice: VoiceLike): string {
  return String(voice.lang ?? '').replace('_', '-').toLowerCase();
}

/** The best Mandarin voice: zh-CN, then other Simplified/Mainland tags, then any zh voice. */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const zh = voices.filter((v) => normalisedLang(v).startsWith('zh'));
  if (zh.length === 0) return null;
  const rank = (v: V) => {
    const lang = normalisedLang(v);
    if (lang === 'zh-cn') return 0;
    if (lang.startsWith('zh-hans') || lang === 'zh' || lang.startsWith('zh-cn')) return 1;
    if (lang.startsWith('zh-sg') || lang.startsWith('cmn')) return 2;
    return 3; // zh-TW, zh-HK: still Chinese, as a last resort
  };
  return [...zh].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function globalSynth(): SynthLike | undefined {
  const w = globalThis as unknown as { speechSynthesis?: SynthLike };
  return w.speechSynthesis ?? undefined;
}

function globalUtterance(): UtteranceConstructor | undefined {
  const w = globalThis as unknown as { SpeechSynthesisUtterance?: UtteranceConstructor };
  return w.SpeechSynthesisUtterance ?? undefined;
}

/** SpeechOutput over the Web Speech API: lang zh-CN, rate 0.9, the best Chinese voice. */
export function createBrowserSpeech(options: BrowserSpeechOptions = {}): SpeechOutput {
  const synthOf = options.synth ?? globalSynth;
  const utteranceOf = options.Utterance ?? globalUtterance;
  const rate = options.rate ?? 0.9;
  // Chrome drops `end` events of utterances that were garbage-collected while speaking: hold them.
  const speaking = new Set<UtteranceLike>();

  const voices = (): VoiceLike[] => {
    try {
      return Array.from(synthOf()?.getVoices() ?? []);
    } catch {
      return [];
    }
  };

  return {
    hasChineseVoice: () => pickChineseVoice(voices()) !== null,
    speak(text, done) {
      const synth = synthOf();
      const Utterance = utteranceOf();
      if (!synth || !Utterance) {
        done();
        return;
      }
      const utterance = new Utterance(text);
      utterance.lang = 'zh-CN';
      utterance.rate = rate;
      const voice = pickChineseVoice(voices());
      if (voice) {
        try {
          utterance.voice = voice;
        } catch {
          // A voice object the engine does not accept: lang alone still selects Mandarin.
        }
      }
      const end = () => {
        speaking.delete(utterance);
        done();
      };
      utterance.onend = end;
      utterance.onerror = end;
      speaking.add(utterance);
      synth.speak(utterance);
    },
  };
}

interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, time: number): void };
    connect(node: unknown): void;
    start(time: number): void;
    stop(time: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, time: number): void;
      linearRampToValueAtTime(value: number, time: number): void;
      exponentialRampToValueAtTime(value: number, time: number): void;
    };
    connect(node: unknown): void;
  };
}

export interface BrowserChime extends ChimeOutput {
  /** Creates or resumes the audio context; call from a user gesture. Resolves true when audio runs. */
  unlock(): Promise<boolean>;
  /** 'running', 'suspended' (blocked until a gesture), or 'unavailable'. */
  state(): string;
}

/** A two-tone 叮咚 (E5 then C5, bell-like decay) through the Web Audio API. */
export function createBrowserChime(): BrowserChime {
  let ctx: AudioContextLike | null = null;

  const context = (): AudioContextLike | null => {
    if (ctx) return ctx;
    const w = globalThis as unknown as { AudioContext?: new () => AudioContextLike; webkitAudioContext?: new () => AudioContextLike };
    const Ctor = w.AudioContext ?? w.webkitAudioContext;
    if (!Ctor) return null;
    try {
      ctx = new Ctor();
    } catch {
      ctx = null;
    }
    return ctx;
  };

  const tone = (c: AudioContextLike, frequency: number, start: number, duration: number) => {
    for (const [type, multiple, level] of [['sine', 1, 0.32], ['sine', 2, 0.06], ['triangle', 1, 0.05]] as const) {
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = type;
      osc.frequency.setValueAtTime(frequency * multiple, start);
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.linearRampToValueAtTime(level, start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
      osc.connect(gain);
      gain.connect(c.destination);
      osc.start(start);
      osc.stop(start + duration + 0.05);
    }
  };

  return {
    play() {
      const c = context();
      if (!c) return 0;
      if (c.state === 'suspended') void c.resume().catch(() => undefined);
      const t0 = c.currentTime + 0.05;
      tone(c, 659.25, t0, 0.9);
      tone(c, 523.25, t0 + 0.55, 1.2);
      return 1_800;
    },
    async unlock() {
      const c = context();
      if (!c) return false;
      try {
        if (c.state !== 'running') await c.resume();
      } catch {
        return false;
      }
      return c.state === 'running';
    },
    state() {
      const c = ctx ?? context();
      return c ? c.state : 'unavailable';
    },
  };
}
