// The frame of a browser test file: a real server and Chromium, started together before the
// file's tests (its own beforeAll hooks run after, with both ready), a screenshot of every open
// page when a test fails, and everything closed after the file.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, newContext, saveFailureScreenshot } from './browser.js';
import { apiLogin, startTestServer, type ApiClient, type DemoAccount, type TestServer } from './server.js';

export interface BrowserSuite {
  readonly server: TestServer;
  /**
   * A fresh context (see newContext in browser.ts), closed by the suite: after each test, or
   * after the file when the suite keeps its pages (a day played out over several tests).
   */
  newContext(options?: Parameters<typeof newContext>[2]): Promise<BrowserContext>;
  /** A demo account printed at start, e.g. 'staff1'. */
  account(username: string): DemoAccount;
  /** The API, signed in as `who` (e.g. `suite.server.admin`, `suite.account('staff1')`). */
  api(who: { username: string; password: string }): Promise<ApiClient>;
}

export interface SuiteOptions {
  /** Pages stay open from test to test (until the file ends) instead of closing after each. */
  keepPages?: boolean;
  /**
   * The tests are the steps of one story (a day in the hall): once one fails, the later ones are
   * skipped, not failed again for the same reason.
   */
  skipAfterFailure?: boolean;
  /** Server settings over the test defaults, e.g. `{ DEMO_HISTORY: '1' }` for the demo's past month. */
  serverEnv?: Record<string, string>;
}

/**
 * Registers the hooks; call it at the top of the test file, before the file's own hooks.
 * `name` prefixes the failure screenshots (.tmp/e2e-failures).
 */
export function browserSuite(name: string, options: SuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closeContexts = () => Promise.all(contexts.splice(0).map((c) => c.close()));

  beforeAll(async () => {
    // Both at once (each takes seconds); whichever started is closed again in afterAll.
    const [started, launched] = await Promise.allSettled([startTestServer({ env: options.serverEnv }), launchBrowser()]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'fulfilled') server = started.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  let failedStep: string | null = null;
  beforeEach(({ skip }) => {
    if (options.skipAfterFailure && failedStep) skip(`an earlier step failed: ${failedStep}`);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      failedStep ??= task.name;
      const pages = contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed());
      for (const [i, page] of pages.entries()) await saveFailureScreenshot(page, `${name}-${i}-${task.name}`);
    }
    if (!options.keepPages) await closeContexts();
  });

  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started: use it inside hooks and tests');
    return value;
  };

  return {
    get server() { return started(server); },
    async newContext(contextOptions) {
      const context = await newContext(started(browser), started(server).baseUrl, contextOptions);
      contexts.push(context);
      return context;
    },
    account(username) {
      const found = started(server).demoAccounts.find((a) => a.username === username);
      if (!found) throw new Error(`demo account ${username} was not printed`);
      return found;
    },
    api(who) {
      return apiLogin(started(server).baseUrl, who.username, who.password);
    },
  };
}
