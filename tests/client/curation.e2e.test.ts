// Curating in the page (local admin on loopback): edit an actor with a reason, add a contradicting source
// (both amounts shown, flagged), review duplicates, merge after a preview, then undo the merge from the history.
import type { Page } from 'playwright-core';
import { openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();

const select = (page: Page, id: string) => page.evaluate((x) => (window as unknown as { __maillage: { ctx: { select(id: string): void } } }).__maillage.ctx.select(x), id);

describe('curation in the page', () => {
  it('edits an actor with a reason, and its Historique shows the change with author and reason', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await select(page, 'wiko');
    await page.click('[data-testid=edit-actor]');
    await page.fill('[data-testid=f-territory]', 'Marseille');
    await page.selectOption('[data-testid=f-prov-choice]', 'none');
    await page.fill('[data-testid=f-prov-reason]', 'correction sans source : siège à Marseille');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=details]')?.textContent?.includes('Territoire : Marseille'));
    await page.waitForSelector('[data-testid=history] [data-testid=change]');
    const h = await page.innerText('[data-testid=history]');
    expect(h).toContain('Acteur modifié');
    expect(h).toContain('local');
    expect(h).toContain('correction sans source : siège à Marseille');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a contradicting amount as a second claim, shown and flagged on the tie', async () => {
    const { page } = await openApp(app.browser, app.url);
    await select(page, 'medinsoft');
    await page.waitForSelector('[data-edge="FUNDS:chambre-de-commerce-et-d-industrie:medinsoft"] [data-testid=add-evidence]');
    await page.click('[data-edge="FUNDS:chambre-de-commerce-et-d-industrie:medinsoft"] [data-testid=add-evidence]');
    await page.selectOption('[data-testid=f-prov-choice]', 'new');
    await page.fill('[data-testid=f-prov-title]', 'Budget 2016 de la CCI');
    await page.fill('[data-testid=f-prov-publisher]', 'CCI Marseille Provence');
    await page.fill('[data-testid=f-prov-excerpt]', 'la CCI versera 40 000 euros à Medinsoft');
    await page.fill('[data-testid=f-ev-amount]', '40000');
    await page.click('[data-testid=form-submit]');
    await page.waitForSelector('[data-edge="FUNDS:chambre-de-commerce-et-d-industrie:medinsoft"] [data-testid=claims]');
    const claims = await page.innerText('[data-edge="FUNDS:chambre-de-commerce-et-d-industrie:medinsoft"] [data-testid=claims]');
    expect(claims).toContain('Montants divergents');
    expect(claims).toMatch(/50\s000/);
    expect(claims).toMatch(/40\s000/);
    await screenshot(page, 'curation-claims');
    await page.close();
  });

  it('removes one excerpt of a tie with a reason, and offers no removal of a tie\'s last excerpt', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await select(page, 'mission-french-tech');
    const tie = '[data-edge="PILOTS:mission-french-tech:french-tech"]';
    await page.waitForSelector(`${tie} [data-testid=remove-evidence]`);
    const before = await page.$$eval(`${tie} [data-testid=evidence] p`, (ps) => ps.map((p) => p.textContent));
    expect(before).toHaveLength(2);
    await page.locator(tie).scrollIntoViewIfNeeded();
    await screenshot(page, 'curation-remove-evidence');
    await page.click(`${tie} [data-testid=remove-evidence] >> nth=0`);
    await page.selectOption('[data-testid=f-prov-choice]', 'none');
    await page.fill('[data-testid=f-prov-reason]', 'correction sans source : extrait en double');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} [data-testid=evidence]`).length === 1, tie);
    expect(await page.$$eval(`${tie} [data-testid=evidence] p`, (ps) => ps.map((p) => p.textContent))).toEqual([before[1]]);
    // One excerpt left: no button to take it away (the server refuses it too, 409 LastEvidence).
    expect(await page.$$(`${tie} [data-testid=remove-evidence]`)).toHaveLength(0);
    const ties = await (await fetch(`${app.url}/api/actors/mission-french-tech`)).json() as { relationships: { id: string; evidence: unknown[] }[] };
    expect(ties.relationships.find((r) => r.id === 'PILOTS:mission-french-tech:french-tech')?.evidence).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists duplicate candidates with why, merges after a preview, and undoes the merge from the history', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-duplicates]');
    const pairSel = '[data-pair="cci-nice-cote-d-azur+chambre-de-commerce-et-d-industrie"]';
    await page.waitForSelector(pairSel);
    expect(await page.innerText(pairSel)).toContain('nom contenu dans l’autre');
    await screenshot(page, 'curation-duplicates');
    await page.click(`${pairSel} [data-testid=merge]`);
    await page.waitForSelector('[data-testid=merge-preview]');
    expect(await page.innerText('[data-testid=merge-preview]')).toMatch(/relation\(s\) déplacée\(s\)/);
    await screenshot(page, 'curation-merge-preview');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=edit-dialog]'));
    const gone = await page.evaluate(() => (window as unknown as { __maillage: { cy: { getElementById(id: string): { length: number } } } }).__maillage.cy.getElementById('chambre-de-commerce-et-d-industrie').length);
    expect(gone).toBe(0);
    // The survivor's history has the merge; undo it there.
    await page.waitForSelector('[data-testid=history] [data-testid=revert]');
    expect(await page.innerText('[data-testid=history] [data-testid=change] >> nth=0')).toContain('Fusion');
    await page.click('[data-testid=history] [data-testid=change] >> nth=0 >> [data-testid=revert]');
    await page.waitForFunction(() => document.querySelector('[data-testid=history] [data-testid=change]')?.className.includes('state-undone'));
    const back = await (await page.request.get(`${app.url}/api/actors/chambre-de-commerce-et-d-industrie`)).json();
    expect(back.actor.id).toBe('chambre-de-commerce-et-d-industrie');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists recent changes of everyone in the Historique tab', async () => {
    const { page } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=recent-changes] [data-testid=change]');
    const text = await page.innerText('[data-testid=recent-changes]');
    expect(text).toContain('Fusion');
    expect(text).toContain('Acteur modifié');
    await screenshot(page, 'curation-history');
    await page.close();
  });
});
