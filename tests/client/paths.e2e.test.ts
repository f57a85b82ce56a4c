import type { Page } from 'playwright-core';
import { openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();

/** Ids of the drawn elements carrying a class (highlighted, faded). */
async function withClass(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => {
    const cy = (window as unknown as { __maillage: { cy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } } }).__maillage.cy;
    return cy.$(`.${c}`).map((e) => e.id());
  }, cls);
}

async function pick(page: Page, testid: string, query: string, id: string): Promise<void> {
  await page.fill(`[data-testid=${testid}]`, query);
  await page.waitForSelector(`[data-testid=${testid}] + [data-testid=search-results] [data-id="${id}"]`);
  await page.keyboard.press('Enter');
}

describe('the Chemins and Financements tabs in Chromium', () => {
  it('finds how TikTok reaches Launchmetrics, lists the hops with evidence and highlights them on the network', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-paths]');
    await pick(page, 'path-from', 'tiktok', 'tiktok');
    await pick(page, 'path-to', 'launchmetrics', 'launchmetrics');
    await page.waitForSelector('[data-testid=path]');

    const first = await page.$eval('[data-testid=path]', (li) => li.textContent ?? '');
    expect(first).toContain('Luxury Tech');
    expect(await page.$$('[data-testid=path] [data-testid=path-hop]')).not.toHaveLength(0);
    expect(await page.$$('[data-testid=path] [data-testid=evidence]')).not.toHaveLength(0);

    const lit = await withClass(page, 'highlighted');
    expect(lit).toEqual(expect.arrayContaining(['tiktok', 'launchmetrics']));
    // The rest of the network is dimmed, not removed.
    expect((await withClass(page, 'faded')).length).toBeGreaterThan(20);

    // Clicking the second path focuses it alone: its actors lit, the first path's middle actor not (unless shared).
    const paths = await page.$$('[data-testid=path]');
    expect(paths.length).toBeGreaterThan(1);
    await paths[1].click();
    await page.waitForSelector('[data-testid=path].focused');
    const focused = await withClass(page, 'highlighted');
    const secondHops = await paths[1].$$eval('[data-testid=path-hop]', (hs) => hs.map((x) => x.getAttribute('data-edge')));
    expect(focused).toEqual(expect.arrayContaining(secondHops as string[]));
    expect(focused.length).toBeLessThan(lit.length);
    await screenshot(page, 'paths-tiktok-launchmetrics');
    expect(errors).toEqual([]);
  });

  it('says there is no path when the relationship types allow none', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-paths]');
    for (const t of ['PILOTS', 'PARTNERS_WITH', 'LABELS']) await page.uncheck(`[data-testid=path-type-${t}]`);
    await pick(page, 'path-from', 'tiktok', 'tiktok');
    await pick(page, 'path-to', 'launchmetrics', 'launchmetrics');
    await page.waitForSelector('[data-testid=path-none]');
    expect(errors).toEqual([]);
  });

  it('opens the funding view of The Camp: its two funders with the article amounts, drawn left to right', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.fill('[data-testid=search]', 'the camp');
    await page.waitForSelector('[data-testid=search-result][data-id="the-camp"]');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=tab-funding]');
    await page.waitForSelector('[data-testid=funding-totals-upstream]');

    const rows = await page.$$eval('[data-testid=funding-totals-upstream] [data-testid=funding-total]', (trs) =>
      trs.map((tr) => ({ actor: tr.getAttribute('data-actor'), text: (tr.textContent ?? '').replace(/\s/g, ' ') })),
    );
    expect(rows.map((r) => r.actor).sort()).toEqual(['caisse-des-depots', 'collectivites-the-camp']);
    // fr-FR uses narrow no-break spaces between thousands.
    expect(rows.find((r) => r.actor === 'collectivites-the-camp')?.text.replace(/[\u202f\u00a0 ]/g, '')).toContain('19000000€');
    expect(rows.find((r) => r.actor === 'caisse-des-depots')?.text.replace(/[\u202f\u00a0 ]/g, '')).toContain('11333333€');

    // The flow drawing: funders strictly left of The Camp.
    const x = await page.evaluate(() => {
      const flow = document.querySelector('[data-testid=funding-flow]') as HTMLElement & { _cyreg?: { cy: { getElementById(id: string): { position(): { x: number } } } } };
      const cy = flow._cyreg!.cy;
      return { camp: cy.getElementById('the-camp').position().x, cdc: cy.getElementById('caisse-des-depots').position().x };
    });
    expect(x.cdc).toBeLessThan(x.camp);
    await screenshot(page, 'funding-the-camp');
    expect(errors).toEqual([]);
  });

  it('shows Aix-Marseille French Tech funded through Medinsoft, with unknown amounts said as such', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.fill('[data-testid=search]', 'amft');
    await page.waitForSelector('[data-testid=search-result][data-id="aix-marseille-french-tech"]');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=tab-funding]');
    await page.waitForSelector('[data-testid=funding-totals-upstream]');
    const text = (await page.textContent('[data-testid=funding-upstream]')) ?? '';
    expect(text).toContain('montant');
    expect(text).toContain('inconnu');
    await page.click('[data-testid=funding-upstream] details.chains summary');
    const chains = await page.$$eval('[data-testid=funding-upstream] [data-testid=funding-chain]', (li) => li.map((x) => x.textContent ?? ''));
    expect(chains.some((c) => c.includes('Medinsoft') && c.includes('via la structure qui pilote'))).toBe(true);
    // Unknown amounts are drawn apart (dashed grey) on the flow, not as thin known ones.
    const unknownEdges = await page.evaluate(() => {
      const flow = document.querySelector('[data-testid=funding-flow]') as HTMLElement & { _cyreg?: { cy: { $(s: string): { map(f: (e: { data(k: string): string }) => string): string[] } } } };
      return flow._cyreg!.cy.$('edge.unknown-amount').map((e) => e.data('flowLabel'));
    });
    expect(unknownEdges.length).toBeGreaterThanOrEqual(3);
    for (const label of unknownEdges) expect(label).toContain('montant inconnu');
    await screenshot(page, 'funding-amft');
    expect(errors).toEqual([]);
  });
});
