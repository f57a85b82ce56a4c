// Signing in from the page: an exposed server shows "Se connecter"; a wrong password says so; a right one shows the account.
import type { Browser } from 'playwright-core';
import { createUser } from '../../server/auth/accounts';
import type { Db } from '../../server/db';
import { launchBrowser, openApp, screenshot, startServer } from '../support/browser';
import { resetToSeed, testDb, wipe } from '../support/db';

let db: Db;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
  await createUser(db, { name: 'edith', role: 'editor', password: 'edith-password' });
  // Listening on 127.0.0.1 but configured as exposed: what HOST=0.0.0.0 does to authorisation.
  server = await startServer(db, { auth: { host: '0.0.0.0' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wipe(db);
  await db?.close();
});

describe('the account corner', () => {
  it('offers sign-in on an exposed server, refuses a wrong password, then shows the signed-in editor', async () => {
    const { page, errors } = await openApp(browser, server.url);
    await page.click('[data-testid=login]');
    await page.fill('[data-testid=login-name]', 'edith');
    await page.fill('[data-testid=login-password]', 'not-the-password');
    await page.click('[data-testid=login-submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=login-error]')?.textContent?.includes('mot de passe incorrect'));
    await page.fill('[data-testid=login-password]', 'edith-password');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=who]');
    expect(await page.innerText('[data-testid=who]')).toBe('edith\néditeur');
    expect(await page.$('[data-testid=login-dialog]')).toBeNull();
    await screenshot(page, 'account-signed-in');
    // The session survives a reload (cookie), and signing out brings the button back.
    await page.reload();
    await page.waitForSelector('[data-testid=who]');
    await page.click('[data-testid=logout]');
    await page.waitForSelector('[data-testid=login]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
