// Browser-test helpers: the real app (built client + API) on an ephemeral port, and Debian's Chromium.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type AppOptions } from '../../server/app';
import type { Db } from '../../server/db';
import { resetToSeed, testDb } from './db';

const ROOT = path.resolve(__dirname, '..', '..');
export const CLIENT_DIR = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves the built client and the API on 127.0.0.1 with an ephemeral port. */
export async function startServer(db: Db, opts: Omit<AppOptions, 'clientDir'> = {}): Promise<{ url: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error('dist/index.html is missing: build the client first (npm test does: npm run build)');
  }
  const app = createApp(db, { ...opts, clientDir: CLIENT_DIR });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens the app and waits until the network is drawn; page errors fail the test that reads `errors`. */
export async function openApp(browser: Browser, url: string, opts: { width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A resource or style the Content-Security-Policy blocks is an error too: the page would be broken in use.
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

/** Number of nodes/edges Cytoscape holds (read through the handle main.ts exposes). */
export async function drawnCounts(page: Page): Promise<{ nodes: number; edges: number; visibleNodes: number; visibleEdges: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __maillage: { cy: { nodes(s?: string): { length: number }; edges(s?: string): { length: number } } } }).__maillage.cy;
    return { nodes: cy.nodes().length, edges: cy.edges().length, visibleNodes: cy.nodes(':visible').length, visibleEdges: cy.edges(':visible').length };
  });
}

/** Saves a screenshot under test-artifacts/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** What a browser test file works with: the app on the seed data, its URL, and Chromium. */
export interface SeededApp {
  db: Db;
  url: string;
  browser: Browser;
}

/**
 * Registers the file's beforeAll/afterAll: load the seeds into the test database, serve the built app on an
 * ephemeral port, launch Chromium; and close all three afterwards. Read the fields inside tests only.
 */
export function useSeededApp(): SeededApp {
  const app = {} as SeededApp;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeAll(async () => {
    app.db = testDb();
    await resetToSeed(app.db);
    server = await startServer(app.db);
    app.url = server.url;
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await server?.close();
    await app.db?.close();
  });
  return app;
}

/** How many layouts have finished on the page (the client marks each one `maillage:layout-done`). */
export function layoutsDone(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('maillage:layout-done').length);
}

/** Waits until a layout started after `before` finished ones has finished too (its `layoutstop`). */
export async function waitForLayout(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName('maillage:layout-done').length > n && document.body.dataset.layout === 'done',
    before,
  );
}

/** Waits until `selector` matches exactly `count` visible elements on the network (filters apply after the click). */
export async function waitForVisible(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([sel, n]) => {
      const cy = (window as unknown as { __maillage: { cy: { $(s: string): { filter(s: string): { length: number } } } } }).__maillage.cy;
      return cy.$(sel as string).filter(':visible').length === n;
    },
    [selector, count] as const,
  );
}

/** Waits until the element's text is exactly `text`. */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(([sel, t]) => document.querySelector(sel as string)?.textContent === t, [selector, text] as const);
}
