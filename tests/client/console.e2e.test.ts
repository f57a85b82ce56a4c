// Browser test for the Cypher console: run a ready-made question, see the table and the actors on the network.
import { openApp, screenshot, useSeededApp } from '../support/browser';

const app = useSeededApp();

describe('Console Cypher tab', () => {
  it('runs a ready-made question and shows its table and its actors on the network', async () => {
    const { page } = await openApp(app.browser, app.url);
    await page.click('[data-testid="tab-console"]');
    const example = page.locator('[data-testid="console-example"][data-id="funding-who-funds-whom"]');
    await example.click();
    await page.click('[data-testid="console-run"]');
    await page.waitForSelector('[data-testid="console-table"] tbody tr');

    const headers = await page.locator('[data-testid="console-table"] th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['funder', 'funded', 'amountEUR']));
    const rows = await page.locator('[data-testid="console-table"] tbody tr').count();
    const [{ n: funds }] = await app.db.read('MATCH (:Actor)-[r:FUNDS]->(:Actor) RETURN count(r) AS n');
    expect(rows).toBe(funds);

    // "Replace the view" is the default: the network now holds exactly the actors of the FUNDS ties.
    const [{ n: actors }] = await app.db.read('MATCH (a:Actor) WHERE (a)-[:FUNDS]-() RETURN count(a) AS n');
    const drawn = await page.evaluate(() => (window as unknown as { __maillage: { cy: { nodes(): { length: number } } } }).__maillage.cy.nodes().length);
    expect(drawn).toBe(actors);
    await screenshot(page, 'console');
    await page.close();
  });

  it('shows a syntax error with its line and column', async () => {
    const { page } = await openApp(app.browser, app.url);
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
