// A real chuangkou server for one browser test file: `node --import tsx src/server/main.ts` in a
// child process, on a free port, with a fresh data directory and the demo hall seeded.
//
// It serves a private copy of the web build in dist/web (run `vite build` first;
// `npm run test:browser` does): a `vite build` started elsewhere while the tests run empties
// dist/web, and a server reading it directly would then fail to load the pages' chunks.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-pass-2026';

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  name: string;
}

export interface DemoDevice {
  kind: string;
  name: string;
  token: string;
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  port: number;
  dataDir: string;
  admin: { username: string; password: string };
  /** The demo accounts printed at start (manager, staff1…, inspector). */
  demoAccounts: DemoAccount[];
  /** The demo hall manager (王建国), with the password printed at start. */
  manager: DemoAccount;
  demoDevices: DemoDevice[];
  /** Everything the child wrote so far (stdout and stderr interleaved). */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;

/** A port nobody listens on right now (the OS picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

/** Parses the "Demo hall … seeded. Accounts" block that main.ts prints. */
export function parseDemoOutput(text: string): { accounts: DemoAccount[]; devices: DemoDevice[] } {
  const accounts: DemoAccount[] = [];
  const devices: DemoDevice[] = [];
  let section: 'none' | 'accounts' | 'devices' = 'none';
  for (const line of text.split('\n')) {
    if (line.includes('Accounts (passwords shown only once)')) {
      section = 'accounts';
      continue;
    }
    if (line.includes('Device tokens')) {
      section = 'devices';
      continue;
    }
    if (section === 'accounts') {
      const m = /^\s+(admin|manager|staff|inspector)\s+(\S+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
      if (m) accounts.push({ role: m[1]!, username: m[2]!, password: m[3]!, name: m[4]! });
      else section = 'none';
    } else if (section === 'devices') {
      const m = /^\s+(kiosk|display|evaluator)\s+(.+?):\s+(\S+)\s*$/.exec(line);
      if (m) devices.push({ kind: m[1]!, name: m[2]!, token: m[3]! });
      else section = 'none';
    }
  }
  return { accounts, devices };
}

/** Files a build refers to (index.html → entry chunks, chunks → other chunks) that it lacks. */
export function missingFiles(webDir: string): string[] {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return ['index.html'];
  const assets = existsSync(join(webDir, 'assets')) ? readdirSync(join(webDir, 'assets')) : [];
  const have = new Set(assets);
  const wanted = new Set<string>();
  const texts = [readFileSync(index, 'utf8'), ...assets.filter((f) => /\.(js|css)$/.test(f)).map((f) => readFileSync(join(webDir, 'assets', f), 'utf8'))];
  for (const text of texts) {
    for (const m of text.matchAll(/(?:assets\/|["'`]\.\/)([\w.-]+\.(?:js|css))["'`]/g)) wanted.add(m[1]!);
  }
  return [...wanted].filter((f) => !have.has(f));
}

/**
 * Copies dist/web into `dest`, retrying while it is incomplete (a build in progress elsewhere).
 * Returns the copy's path.
 */
export async function snapshotWebBuild(dest: string, timeoutMs = 60_000): Promise<string> {
  const source = join(ROOT, 'dist/web');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    rmSync(dest, { recursive: true, force: true });
    let missing: string[];
    try {
      cpSync(source, dest, { recursive: true });
      missing = missingFiles(dest);
    } catch (err) {
      missing = [String(err)];
    }
    if (missing.length === 0) return dest;
    if (Date.now() > deadline) {
      throw new Error(`dist/web is not a complete web build (missing: ${missing.slice(0, 5).join(', ')}). Build it first: npx vite build (npm run test:browser does).`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const tempDir = mkdtempSync(join(tmpdir(), 'chuangkou-e2e-'));
  const dataDir = join(tempDir, 'data');
  let webDir: string;
  try {
    webDir = await snapshotWebBuild(join(tempDir, 'web'));
  } catch (err) {
    rmSync(tempDir, { recursive: true, force: true });
    throw err;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIR: webDir,
      ADMIN_PASSWORD,
      DEMO: '1',
      // Tests count cases themselves; the demo's past casework is for people looking at the demo.
      DEMO_HISTORY: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      PUBLIC_ORIGIN: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  // If this test process dies without running afterAll, do not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // main.ts forces an exit after 15 s; beyond that something is stuck.
      if (!(await waitForExit(child, 20_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(tempDir, { recursive: true, force: true });
  };

  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new Error(`${why}\n--- server output ---\n${output}`);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  // Ready when health answers 200 and main.ts has printed its banner (which ends with the URLs).
  while (!((await healthy(baseUrl)) && output.includes('API docs:'))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await fail(`The server exited early (code ${child.exitCode}, signal ${child.signalCode}).`);
    }
    if (Date.now() > deadline) await fail(`The server did not become healthy at ${baseUrl} within ${START_TIMEOUT_MS / 1000} s.`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const { accounts, devices } = parseDemoOutput(output);
  const manager = accounts.find((a) => a.role === 'manager');
  if (!manager) await fail('The demo accounts were not printed (is the data directory fresh and DEMO=1?).');

  return {
    baseUrl,
    port,
    dataDir,
    admin: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
    demoAccounts: accounts,
    manager: manager!,
    demoDevices: devices,
    output: () => output,
    stop,
  };
}

/** A tiny JSON client for arranging data through the API (signs in, keeps the session cookie). */
export interface ApiClient {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`API login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ck_session='))?.split(';')[0];
  if (!cookie) throw new Error('API login returned no ck_session cookie');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}
