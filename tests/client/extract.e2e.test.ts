// The article review panel in Chromium: paste a paragraph, accept two candidates, reject one, save, and see
// the two ties with their excerpts on the network.
import type { Page } from 'playwright-core';
import { openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();

const PARAGRAPH =
  'Le festival Numérica est financé par la Région Occitanie depuis 2014. ' +
  'Organisées par l’association Granit Numérique, les Journées Quartz réunissent 400 startups. ' +
  'La société Brezh Data est accompagnée par la banque publique d’investissement.';

type Cand = { id: string; text: string; decision: string };
const candidates = (page: Page): Promise<Cand[]> =>
  page.$$eval('[data-testid=candidate]', (els) => els.map((e) => ({ id: e.getAttribute('data-id') ?? '', text: e.textContent ?? '', decision: e.getAttribute('data-decision') ?? '' })));

/** A drawn edge's data: type, ends' names and its excerpts. */
const edgeData = (page: Page, id: string) =>
  page.evaluate((eid) => {
    const cy = (window as unknown as { __maillage: { cy: { getElementById(i: string): { empty(): boolean; data(): { type: string; source: string; target: string; evidence: { excerpt: string }[] } } } } }).__maillage.cy;
    const e = cy.getElementById(eid);
    return e.empty() ? null : e.data();
  }, id);

describe('the Article tab in Chromium', () => {
  it('reviews a pasted paragraph with the keyboard, saves two ties and shows them with their excerpts', async () => {
    const { page, errors } = await openApp(app.browser, app.url, { width: 1440, height: 900 });
    await page.click('[data-testid=tab-extract]');
    await page.fill('[data-testid=extract-input]', PARAGRAPH);
    await page.fill('[data-testid=extract-title]', 'Numérica et Quartz');
    await page.fill('[data-testid=extract-date]', '2016-05');
    await page.click('[data-testid=extract-run]');
    await page.waitForSelector('[data-testid=candidate]');
    // Mentions are highlighted in the text beside the candidates; the first candidate's sentence is outlined.
    await page.waitForSelector('[data-testid=extract-text] mark');
    expect(await page.$eval('[data-testid=current-sentence]', (e) => e.textContent)).toBe('Le festival Numérica est financé par la Région Occitanie depuis 2014.');

    const cands = await candidates(page);
    const funds = cands.find((c) => c.text.includes('Région Occitanie → Numérica'))!;
    const pilots = cands.find((c) => c.text.includes('Granit Numérique → Journées Quartz'))!;
    const partners = cands.find((c) => c.text.includes('Brezh Data'))!;
    expect(funds && pilots && partners).toBeTruthy();

    // Keyboard: the first candidate is current; a accepts it and moves on; the others by click then keys.
    await page.click('[data-testid=extract-review] .keys');
    await page.click(`[data-testid=candidate][data-id=${funds.id}] .tie`);
    await page.keyboard.press('a');
    await page.click(`[data-testid=candidate][data-id=${pilots.id}] .tie`);
    await page.keyboard.press('a');
    await page.click(`[data-testid=candidate][data-id=${partners.id}] .tie`);
    await page.keyboard.press('r');
    await page.waitForSelector(`[data-testid=candidate][data-id=${partners.id}][data-decision=rejected]`);
    const decided = Object.fromEntries((await candidates(page)).map((c) => [c.id, c.decision]));
    expect([decided[funds.id], decided[pilots.id], decided[partners.id]]).toEqual(['accepted', 'accepted', 'rejected']);

    // The accepted ties are previewed on the network before saving.
    expect(await edgeData(page, `preview:${funds.id}`)).toMatchObject({ type: 'FUNDS' });
    await screenshot(page, 'extract-review');

    await page.click('[data-testid=extract-save]');
    await page.waitForSelector('[data-testid=extract-saved]');
    const fundsEdge = await edgeData(page, 'FUNDS:region-occitanie:numerica');
    const pilotsEdge = await edgeData(page, 'PILOTS:granit-numerique:journees-quartz');
    expect(fundsEdge?.evidence.map((e) => e.excerpt)).toEqual(['Le festival Numérica est financé par la Région Occitanie depuis 2014.']);
    expect(pilotsEdge?.evidence.map((e) => e.excerpt)).toEqual(['Organisées par l’association Granit Numérique, les Journées Quartz réunissent 400 startups.']);
    expect(await edgeData(page, `preview:${funds.id}`)).toBeNull();

    // Clicking the new tie on the network shows its excerpt and source in the details.
    await page.evaluate(() => {
      const cy = (window as unknown as { __maillage: { cy: { getElementById(i: string): { emit(e: string): void } } } }).__maillage.cy;
      cy.getElementById('FUNDS:region-occitanie:numerica').emit('tap');
    });
    await page.waitForSelector('[data-testid=edge-details]');
    expect(await page.$eval('[data-testid=edge-details]', (e) => e.textContent)).toContain('Le festival Numérica est financé par la Région Occitanie depuis 2014.');
    await screenshot(page, 'extract-saved');
    expect(errors).toEqual([]);
  });
});
