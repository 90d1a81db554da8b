// What a person does and sees in the admin UI, as small helpers over Playwright locators.
// playwright-core has no auto-retrying `expect`, so these wait with Playwright's own
// auto-waiting (locator.waitFor) and fail with its timeout error; value checks in the tests go
// through vitest's expect.poll.
import type { Locator, Page } from 'playwright-core';

/** Waits until exactly one element matches and is visible. */
export async function see(locator: Locator, timeout?: number): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until nothing matching is visible. */
export async function seeNo(locator: Locator, timeout?: number): Promise<void> {
  await locator.filter({ visible: true }).first().waitFor({ state: 'hidden', timeout });
}

/** Waits until the element's visible text contains each of the given strings. */
export async function seeText(locator: Locator, ...texts: string[]): Promise<void> {
  await see(locator);
  for (const text of texts) await see(locator.filter({ hasText: text }));
}

/** Waits until the page is at this path (query and hash ignored). */
export async function seePath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { waitUntil: 'commit' });
}

/** A page's title (the h4 of PageHeader). */
export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true });
}

/** The table row (<tr>) that shows this text. */
export function row(page: Page, text: string): Locator {
  return page.getByRole('row').filter({ hasText: text });
}

/** The open antd Select dropdown (there is at most one at a time). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown').filter({ visible: true });
}

/** Opens an antd Select (by its accessible name) and clicks the option that reads `option`. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await openDropdown(page).getByTitle(option, { exact: true }).click();
}

/**
 * The options of an antd Select, as text, opening it first. A popup opened while the page is
 * still settling can be closed again by a re-render, so this opens and reads until it sees options.
 */
export async function selectOptions(page: Page, select: Locator, timeout = 10_000): Promise<string[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const dropdown = openDropdown(page);
    if ((await dropdown.count()) === 0) await select.click();
    const options = await dropdown.locator('.ant-select-item-option').allInnerTexts().catch(() => []);
    if (options.length > 0) return options;
    if (Date.now() > until) throw new Error('selectOptions: the dropdown showed no options');
    await page.waitForTimeout(100);
  }
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * A staff member opens the console, is sent to sign in, and comes back to the console signed in
 * (the window cards are next).
 */
export async function signInToConsole(page: Page, account: { username: string; password: string; name: string }): Promise<void> {
  await page.goto('/console');
  await seePath(page, '/login');
  await page.getByLabel('用户名', { exact: true }).fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' });
  // Signing in from /console lands on /admin (LoginPage only returns to /admin paths), and the
  // admin pages have no link to the console: the staff member types /console again.
  if (new URL(page.url()).pathname !== '/console') await page.goto('/console');
  await seeText(page.getByTestId('current-user'), account.name);
}
