// Chromium for browser tests: the system build (no `playwright install` here), headless, with a
// zh-CN context at 1440×900, and a helper that writes README screenshots to docs/screenshots.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const VIEWPORT = { width: 1440, height: 900 } as const;
// The README's pictures are refreshed on purpose (UPDATE_SCREENSHOTS=1 npm run test:browser);
// ordinary runs write to .tmp so a test run does not change tracked files.
export const SCREENSHOT_DIR = resolve(import.meta.dirname, process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../.tmp/screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (own cookies and localStorage) as a Chinese-speaking user on a desktop screen
 * (1440×900 unless `viewport` says otherwise, e.g. a 1920×1080 kiosk or a 390×844 phone).
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? VIEWPORT,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Saves a viewport screenshot to docs/screenshots/<name>.png. Waits for web fonts and lets
 * animations finish (antd drawers and modals slide in) so the picture is settled.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Finite ones only: a spinner's infinite animation never finishes.
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  // Park the mouse in an empty corner so no button is shown hovered.
  const size = page.viewportSize() ?? VIEWPORT;
  await page.mouse.move(size.width - 2, size.height - 2);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', scale: 'css' });
  return path;
}

/**
 * Saves what the page shows to .tmp/e2e-failures/<name>.png and says so on stderr: call it from
 * afterEach when `task.result?.state === 'fail'` (before closing the context), as the quickest
 * way to see why a test failed.
 */
export async function saveFailureScreenshot(page: Page, name: string): Promise<void> {
  const file = name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80);
  const path = resolve(import.meta.dirname, '../../.tmp/e2e-failures', `${file}.png`);
  mkdirSync(dirname(path), { recursive: true });
  try {
    await page.screenshot({ path, timeout: 5_000 });
    console.error(`Failure screenshot: ${path} (page was at ${page.url()})`);
  } catch {
    // The page may be gone already.
  }
}
