// The whole network drawn at the positions the server laid out for its graph version (GET /api/graph/layout), without
// the page's own layout; and laid out by the page as before when the server has none — in real Chromium.
import type { Browser, Page } from 'playwright-core';
import type { GraphLayout } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { GraphLayouts } from '../../../server/layout/service';
import { resetTo, testDb } from '../../support/db';
import { launchBrowser, openApp, startServer } from '../../support/browser';
import { generatedDataset } from '../../support/generated';

// 600 actors (past the 200 fcose lays out on the page), 2,100 elements: opened whole, laid out in the worker.
const ds = generatedDataset(600, 1500);
let db: Db;
let browser: Browser;
const closing: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  db = testDb();
  await resetTo(db, ds);
  browser = await launchBrowser();
}, 240_000);
afterEach(async () => { for (const c of closing.splice(0)) await c(); });
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

/** A server whose layouts are `layouts`. */
async function serve(layouts: GraphLayouts): Promise<string> {
  const server = await startServer(db, { layouts });
  closing.push(() => layouts.close(), () => server.close());
  return server.url;
}

/** Opens the page and waits for the network laid out (the page's own signal), then tells how. */
async function laidOut(url: string): Promise<{ page: Page; how: string; errors: string[] }> {
  const { page, errors } = await openApp(browser, url);
  closing.push(() => page.close());
  await page.waitForFunction('document.body.dataset.layout === "done"', undefined, { timeout: 60_000 });
  return { page, how: (await page.evaluate('document.body.dataset.layoutRun')) as string, errors };
}

describe('the whole network with the server\'s positions', () => {
  it('is drawn at them, every actor where the server placed it, without the page laying it out', async () => {
    const layouts = new GraphLayouts(db, { log: () => undefined });
    await layouts.check({ now: true });
    await layouts.idle();
    const server = JSON.parse(await layouts.answer()) as GraphLayout;
    expect(server.status).toBe('ready');
    if (server.status !== 'ready') return;
    const { page, how, errors } = await laidOut(await serve(layouts));
    expect(how).toBe('laid out by the server');
    const drawn = (await page.evaluate(`Object.fromEntries(window.__maillage.cy.nodes().map((n) => [n.id(), n.position()]))`)) as Record<string, { x: number; y: number }>;
    expect(Object.keys(drawn)).toHaveLength(ds.actors.length);
    server.ids.forEach((id, i) => {
      expect(drawn[id].x).toBeCloseTo(server.xy[2 * i], 0);
      expect(drawn[id].y).toBeCloseTo(server.xy[2 * i + 1], 0);
    });
    expect(errors).toEqual([]);
  });

  it('is laid out by the page as before when the server has none (here: past its limit)', async () => {
    const layouts = new GraphLayouts(db, { limits: { graph: 100, whole: 100 }, log: () => undefined });
    const { how, errors } = await laidOut(await serve(layouts));
    expect(how).toMatch(/^\d+ iterations, \d+ ms$/);
    expect(layouts.computed).toBe(0);
    expect(errors).toEqual([]);
  });
});
