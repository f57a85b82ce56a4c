// A graph too large to open whole (3,001 actors, 9,200 ties: past the client's 10,000 elements): the overview
// and its banner, search beyond it, expansion with "+N de plus", filters and time asked of the server, paths,
// funding, and the whole network on demand — in real Chromium on the built client.
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../server/db';
import { resetTo, testDb } from '../support/db';
import { launchBrowser, openApp, screenshot, startServer } from '../support/browser';
import { FIXTURE_SOURCE } from '../support/fixtures';
import { generatedDataset } from '../support/generated';
import { GraphDigests } from '../../server/graph/digest';
import { loadDataset } from '../../server/load';

const ds = generatedDataset(3000, 9000, { isolated: 40 });
// A hub of 200 partners, so that one expansion cannot add them all at once (the first one adds 150).
const STAR = 'hub-etoile';
const partners = Array.from({ length: 200 }, (_, i) => `g-${String(100 + i).padStart(5, '0')}`);
ds.actors.push({ id: STAR, name: 'Pôle Étoile', kind: 'cluster', aliases: [] });
for (const p of partners) ds.relationships.push({ type: 'PARTNERS_WITH', source: STAR, target: p, status: 'effective', evidence: [{ source: FIXTURE_SOURCE.id, excerpt: `${STAR} PARTNERS_WITH ${p}` }] });

const neighbours = new Map<string, Set<string>>();
for (const r of ds.relationships) {
  for (const [a, b] of [[r.source, r.target], [r.target, r.source]]) {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  }
}
const nameOf = new Map(ds.actors.map((a) => [a.id, a.name]));
const fr = (n: number) => n.toLocaleString('fr-FR');

let db: Db;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  db = testDb();
  await resetTo(db, ds);
  server = await startServer(db);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

type Cy = { nodes(s?: string): { length: number; map<T>(f: (n: { id(): string; data(k: string): unknown }) => T): T[] }; edges(s?: string): { length: number; map<T>(f: (e: { id(): string; data(k: string): unknown }) => T): T[] }; getElementById(id: string): { empty(): boolean } };
const onCy = <T>(page: Page, fn: (cy: Cy) => T) => page.evaluate(`(${fn.toString()})(window.__maillage.cy)`) as Promise<T>;
const drawnIds = (page: Page) => onCy(page, (cy) => cy.nodes().map((n) => n.id()));
const counts = (page: Page) => onCy(page, (cy) => ({ nodes: cy.nodes().length, edges: cy.edges().length }));

/** An actor with ties that the page does not draw yet, named with four digits (a unique search). */
async function outsideActor(page: Page, minTies = 2): Promise<string> {
  const drawn = new Set(await drawnIds(page));
  const id = [...neighbours.keys()].find((a) => /^g-01\d{3}$/.test(a) && !drawn.has(a) && neighbours.get(a)!.size >= minTies);
  if (!id) throw new Error('no actor outside the overview');
  return id;
}

async function searchAndPick(page: Page, id: string): Promise<void> {
  await page.fill('[data-testid=search]', nameOf.get(id)!);
  await page.click(`[data-testid=search-result][data-id="${id}"]`);
}

describe('a large graph in Chromium', () => {
  it('opens on the overview, with a banner that says what is shown out of how much', async () => {
    const { page, errors } = await openApp(browser, server.url);
    const c = await counts(page);
    expect(c.nodes).toBe(300);
    expect(await page.textContent('[data-testid=scope-shown]')).toBe(`${fr(300)} des ${fr(3001)} acteurs · ${fr(c.edges)} des ${fr(9200)} relations`);
    expect(await page.textContent('[data-testid=scope-what]')).toContain('vue d’ensemble');
    expect(await page.textContent('[data-testid=counts]')).toBe(`300 acteurs · ${c.edges} relations`);
    // The most connected actor of the graph is there, and 9,200 ties fit under the server's limit.
    expect(await onCy(page, (cy) => !cy.getElementById('hub-etoile').empty())).toBe(true);
    expect(await page.isEnabled('[data-testid=whole-network]')).toBe(true);
    await screenshot(page, 'large-overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search reaches an actor outside the overview: drawn with its neighbours, details with evidence from the server', async () => {
    const { page, errors } = await openApp(browser, server.url);
    const id = await outsideActor(page);
    await searchAndPick(page, id);
    await page.waitForFunction((name) => document.querySelector('[data-testid=actor-name]')?.textContent === name, nameOf.get(id));
    const excerpts = await page.$$eval('[data-testid=details] [data-testid=evidence] p', (ps) => ps.map((p) => p.textContent));
    const expected = ds.relationships.filter((r) => r.source === id || r.target === id).map((r) => `« ${r.evidence[0].excerpt} »`);
    expect(excerpts.sort()).toEqual(expected.sort());
    const drawn = new Set(await drawnIds(page));
    expect(drawn.has(id)).toBe(true);
    for (const n of neighbours.get(id)!) expect(drawn.has(n)).toBe(true);
    expect(await page.textContent('[data-testid=scope-shown]')).toContain(`${fr(drawn.size)} des ${fr(3001)} acteurs`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a tie of the overview shows its evidence, asked of the server (the overview draws ties without it)', async () => {
    const { page, errors } = await openApp(browser, server.url);
    // A tie whose middle lies clear of every actor and every other tie (a straight one: no parallel tie bends
    // it), brought to the centre of the network at zoom 2, so that a real click there can only land on it.
    const tie = await page.evaluate(`(() => {
      const cy = window.__maillage.cy;
      const nodes = cy.nodes().map((n) => ({ p: n.position(), r: n.width() / 2 }));
      const segs = cy.edges().map((e) => ({ id: e.id(), a: e.source().position(), b: e.target().position(), bent: e.parallelEdges().length > 1 }));
      const dist = (p, s) => {
        const dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
        const t = Math.max(0, Math.min(1, ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(p.x - s.a.x - t * dx, p.y - s.a.y - t * dy);
      };
      for (const s of segs) {
        if (s.bent) continue;
        const m = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
        if (nodes.some((n) => Math.hypot(m.x - n.p.x, m.y - n.p.y) < n.r + 16)) continue;
        if (segs.some((o) => o.id !== s.id && dist(m, o) < (o.bent ? 60 : 16))) continue;
        cy.viewport({ zoom: 2, pan: { x: cy.width() / 2 - 2 * m.x, y: cy.height() / 2 - 2 * m.y } });
        const e = cy.getElementById(s.id);
        return { id: s.id, source: e.data('source'), target: e.data('target'), type: e.data('type'), evidence: e.data('evidence') ?? null };
      }
      return null;
    })()`) as { id: string; source: string; target: string; type: string; evidence: unknown } | null;
    expect(tie).not.toBeNull();
    expect(tie!.evidence).toBeNull();
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const box = (await page.locator('#cy').boundingBox())!;
    const asked = page.waitForResponse((r) => r.url().includes(`/api/relationships/${encodeURIComponent(tie!.id)}`));
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect((await asked).status()).toBe(200);
    const r = ds.relationships.find((x) => x.source === tie!.source && x.target === tie!.target && x.type === tie!.type)!;
    await page.waitForFunction((text) => document.querySelector('[data-testid=edge-details] [data-testid=evidence] p')?.textContent === text, `« ${r.evidence[0].excerpt} »`);
    expect(await page.textContent('[data-testid=edge-details] h2')).toContain(nameOf.get(r.source)!);
    expect(await onCy(page, (cy) => cy.edges(':selected').map((e) => e.id()))).toEqual([tie!.id]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selecting a hub shows its details with its ties counted, then selects it on the network; more ties on demand', async () => {
    const { page, errors } = await openApp(browser, server.url);
    await page.evaluate(`window.__maillage.ctx.select('${STAR}')`);
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-name]')?.textContent === 'Pôle Étoile');
    // The server sends 25 of its 200 partnerships; the heading counts all of them.
    const group = '[data-testid=group-partners]';
    expect(await page.textContent(`${group} h3 .count`)).toBe('200');
    expect(await page.$$eval(`${group} li.rel`, (li) => li.length)).toBe(25);
    // The network follows the details: the hub is selected there once they are shown.
    await page.waitForFunction(() => (window as unknown as { __maillage: { cy: { nodes(s: string): { map<T>(f: (n: { id(): string }) => T): T[] } } } }).__maillage.cy.nodes(':selected').map((n) => n.id()).join() === 'hub-etoile');
    const asked = page.waitForResponse((r) => r.url().includes(`/api/actors/${STAR}?limit=200`));
    await page.click(`${group} [data-testid=group-more]`);
    expect((await asked).status()).toBe(200);
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} li.rel`).length === 200, group);
    const listed = await page.$$eval(`${group} [data-testid=related-actor]`, (b) => b.map((x) => x.textContent));
    expect(new Set(listed)).toEqual(new Set(partners.map((p) => nameOf.get(p))));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opened again in the same browser, the overview is drawn at once in the places it was laid out in', async () => {
    const { page, errors } = await openApp(browser, server.url);
    const layoutRun = () => page.evaluate(() => document.body.dataset.layoutRun);
    const positions = () => onCy(page, (cy) => cy.nodes().map((n) => `${n.id()} ${JSON.stringify((n as unknown as { position(): unknown }).position())}`).sort());
    await page.waitForFunction(() => document.body.dataset.layout === 'done');
    expect(await layoutRun()).toMatch(/^\d+ iterations/); // laid out by the worker the first time
    const first = await positions();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.body.dataset.layout === 'done');
    expect(await layoutRun()).toBe('kept in this browser');
    expect(await positions()).toEqual(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('expansion adds the first 150 neighbours, then "+N de plus" the rest', async () => {
    const { page, errors } = await openApp(browser, server.url);
    await page.evaluate(`window.__maillage.ctx.select('${STAR}')`);
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-name]')?.textContent === 'Pôle Étoile');
    await page.click('[data-testid=expand]');
    await page.waitForSelector('[data-testid=neighbours-more]:not([hidden])');
    const drawnPartners = async () => { const d = new Set(await drawnIds(page)); return partners.filter((p) => d.has(p)).length; };
    const first = await drawnPartners();
    expect(first).toBeGreaterThanOrEqual(150);
    expect(first).toBeLessThan(200);
    expect(await page.textContent('[data-testid=neighbours-more-button]')).toBe(`+${200 - first} de plus`);
    await page.click('[data-testid=neighbours-more-button]');
    await page.waitForFunction((ids) => ids.every((id) => !(window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.getElementById(id).empty()), partners);
    expect(await drawnPartners()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters and the time control ask the server, and the view holds only what passes', async () => {
    const { page, errors } = await openApp(browser, server.url);
    await page.click('[data-testid=tab-filters]');
    const asked = page.waitForRequest((r) => r.url().includes('/api/graph/overview') && r.url().includes('kinds=') && !r.url().includes('person'));
    await page.uncheck('[data-testid=filter-kind-person]');
    expect(await onCy(page, (cy) => cy.nodes('[kind = "person"]').length)).toBeGreaterThan(0); // hidden on the page meanwhile
    await asked;
    // The server's answer replaces the view: no person left in it at all (not merely hidden).
    await page.waitForFunction(() => (window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.nodes('[kind = "person"]').length === 0);
    expect(await page.textContent('[data-testid=scope-what]')).toContain('correspondent aux filtres');
    expect((await counts(page)).nodes).toBe(300);

    const year = page.waitForRequest((r) => r.url().includes('/api/graph/overview') && r.url().includes('year=2010'));
    await page.check('[data-testid=time-toggle]');
    await page.$eval('[data-testid=time-year]', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2010';
      input.dispatchEvent(new Event('change'));
    });
    await year;
    await page.waitForResponse((r) => r.url().includes('year=2010'));
    await page.waitForFunction(() => (window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.edges().map((e) => String(e.data('date') ?? '')).filter((d) => d && Number(d.slice(0, 4)) > 2010).length === 0);
    expect(await onCy(page, (cy) => cy.edges().length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds paths between two actors outside the overview and draws them', async () => {
    const { page, errors } = await openApp(browser, server.url);
    const drawn = new Set(await drawnIds(page));
    const r = ds.relationships.find((x) => /^g-01\d{3}$/.test(x.source) && /^g-01\d{3}$/.test(x.target) && !drawn.has(x.source) && !drawn.has(x.target))!;
    await page.click('[data-testid=tab-paths]');
    for (const [testid, id] of [['path-from', r.source], ['path-to', r.target]] as const) {
      await page.fill(`[data-testid=${testid}]`, nameOf.get(id)!);
      await page.click(`[data-testid=${testid}] + [data-testid=search-results] [data-id="${id}"]`);
    }
    await page.waitForSelector('[data-testid=path]');
    const lit = await onCy(page, (cy) => cy.nodes('.highlighted').map((n) => n.id()));
    expect(lit).toEqual(expect.arrayContaining([r.source, r.target]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the funding flows of an actor outside the overview', async () => {
    const { page, errors } = await openApp(browser, server.url);
    const drawn = new Set(await drawnIds(page));
    const funded = ds.actors.map((a) => a.id).find((id) => {
      const inc = ds.relationships.filter((x) => x.type === 'FUNDS' && x.target === id);
      return /^g-01\d{3}$/.test(id) && !drawn.has(id) && inc.length > 0 && inc.every((x) => x.status === 'effective');
    })!;
    const funders = ds.relationships.filter((x) => x.type === 'FUNDS' && x.target === funded).map((x) => x.source);
    await searchAndPick(page, funded);
    await page.click('[data-testid=tab-funding]');
    await page.waitForSelector('[data-testid=funding-totals-upstream]');
    const flow = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=funding-flow]') as HTMLElement & { _cyreg?: { cy: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } } };
      return el._cyreg!.cy.nodes().map((n) => n.id());
    });
    expect(flow).toEqual(expect.arrayContaining([funded, ...funders]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the whole network loads on demand, says which renderer draws it and why, and a real click on an actor shows its details', async () => {
    const { page, errors } = await openApp(browser, server.url);
    await page.click('[data-testid=whole-network]');
    await page.waitForFunction(() => document.querySelector('[data-testid=scope-what]')?.textContent?.includes('réseau entier'), undefined, { timeout: 120_000 });
    await page.waitForFunction(() => document.body.dataset.layout === 'done', undefined, { timeout: 120_000 });
    expect(await counts(page)).toEqual({ nodes: 3001, edges: 9200 });
    expect(await page.textContent('[data-testid=scope-shown]')).toBe(`${fr(3001)} des ${fr(3001)} acteurs · ${fr(9200)} des ${fr(9200)} relations`);
    const [renderer, reason] = await page.evaluate(() => [document.body.dataset.renderer, document.body.dataset.rendererReason]);
    // WebGL where a GPU draws it; headless Chromium emulates WebGL on the CPU, so the canvas renderer says why.
    if (renderer !== 'webgl') expect(reason).toMatch(/WebGL/);
    await screenshot(page, 'large-whole-network');
    // A real click on an actor of this large view shows its details: asked at the press, before the button is
    // released, and the actor is not given Cytoscape's pressed (:active) state, which redraws the whole view.
    const at = await page.evaluate(`(() => {
      const cy = window.__maillage.cy;
      const n = cy.getElementById('${STAR}');
      cy.zoom(2);
      cy.center(n);
      const p = n.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    })()`) as { x: number; y: number };
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    // The details' answer (read beforehand: its query planned, it comes at once when let go) is held back until the
    // press has been looked at: the network's frames are held meanwhile (Cytoscape batching: its render loop draws
    // nothing), and the panel is written before any frame of the network.
    const details = await (await page.request.get(`${server.url}/api/actors/${STAR}?limit=25`)).text();
    let answer!: () => void;
    const answered = new Promise<void>((r) => { answer = r; });
    await page.route(`**/api/actors/${STAR}?*`, async (route) => { await answered; await route.fulfill({ status: 200, contentType: 'application/json', body: details }); });
    await page.evaluate(`(() => {
      const cy = window.__maillage.cy;
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-testid=actor-name]')?.textContent !== 'Pôle Étoile') return;
        obs.disconnect();
        window.__heldWhenWritten = cy.batching();
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const asked = page.waitForRequest((r) => r.url().includes(`/api/actors/${STAR}?`));
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await asked;
    expect(await onCy(page, (cy) => cy.nodes(':active').length)).toBe(0);
    expect(await page.evaluate('window.__maillage.cy.batching()')).toBe(true);
    await page.mouse.up();
    answer();
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-name]')?.textContent === 'Pôle Étoile');
    expect(await page.evaluate('window.__heldWhenWritten')).toBe(true);
    // Then the network draws again and selects the actor.
    await page.waitForFunction(() => !(window as unknown as { __maillage: { cy: { batching(): boolean } } }).__maillage.cy.batching());
    await page.waitForFunction(() => (window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.nodes(':selected').map((n) => n.id()).join() === 'hub-etoile');
    await page.unroute(`**/api/actors/${STAR}?*`);
    // A press that becomes a drag lets the frames go at once: the actor moves under the hand (this view is under
    // 20,000 elements: its actors can be dragged).
    const from = await page.evaluate(`(() => { const n = window.__maillage.cy.getElementById('${STAR}'); const p = n.renderedPosition(); const box = window.__maillage.cy.container().getBoundingClientRect(); return { x: box.left + p.x, y: box.top + p.y, model: { ...n.position() } }; })()`) as { x: number; y: number; model: { x: number; y: number } };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + 10 * i, from.y);
    expect(await page.evaluate('window.__maillage.cy.batching()')).toBe(false);
    await page.mouse.up();
    const moved = await page.evaluate(`window.__maillage.cy.getElementById('${STAR}').position()`) as { x: number; y: number };
    expect(moved.x).toBeGreaterThan(from.model.x);
    // So does the wheel (a zoom) during a press.
    const zoom = await page.evaluate('window.__maillage.cy.zoom()') as number;
    await page.mouse.down();
    expect(await page.evaluate('window.__maillage.cy.batching()')).toBe(true);
    await page.mouse.wheel(0, -240);
    expect(await page.evaluate('window.__maillage.cy.batching()')).toBe(false);
    await page.mouse.up();
    await page.waitForFunction((z) => (window as unknown as { __maillage: { cy: { zoom(): number } } }).__maillage.cy.zoom() > z, zoom);
    // Back to the overview.
    await page.click('[data-testid=whole-network]');
    await page.waitForFunction(() => (window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.nodes().length === 300);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without WebGL, draws with the canvas renderer and says so', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return type === 'webgl2' || type === 'webgl' ? null : (get as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof get;
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => [document.body.dataset.renderer, document.body.dataset.rendererReason])).toEqual(['canvas', expect.stringContaining('WebGL 2 indisponible')]);
    expect((await counts(page)).nodes).toBe(300);
    await page.close();
  });

  // Last: it writes to the graph.
  it('right after a write, opens at once on the previous ranking and says so; « Vue d’ensemble » then brings the new one', async () => {
    // This 12,000-element graph is ranked in the request by default: here, as a large one (in the background).
    // The scans can be held, so that the page meets the previous ranking whatever the timing.
    let gate = Promise.resolve();
    const digests = new GraphDigests(db, { inlineMax: 0, hold: () => gate });
    const stale = await startServer(db, { digests });
    // Nothing kept from earlier runs: the first page waits for its ranking (fresh).
    await db.write('MATCH (d:GraphDigest) DETACH DELETE d');
    try {
      const first = await openApp(browser, stale.url);
      expect(await first.page.getAttribute('[data-testid=scope-what]', 'data-ranking')).toBe('fresh');
      await first.page.close();
      // An edit: a new actor tied to 400 others (the most connected of all once ranked again).
      const ties = ds.actors.slice(0, 400).map((a) => ({ type: 'PARTNERS_WITH' as const, source: 'zz-nouveau', target: a.id, evidence: [{ source: FIXTURE_SOURCE.id, excerpt: 'zz-nouveau PARTNERS_WITH' }] }));
      let release!: () => void;
      gate = new Promise<void>((r) => { release = r; });
      await loadDataset(db, { sources: [FIXTURE_SOURCE], actors: [{ id: 'zz-nouveau', name: 'Nouveau pôle', kind: 'cluster', aliases: [] }], relationships: ties });
      const { page, errors } = await openApp(browser, stale.url);
      expect(await page.getAttribute('[data-testid=scope-what]', 'data-ranking')).toBe('stale');
      expect(await page.textContent('[data-testid=scope-what]')).toContain('classement d’avant les dernières modifications');
      // The totals are the graph's as it is now.
      expect(await page.textContent('[data-testid=scope-shown]')).toContain(`des ${fr(3002)} acteurs`);
      expect(await page.textContent('[data-testid=scope-shown]')).toContain(`des ${fr(9600)} relations`);
      expect(await onCy(page, (cy) => cy.getElementById('zz-nouveau').empty())).toBe(true);
      release();
      await digests.idle();
      await page.click('#reset');
      // The new ranking's first actor is drawn, and the banner no longer says the ranking is old.
      await page.waitForFunction(() => !(window as unknown as { __maillage: { cy: Cy } }).__maillage.cy.getElementById('zz-nouveau').empty());
      expect(await page.getAttribute('[data-testid=scope-what]', 'data-ranking')).toBe('fresh');
      expect(await page.textContent('[data-testid=scope-what]')).not.toContain('classement d’avant');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await stale.close();
    }
  });
});
