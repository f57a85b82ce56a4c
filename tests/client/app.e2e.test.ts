// The app in real Chromium on the seed data: whole network drawn, search, evidence, readable at laptop sizes, API down.
import fs from 'node:fs';
import { drawnCounts, openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();

describe('the app in Chromium', () => {
  it('draws the whole seed network, finds an actor by alias and shows its evidence', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    const api = (await (await fetch(`${app.url}/api/graph`)).json()) as { nodes: unknown[]; edges: unknown[] };
    const drawn = await drawnCounts(page);
    expect(drawn.nodes).toBe(api.nodes.length);
    expect(drawn.edges).toBe(api.edges.length);
    await expect(page.textContent('[data-testid=counts]')).resolves.toContain(`${api.nodes.length} acteurs`);

    await page.fill('[data-testid=search]', 'amft');
    await page.waitForSelector('[data-testid=search-result][data-id="aix-marseille-french-tech"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-name]')?.textContent === 'Aix-Marseille French Tech');
    await page.waitForFunction(() =>
      (window as unknown as { __maillage: { cy: { $(s: string): { length: number } } } }).__maillage.cy.$('node:selected').length > 0);
    const selected = await page.evaluate(() =>
      (window as unknown as { __maillage: { cy: { $(s: string): { map(f: (n: { id(): string }) => string): string[] } } } }).__maillage.cy.$('node:selected').map((n) => n.id()),
    );
    expect(selected).toEqual(['aix-marseille-french-tech']);

    // Every relationship listed carries at least one quoted excerpt and the title of its source.
    const rels = await page.$$('[data-testid=details] li.rel');
    expect(rels.length).toBeGreaterThan(5);
    for (const rel of rels) {
      expect(await rel.$$('[data-testid=evidence]')).not.toHaveLength(0);
      expect((await rel.$eval('[data-testid=evidence-source]', (c) => c.textContent)) ?? '').toMatch(/\S{3,}/);
    }
    expect(await page.textContent('[data-testid=group-funds-in]')).toContain('Technopôle de l’Arbois');

    const file = await screenshot(page, 'app');
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
  });

  it('clicking a related actor opens that actor, and an edge shows its own evidence', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.fill('[data-testid=search]', 'caisse des depots');
    await page.waitForSelector('[data-testid=search-result]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=group-funds-out]');
    await page.click('[data-testid=group-funds-out] [data-testid=related-actor]');
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-name]')?.textContent === 'The Camp');

    // Tap the Caisse des Dépôts → The Camp edge on the canvas via Cytoscape, as a click would.
    await page.evaluate(() => {
      const cy = (window as unknown as { __maillage: { cy: { edges(s: string): { emit(e: string): void } } } }).__maillage.cy;
      cy.edges('[source = "caisse-des-depots"][target = "the-camp"]').emit('tap');
    });
    await page.waitForSelector('[data-testid=edge-details] [data-testid=evidence]');
    expect(await page.textContent('[data-testid=edge-details]')).toContain('Caisse des dépôts');
    expect(errors).toEqual([]);
  });

  it.each([
    [1440, 900],
    [1024, 768],
  ])('at %i×%i the hubs stay named at the opening zoom, the subtitle shows and every tool is on screen', async (width, height) => {
    const { page, errors } = await openApp(app.browser, app.url, { width, height });
    // Wait for the fit after the layout, then for the label step that follows the zoom.
    await page.waitForFunction(() => {
      const cy = (window as unknown as { __maillage: { cy: { zoom(): number; nodes(): { length: number } } } }).__maillage.cy;
      return cy.nodes().length > 0 && cy.zoom() < 1;
    });
    // Labels are sized for the zoom a moment after it changes: wait until every hub has its readable size
    // (the assertions below then name any hub left too small, had the wait timed out).
    await page.waitForFunction(() => {
      type N = { degree(b: boolean): number; renderedStyle(k: string): string };
      const cy = (window as unknown as { __maillage: { cy: { nodes(): { filter(f: (n: N) => boolean): { length: number } } } } }).__maillage.cy;
      return cy.nodes().filter((n) => n.degree(false) >= 9 && !(Number.parseFloat(n.renderedStyle('font-size')) >= 11)).length === 0;
    }, undefined, { timeout: 15_000 }).catch(() => undefined);
    const hubs = await page.evaluate(() => {
      type N = { degree(b: boolean): number; data(k: string): string; renderedStyle(k: string): string };
      const cy = (window as unknown as { __maillage: { cy: { nodes(): { filter(f: (n: N) => boolean): { map<T>(f: (n: N) => T): T[] } } } } }).__maillage.cy;
      return cy.nodes().filter((n) => n.degree(false) >= 9).map((n) => ({ name: n.data('name'), px: Number.parseFloat(n.renderedStyle('font-size')) }));
    });
    expect(hubs.length).toBeGreaterThan(2);
    expect(hubs.filter((hub) => !(hub.px >= 11))).toEqual([]); // names the hubs drawn too small, if any

    expect(await page.isVisible('.brand p')).toBe(true);
    for (const testid of ['search', 'layout', 'views-menu', 'export-menu', 'counts']) {
      const box = await page.locator(`[data-testid=${testid}]`).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height).toBe(true);
    }
    await screenshot(page, `app-${width}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when the API is unreachable instead of showing an empty page', async () => {
    const page = await app.browser.newPage();
    await page.route(/\/api\/graph(\?|$)/, (route) => route.abort()); // asked with ?max= alongside the counts
    await page.goto(app.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=overlay]')?.textContent?.includes('pas pu être chargé'));
    await page.close();
  });
});
