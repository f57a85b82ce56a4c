// Browser test for the Cypher console: run a ready-made question, see the table and the actors on the network.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db';
import { resetToSeed, testDb } from '../support/db';

// Self-contained until tests/support/browser.ts (startServer, launchBrowser) exists; then use it instead.
const DIST = path.resolve(__dirname, '..', '..', 'dist');

let db: Db;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npx vite build` first');
  db = testDb();
  await resetToSeed(db);
  server = createApp(db, { clientDir: DIST }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  await db?.close();
});

describe('Console Cypher tab', () => {
  it('runs a ready-made question and shows its table and its actors on the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-testid="tab-console"]');
    const example = page.locator('[data-testid="console-example"][data-id="funding-who-funds-whom"]');
    await example.click();
    await page.click('[data-testid="console-run"]');
    await page.waitForSelector('[data-testid="console-table"] tbody tr');

    const headers = await page.locator('[data-testid="console-table"] th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['funder', 'funded', 'amountEUR']));
    const rows = await page.locator('[data-testid="console-table"] tbody tr').count();
    const [{ n: funds }] = await db.read('MATCH (:Actor)-[r:FUNDS]->(:Actor) RETURN count(r) AS n');
    expect(rows).toBe(funds);

    // "Replace the view" is the default: the network now holds exactly the actors of the FUNDS ties.
    const [{ n: actors }] = await db.read('MATCH (a:Actor) WHERE (a)-[:FUNDS]-() RETURN count(a) AS n');
    const drawn = await page.evaluate(() => (window as unknown as { __maillage: { cy: { nodes(): { length: number } } } }).__maillage.cy.nodes().length);
    expect(drawn).toBe(actors);
    fs.mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/console.png' });
    await page.close();
  });

  it('shows a syntax error with its line and column', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-testid="tab-console"]');
    await page.waitForSelector('[data-testid="console-editor"] .cm-content');
    await page.click('[data-testid="console-editor"] .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (n)\nRETURN n,,');
    await page.keyboard.press('Control+Enter');
    const error = page.locator('[data-testid="console-error"]');
    await error.waitFor({ state: 'visible' });
    expect(await error.getAttribute('data-name')).toBe('CypherSyntaxError');
    expect(await error.textContent()).toContain('line 2, column 10');
    expect(await page.locator('.cm-cypher-error').count()).toBe(1);
    await page.close();
  });
});
