// The Importer tab in Chromium with real uploads (setInputFiles): a French Excel CSV previewed, imported with a
// progress bar, shown on the network and undone; a bad file refused with its line and its issues downloadable;
// a column mapping corrected by hand.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { fixture, tempDir } from '../fixtures/import/corpus';
import { drawnCounts, openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();
let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Ids of the drawn elements carrying a class. */
async function withClass(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => {
    const cy = (window as unknown as { __maillage: { cy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } } }).__maillage.cy;
    return cy.$(`.${c}`).map((e) => e.id());
  }, cls);
}

async function nodeNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __maillage: { cy: { nodes(): { map(f: (n: { data(k: string): string }) => string): string[] } } } }).__maillage.cy;
    return cy.nodes().map((n) => n.data('name'));
  });
}

const FRENCH_EXCEL = [
  'Financeur;Bénéficiaire;Type;Montant;Date;Statut;Extrait;Nature de;Nature vers',
  'Bpifrance;Nova Robotique;finance;1 200 000 €;12/03/2021;effectif;Bpifrance accorde 1,2 M€ à Nova Robotique.;fonds;entreprise',
  'Atelier Ondes;Nova Robotique;partenaire de;;mars 2022;prévu;Nova Robotique et l’Atelier Ondes s’associent.;association;entreprise',
].join('\r\n');

describe('the Importer tab in Chromium', () => {
  it('previews a French Excel CSV, imports it with a progress bar, shows what came in, and undoes it', async () => {
    const file = path.join(dir, 'financements.csv');
    fs.writeFileSync(file, iconv.encode(`${FRENCH_EXCEL}\r\n`, 'windows-1252'));
    const { page, errors } = await openApp(app.browser, app.url);
    const before = await drawnCounts(page);
    await page.click('[data-testid=tab-importer]');
    await page.click('[data-testid=import-options] summary');
    await page.fill('[data-testid=opt-source-title]', 'Communiqué de presse Nova Robotique, 2021');
    await page.setInputFiles('[data-testid=import-files]', file);

    await page.waitForSelector('[data-testid=import-counts]');
    const detected = await page.textContent('[data-testid=import-detected]');
    expect(detected).toContain('windows-1252');
    expect(detected).toContain('« ; »');
    expect(detected).toContain('jour/mois');
    // The mapping, automatic from the French headers.
    expect(await page.$eval('[data-testid=map-A]', (s) => (s as HTMLSelectElement).value)).toBe('from');
    expect(await page.$eval('[data-testid=map-B]', (s) => (s as HTMLSelectElement).value)).toBe('to');
    expect(await page.$eval('[data-testid=map-D]', (s) => (s as HTMLSelectElement).value)).toBe('amount');
    // The first rows as parsed: the amount in euros, the date in ISO.
    const sample = (await page.textContent('[data-testid=import-sample]'))!.replace(/[\u00a0\u202f]/g, ' ');
    expect(sample).toContain('1 200 000 €');
    expect(sample).toContain('2021-03-12');
    expect(await page.textContent('[data-testid=import-issues-summary]')).toContain('Aucune erreur');
    const counts = await page.$$eval('[data-testid=import-counts] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent)));
    expect(counts[0]).toEqual(['Acteurs', '2', '0', '1']);
    expect(counts[1]).toEqual(['Relations', '2', '0', '0']);
    await page.click('[data-testid=import-options] summary');
    await page.$eval('[data-testid=import-sample]', (el) => el.scrollIntoView());
    await screenshot(page, 'importer-preview');

    await page.click('[data-testid=import-commit]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 60_000 });
    expect(await page.$eval('[data-testid=import-progress]', (p) => (p as HTMLProgressElement).value).catch(() => 1)).toBe(1);
    await page.waitForSelector('[data-testid=import-focus]');
    expect(await nodeNames(page)).toEqual(expect.arrayContaining(['Nova Robotique', 'Atelier Ondes']));
    expect((await drawnCounts(page)).nodes).toBe(before.nodes + 2);
    // What came in is highlighted with the actor it reaches (Bpifrance), the rest dimmed.
    const lit = await withClass(page, 'highlighted');
    expect(lit).toHaveLength(5);
    expect(lit).toContain('bpifrance');
    expect((await withClass(page, 'faded')).length).toBeGreaterThan(50);
    await screenshot(page, 'importer-result');

    await page.click('[data-testid=import-undo]');
    await page.waitForSelector('[data-testid=import-undone]');
    expect(await nodeNames(page)).not.toContain('Nova Robotique');
    expect((await drawnCounts(page)).nodes).toBe(before.nodes);
    const left = await (await fetch(`${app.url}/api/actors?q=nova%20robotique`)).json();
    expect(left.actors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses a bad file with its line in French, keeps Importer disabled, and downloads the issues as CSV', async () => {
    const { page, errors } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-importer]');
    await page.setInputFiles('[data-testid=import-files]', fixture('bad-unknown-type.csv'));
    await page.waitForSelector('[data-testid=import-issue]');
    expect(await page.textContent('[data-testid=import-issues-summary]')).toMatch(/\d+ erreurs? : rien ne sera écrit/);
    const issues = await page.$$eval('[data-testid=import-issue].error', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(issues).toContainEqual(expect.stringMatching(/ligne 3 · colonne C .*type « achète » inconnu/));
    expect(await page.isDisabled('[data-testid=import-commit]')).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=import-issues-csv]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFfichier;feuille;ligne;colonne;champ;gravité;message')).toBe(true);
    expect(csv).toContain('bad-unknown-type.csv;;3;C;type;erreur;');
    await screenshot(page, 'importer-refused');
    expect(errors).toEqual([]);
  });

  it('reads a file whose headers it does not know once the user maps its columns', async () => {
    const file = path.join(dir, 'maison.csv');
    fs.writeFileSync(file, 'Qui;Pour qui;Quoi\r\nBpifrance;Nova Robotique;finance\r\n');
    const { page, errors } = await openApp(app.browser, app.url);
    await page.click('[data-testid=tab-importer]');
    await page.click('[data-testid=import-options] summary');
    await page.fill('[data-testid=opt-source-title]', 'Notes de la maison');
    await page.selectOption('[data-testid=opt-default-kind]', 'company');
    await page.setInputFiles('[data-testid=import-files]', file);
    await page.waitForSelector('[data-testid=import-issue]');
    expect(await page.textContent('[data-testid=import-issues-summary]')).toContain('erreur');
    expect(await page.textContent('[data-testid=import-mapping] summary')).toContain('table non reconnue');
    await page.selectOption('[data-testid=map-B]', 'to');
    await page.selectOption('[data-testid=map-C]', 'type');
    await page.click('[data-testid=import-rerun]');
    await page.waitForFunction(() => document.querySelector('[data-testid=map-C]') && (document.querySelector('[data-testid=map-C]') as HTMLSelectElement).value === 'type' && !document.querySelector('[data-testid=import-busy]'));
    await page.waitForSelector('[data-testid=import-counts]');
    const counts = await page.$$eval('[data-testid=import-counts] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent)));
    expect(counts[1]).toEqual(['1', '0', '0']);
    expect(await page.textContent('[data-testid=import-issues-summary]')).toContain('Aucune erreur');
    await screenshot(page, 'importer-mapping');
    expect(errors).toEqual([]);
  });
  it('shows an import that carries the graph past what the page draws whole on its overview, lit, and undoes it', async () => {
    // 1,600 new actors and 9,600 ties (six per actor, to neighbours at fixed offsets): with the seeds, past the
    // 10,000 actors + ties the page draws whole (client/scope.ts WHOLE_MAX).
    const n = 1600;
    const rows = ['De;Vers;Type'];
    for (let k = 0; k < 6; k++) for (let i = 0; i < n; i++) rows.push(`Jeune pousse ${i};Jeune pousse ${(i + 1 + 37 * k) % n};partenaire`);
    const file = path.join(dir, 'partenariats.csv');
    fs.writeFileSync(file, `${rows.join('\r\n')}\r\n`);
    const { page, errors } = await openApp(app.browser, app.url);
    const before = await drawnCounts(page);
    expect(await page.isHidden('[data-testid=scope-banner]')).toBe(true);
    await page.click('[data-testid=tab-importer]');
    await page.click('[data-testid=import-options] summary');
    await page.fill('[data-testid=opt-source-title]', 'Annuaire des partenariats 2024');
    await page.selectOption('[data-testid=opt-default-kind]', 'company');
    await page.setInputFiles('[data-testid=import-files]', file);
    await page.waitForSelector('[data-testid=import-counts]');
    await page.click('[data-testid=import-commit]');
    await page.waitForSelector('[data-testid=import-focus]', { timeout: 120_000 });

    // The overview of the graph as it is now, its banner counting the whole graph, and the import's most tied
    // actors lit: all of them new (the seeds' actors are dimmed).
    expect(await page.textContent('[data-testid=import-focus]')).toMatch(/vue d’ensemble, avec les 300 plus reliés des 1\s600 acteurs arrivés/);
    await page.waitForSelector('[data-testid=scope-banner]:not([hidden])');
    expect((await page.textContent('[data-testid=scope-shown]'))!.replace(/\s/g, ' ')).toContain(`des ${(before.nodes + n).toLocaleString('fr-FR').replace(/\s/g, ' ')} acteurs`);
    const lit = await page.evaluate(() => {
      const cy = (window as unknown as { __maillage: { cy: { $(s: string): { map(f: (e: { data(k: string): string; isNode(): boolean }) => string): string[] } } } }).__maillage.cy;
      return cy.$('node.highlighted').map((e) => e.data('name'));
    });
    expect(lit).toHaveLength(300);
    expect(lit.every((name) => name.startsWith('Jeune pousse '))).toBe(true);
    expect((await withClass(page, 'faded')).length).toBeGreaterThan(0);
    await screenshot(page, 'importer-result-large');

    await page.click('[data-testid=import-undo]');
    await page.waitForSelector('[data-testid=import-undone]');
    // The counts asked again: the seeds, small enough to be drawn whole, without a banner.
    await page.waitForSelector('[data-testid=scope-banner]', { state: 'hidden' });
    await page.waitForFunction((count) => (window as unknown as { __maillage: { cy: { nodes(): { length: number } } } }).__maillage.cy.nodes().length === count, before.nodes);
    expect((await drawnCounts(page)).nodes).toBe(before.nodes);
    expect(await nodeNames(page)).not.toContain('Jeune pousse 0');
    expect(errors).toEqual([]);
  });
});
