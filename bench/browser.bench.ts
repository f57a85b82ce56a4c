// npm run bench -- browser: the client in real Chromium on synthetic graphs — time to the network drawn and
// laid out, pan/zoom frame rate, main-thread long tasks, selection to details shown; the renderer stated.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BENCH_INSTANCE, ensure, stop } from '../neo4j/ctl';
import { createApp } from '../server/app';
import { connect } from '../server/db';
import { KeptAnswers } from '../server/graph/answers';
import { WholeGraph } from '../server/graph/whole';
import { GraphLayouts } from '../server/layout/service';
import { GraphDigests } from '../server/graph/digest';
import { Q } from '../server/queries';
import { PageActivity, warmUp } from '../server/warm-up';
import type { Db } from '../server/db';
import { recoverInterrupted } from '../server/changes';
import { applySchema, counts, loadDataset, wipeGraph } from '../server/load';
import type { Bench } from './run';
import { ensureLargeGraph } from './large-graph';
import { syntheticDataset } from './synthetic';

// BENCH_CLIENT_DIR serves another build (a before/after pair from one checkout: copy dist/ aside first).
const CLIENT_DIR = path.resolve(process.env.BENCH_CLIENT_DIR ?? path.resolve(__dirname, '..', 'dist'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of the browser tests (tests/support/browser.ts): WebGL, when it runs, runs in software. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Served {
  url: string;
  /** Waits for the warm-up's end (at once with BENCH_NO_WARM_UP=1), then the whole-graph scans' (a server that has been up), and says so. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app as server/index.ts runs it: the whole-graph scans polled for (and kept in Neo4j), the first page's answers
 * kept in `answers` (none with BENCH_KEEP_ANSWERS=0), the warm-up started.
 */
async function serve(db: Db, digests = new GraphDigests(db), answers?: KeptAnswers): Promise<Served> {
  digests.watch();
  const pages = new PageActivity();
  const whole = new WholeGraph(db, answers);
  const warm = process.env.BENCH_NO_WARM_UP !== '1' ? warmUp(db, { log: (m) => console.log(`  (${m})`), pages, whole }) : Promise.resolve(undefined);
  // The whole network's positions per graph version, as index.ts lays them out (none asked for with BENCH_SERVER_LAYOUT=0).
  const layouts = new GraphLayouts(db, { answers, pages, log: (m) => console.log(`  (${m})`) });
  if (process.env.BENCH_SERVER_LAYOUT !== '0') layouts.watch(1000, warm);
  const app = createApp(db, { clientDir: CLIENT_DIR, digests, pages, whole, answers, layouts });
  const server = await new Promise<import('node:http').Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const { port } = server.address() as AddressInfo;
  const up = async () => {
    const t0 = Date.now();
    const r = await warm;
    await digests.idle();
    await layouts.idle();
    console.log(`  (server up: ${r ? `warm-up done, ${r.ran} queries in ${secs(r.ms)}` : 'no warm-up'}; scans and layout done; waited ${secs(Date.now() - t0)} more)`);
  };
  return { url: `http://127.0.0.1:${port}`, up, close: () => new Promise<void>((r) => { digests.close(); layouts.close(); server.closeAllConnections(); server.close(() => r()); }) };
}

/** Where this run keeps the first page's answers (removed at its end); none with BENCH_KEEP_ANSWERS=0. */
function keptAnswers(dir: string): KeptAnswers | undefined {
  return process.env.BENCH_KEEP_ANSWERS === '0' ? undefined : new KeptAnswers(dir);
}

/** The layout is among the answers a restart waits for (a server up long enough has kept it), unless BENCH_SERVER_LAYOUT=0. */
const layoutKept = () => (process.env.BENCH_SERVER_LAYOUT === '0' ? [] : ['layout']);

/**
 * The server and its Neo4j started again on the same graph (a reboot, a deploy), and `open` run on the page opened
 * as they start. Only on the bench's own instance (not BENCH_NEO4J_URI), after the answers `names` were kept.
 */
async function restarted(dir: string, kept: KeptAnswers | undefined, names: string[], open: (url: string) => Promise<void>): Promise<void> {
  if (process.env.BENCH_NEO4J_URI || process.env.BENCH_RESTART === '0') return;
  if (kept) {
    const t0 = Date.now();
    while (!names.every((n) => fs.existsSync(path.join(dir, `${n}.json`)))) {
      if (Date.now() - t0 > 60_000) throw new Error(`answers ${names.join(', ')} not kept within a minute`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop(BENCH_INSTANCE);
  const { uri } = await ensure(BENCH_INSTANCE);
  const db = connect({ uri });
  try {
    // What server/index.ts does before it serves the API (503 until then): the schema, interrupted change sets, the counts.
    await db.ping();
    await applySchema(db);
    await recoverInterrupted(db);
    await counts(db);
    const server = await serve(db, new GraphDigests(db), keptAnswers(dir));
    try {
      await open(server.url);
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const line = (label: string, value: string, goal = '') => console.log(`  ${label.padEnd(66)} ${value.padStart(10)}   ${goal}`);

// Page-side code is passed as strings: tsx would wrap a function's inner names in a helper the page lacks.

/** Records main-thread long tasks (> 50 ms) from the first script on. */
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

/** Waits for the page's own signals: data ready, the layout done, then two frames (drawn). */
async function drawn(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: timeoutMs });
  await page.waitForFunction('document.body.dataset.layout === "done"', undefined, { timeout: timeoutMs, polling: 50 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/** Frames per second while a user drags the network about, then zooms with the wheel (real input events). */
export async function panZoomFps(page: Page): Promise<{ pan: number; zoom: number }> {
  const box = (await page.locator('#cy').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const count = async (drive: () => Promise<void>) => {
    await page.evaluate(`window.__frames = []; window.__counting = true; (function tick(t) { window.__frames.push(t); if (window.__counting) requestAnimationFrame(tick); })(performance.now())`);
    await drive();
    const frames = await page.evaluate('window.__counting = false; window.__frames') as number[];
    return (1000 * (frames.length - 1)) / (frames[frames.length - 1] - frames[0]);
  };
  // Drag from a blank corner: a drag that starts on an actor moves the actor, not the view.
  const pan = await count(async () => {
    await page.mouse.move(box.x + 8, box.y + 8);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + 8 + 4 * i, box.y + 8 + 3 * i);
    await page.mouse.up();
  });
  await page.mouse.move(cx, cy);
  const zoom = await count(async () => {
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120);
  });
  return { pan, zoom };
}

/**
 * Waits until the page draws quickly again (30 frames in a row under 100 ms apart): after a pan or zoom a
 * large view redraws itself at the new scale once the gesture stops, and a selection timed during that redraw
 * would time the redraw. (A condition, not a fixed pause.)
 */
export async function quiet(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    let last = performance.now(), calm = 0;
    const tick = (t) => { calm = t - last < 100 ? calm + 1 : 0; last = t; if (calm >= 30) resolve(); else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })`);
}

/** Milliseconds from selecting an actor to its name in the details pane (the API answer included). */
export async function selectToDetails(page: Page, id: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const { ctx, cy } = window.__maillage;
    const name = cy.getElementById(${JSON.stringify(id)}).data('name');
    const t0 = performance.now();
    const done = () => { const h = document.querySelector('[data-testid=actor-name]'); return h && h.textContent === name; };
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(performance.now() - t0); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    ctx.select(${JSON.stringify(id)});
  })`);
}

/**
 * Milliseconds from a real click on an actor (the press's input event) to its name in the details pane, painted: what
 * a user waits for, with Cytoscape's own handling of the press on the way. The view is first centred on the actor.
 */
export async function clickToDetails(page: Page, id: string): Promise<number> {
  const at = await page.evaluate(`(() => {
    const { cy } = window.__maillage;
    const n = cy.getElementById(${JSON.stringify(id)});
    cy.$(':selected').unselect();
    cy.center(n);
    const name = n.data('name');
    window.__clicked = undefined; window.__shown = undefined; window.__tapped = undefined; window.__painted = undefined; window.__handled = undefined;
    cy.one('tap', 'node', () => { window.__tapped = performance.now(); });
    // The press's own time (the input event's timestamp), not its dispatch: a press that waits behind a long frame counts.
    document.addEventListener('pointerdown', (e) => { window.__clicked = e.timeStamp; window.__handled = performance.now(); }, { capture: true, once: true });
    const obs = new MutationObserver(() => {
      const h = document.querySelector('[data-testid=actor-name]');
      if (window.__clicked !== undefined && h && h.textContent === name) {
        obs.disconnect();
        window.__shown = performance.now();
        // Painted: the frame that holds the panel's new DOM is done (a frame callback registered now runs after the
        // network's own, in that frame; the task after it runs once the frame is painted).
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    const p = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`) as { x: number; y: number };
  await quiet(page);
  await page.mouse.click(at.x, at.y);
  // A function, not a string: a polled string predicate is eval'd, which the app's CSP refuses.
  await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, undefined, { polling: 10, timeout: 60_000 });
  const [painted, shown, handled, tap, ask, answer] = await page.evaluate(`(() => {
    const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/actors/')).pop();
    const c = window.__clicked;
    return [window.__painted - c, window.__shown - c, window.__handled - c, window.__tapped - c, r ? r.startTime - c : NaN, r ? r.responseEnd - c : NaN];
  })()`) as number[];
  // Where a click's time goes (ms after the press): its dispatch to the page, Cytoscape's tap, the details request
  // leaving and its answer, the panel written, then painted (what the figure is).
  const ms = (x: number) => Math.round(x);
  console.log(`    (click: press handled at ${ms(handled)} ms, tap at ${ms(tap)}, details asked at ${ms(ask)}, answered at ${ms(answer)}, written at ${ms(shown)}, painted at ${ms(painted)})`);
  return painted;
}

/**
 * BENCH_PROFILE=1: a CPU profile of the page from the call to the returned stop (BENCH_PROFILE_CLICK=1: of the clicks
 * only; BENCH_PROFILE_WHOLE=1: from the click on *Réseau entier* to the network drawn) (written to
 * test-artifacts/bench-<label>.cpuprofile, open it in Chrome's devtools), and the functions that took the
 * most time printed. Build with \`npx vite build --minify false\` first for readable names.
 */
async function profile(page: Page): Promise<(label: string) => Promise<void>> {
  if (!process.env.BENCH_PROFILE && !process.env.BENCH_PROFILE_CLICK && !process.env.BENCH_PROFILE_WHOLE) return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async (label) => {
    const { profile: p } = await cdp.send('Profiler.stop');
    const dir = path.resolve(__dirname, '..', 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `bench-${label.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(p));
    const byNode = new Map(p.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    p.samples?.forEach((id, i) => {
      const f = byNode.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log(`  profile (${label}): self time, ms`);
    for (const [k, ms] of top) console.log(`    ${ms.toFixed(0).padStart(7)}  ${k}`);
  };
}

/**
 * Where the time to the drawn network went: the page's own marks (data, layout running/done, drawn) and each
 * API request (start → end), in ms since navigation.
 */
async function timeline(page: Page, label: string, since?: number): Promise<void> {
  const t = await page.evaluate(`((since) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const out = since === undefined ? [['HTML + scripts (DOMContentLoaded)', 0, Math.round(nav.domContentLoadedEventEnd)]] : [];
    const t0 = since ?? 0;
    for (const r of performance.getEntriesByType('resource')) if (r.startTime >= t0 && (r.name.includes('/api/') || r.name.endsWith('.js'))) out.push([new URL(r.name).pathname + new URL(r.name).search.slice(0, 30), Math.round(r.startTime - t0), Math.round(r.responseEnd - t0)]);
    for (const m of performance.getEntriesByType('mark')) if (m.startTime >= t0 && m.name.startsWith('maillage:')) out.push([m.name, Math.round(m.startTime - t0), Math.round(m.startTime - t0)]);
    return out.sort((a, b) => a[2] - b[2]);
  })(${since})`) as [string, number, number][];
  console.log(`  timeline (${label}), ms since ${since === undefined ? 'navigation' : 'the click'}:`);
  for (const [name, start, end] of t) console.log(`    ${String(start).padStart(6)} → ${String(end).padStart(6)}  ${name}`);
}

async function longTasks(page: Page): Promise<{ longest: number; total: number }> {
  const tasks = await page.evaluate('window.__longTasks') as number[];
  return { longest: tasks.reduce((a, b) => Math.max(a, b), 0), total: tasks.reduce((a, b) => a + b, 0) };
}

/** The whole network drawn in a fresh browser profile; with `full`, then pan/zoom, selections and a reload. */
async function wholeOnLoad(browser: Browser, url: string, label: string, full = true): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(LONG_TASKS);
  // Same origin first, so that the profiler's renderer process is the one the app runs in.
  if (process.env.BENCH_PROFILE) await page.goto(`${new URL(url).origin}/api/health`);
  const stopProfile = await profile(page);
  const t0 = Date.now();
  await page.goto(url);
  await drawn(page, 600_000);
  const ms = Date.now() - t0;
  await stopProfile(label);
  await timeline(page, label);
  const [renderer, layout] = await page.evaluate('[document.body.dataset.renderer, document.body.dataset.layoutRun]') as [string, string | undefined];
  line(`${label}: whole network drawn and laid out, after navigation`, secs(ms), `goal ≤ 3 s  (cold: fresh browser profile; layout: ${layout ?? 'fcose'})`);
  const lt = await longTasks(page);
  line(`${label}: main-thread long tasks while loading`, `${Math.round(lt.longest)} ms`, `longest; ${Math.round(lt.total)} ms in all`);
  if (!full) { await page.close(); return; }
  if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: path.resolve(__dirname, '..', 'test-artifacts', `bench-${label.replace(/\W+/g, '-')}.png`) });
  const fps = await panZoomFps(page);
  line(`${label}: pan / zoom (${renderer} renderer)`, `${fps.pan.toFixed(0)} / ${fps.zoom.toFixed(0)} fps`, 'goal ≥ 30 fps');
  const hub = await page.evaluate('window.__maillage.cy.nodes().max((n) => n.degree(false)).ele.id()') as string;
  await quiet(page);
  const sel = await selectToDetails(page, hub);
  line(`${label}: selecting the biggest hub to its details shown`, `${Math.round(sel)} ms`, 'goal ≤ 200 ms');
  const second = await page.evaluate('window.__maillage.cy.nodes().sort((a, b) => b.degree(false) - a.degree(false))[1].id()') as string;
  const stopClickProfile = process.env.BENCH_PROFILE_CLICK ? await profile(page) : undefined;
  line(`${label}: clicking the second hub to its details shown`, `${Math.round(await clickToDetails(page, second))} ms`, 'goal ≤ 200 ms');
  await stopClickProfile?.(`${label} click`);
  // The same network opened again in this browser: its layout is kept (localStorage), a warm start.
  const t1 = Date.now();
  await page.reload();
  await drawn(page, 600_000);
  const again = await page.evaluate('document.body.dataset.layoutRun') as string;
  line(`${label}: opened again in the same browser, drawn`, secs(Date.now() - t1), `warm: layout ${again}`);
  await page.close();
}

/** A large graph: the overview drawn and a search answered (page usable), then the whole network on demand. */
async function largeGraph(browser: Browser, url: string, label: string, query: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(LONG_TASKS);
  if (process.env.BENCH_PROFILE) await page.goto(`${new URL(url).origin}/api/health`);
  const stopProfile = await profile(page);
  const t0 = Date.now();
  await page.goto(url);
  await drawn(page, 600_000);
  const overview = Date.now() - t0;
  await page.fill('[data-testid=search]', query);
  await page.waitForSelector('[data-testid=search-result]', { timeout: 600_000 });
  const usable = Date.now() - t0;
  await stopProfile(`${label} overview`);
  if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: path.resolve(__dirname, '..', 'test-artifacts', `bench-${label.replace(/\W+/g, '-')}-overview.png`) });
  line(`${label}: overview drawn, after navigation`, secs(overview), '');
  const ranking = await page.getAttribute('[data-testid=scope-what]', 'data-ranking');
  line(`${label}: page usable (overview drawn, search answered)`, secs(usable), `goal ≤ 3 s  (ranking ${ranking})`);
  await timeline(page, label);
  const lt = await longTasks(page);
  line(`${label}: main-thread long tasks until then`, `${Math.round(lt.longest)} ms`, `longest; ${Math.round(lt.total)} ms in all`);
  await page.fill('[data-testid=search]', '');
  const limit = await page.isEnabled('[data-testid=whole-network]');
  if (!limit) {
    line(`${label}: whole network on demand`, 'refused', (await page.textContent('[data-testid=whole-note]')) ?? '');
    await page.close();
    return;
  }
  const stopWholeProfile = process.env.BENCH_PROFILE_WHOLE ? await profile(page) : undefined;
  const clickAt = await page.evaluate('performance.now()') as number;
  const t1 = Date.now();
  await page.click('[data-testid=whole-network]');
  // A function, not a string: a polled string predicate is eval'd, which the app's CSP refuses.
  await page.waitForFunction(() => !!document.querySelector('[data-testid=scope-what]')?.textContent?.includes('réseau entier') && document.body.dataset.layout === 'done', undefined, { timeout: 600_000, polling: 100 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const whole = Date.now() - t1;
  await stopWholeProfile?.(`${label} whole network`);
  const [renderer, layout, n] = await page.evaluate('[document.body.dataset.renderer, document.body.dataset.layoutRun, window.__maillage.cy.elements().length]') as [string, string, number];
  line(`${label}: whole network on demand (${n} elements), drawn`, secs(whole), `goal ≤ 15 s  (layout: ${layout})`);
  await timeline(page, `${label}, whole network`, clickAt);
  if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: path.resolve(__dirname, '..', 'test-artifacts', `bench-${label.replace(/\W+/g, '-')}-whole.png`) });
  const fps = await panZoomFps(page);
  line(`${label}: whole network, pan / zoom (${renderer} renderer)`, `${fps.pan.toFixed(0)} / ${fps.zoom.toFixed(0)} fps`, 'goal ≥ 10 fps');
  const hub = await page.evaluate('window.__maillage.cy.nodes().max((n) => n.degree(false)).ele.id()') as string;
  await quiet(page);
  const stopSelectProfile = process.env.BENCH_PROFILE_CLICK ? await profile(page) : undefined;
  line(`${label}: selecting the biggest hub to its details shown`, `${Math.round(await selectToDetails(page, hub))} ms`, 'goal ≤ 200 ms');
  await stopSelectProfile?.(`${label} whole select`);
  const second = await page.evaluate('window.__maillage.cy.nodes().sort((a, b) => b.degree(false) - a.degree(false))[1].id()') as string;
  const stopClickProfile = process.env.BENCH_PROFILE_CLICK ? await profile(page) : undefined;
  line(`${label}: clicking the second hub to its details shown`, `${Math.round(await clickToDetails(page, second))} ms`, 'goal ≤ 200 ms');
  await stopClickProfile?.(`${label} whole click`);
  await page.close();
}

const bench: Bench = {
  name: 'browser — the client in Chromium on synthetic graphs',
  async run(db: Db) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-answers-'));
    try {
      const sizes = (process.env.BENCH_BROWSER_SIZES ?? '2k,10k').split(',');
      if (sizes.includes('2k')) {
        await wipeGraph(db);
        await loadDataset(db, syntheticDataset(2_000, 5_000));
        const kept = keptAnswers(dir);
        const server = await serve(db, undefined, kept);
        try {
          // Opened as the server starts (its Neo4j just started, the warm-up beginning): the worst case. Skipped with
          // BENCH_START_PAGE=0, so that the page below is the server's first (what a server started before its users meets).
          if (process.env.BENCH_START_PAGE !== '0') await wholeOnLoad(browser, server.url, '2k/5k');
          // Then a new user (a fresh browser profile) on a server that has been up: its warm-up and scans done.
          await server.up();
          // In full (pan/zoom, selections, reload) when it is the only page.
          await wholeOnLoad(browser, server.url, '2k/5k, server up', process.env.BENCH_START_PAGE === '0');
          // The same with WebGL forced: what software WebGL (SwiftShader) does here.
          if (process.env.BENCH_WEBGL) await wholeOnLoad(browser, `${server.url}/?renderer=webgl`, '2k/5k, WebGL forced');
        } finally {
          await server.close();
        }
        // The same graph after a restart of the server and its Neo4j, the page opened as they start.
        const how = kept ? 'answers kept' : 'BENCH_KEEP_ANSWERS=0';
        await restarted(dir, kept, ['stats', 'graph', ...layoutKept()], (url) => wholeOnLoad(browser, url, `2k/5k, restarted (${how})`, false));
      }
      if (sizes.includes('100k')) {
        // Generated straight into the database (bench/large-graph.ts), kept from one run to the next.
        const built = await ensureLargeGraph(db, { actors: 100_000, ties: 1_000_000 });
        if (built.rebuilt) console.log(`  (100k/1M generated in ${secs(built.ms)})`);
        const digests = new GraphDigests(db);
        const server = await serve(db, digests);
        try {
          // A server that has been up: the scans of this graph version are done (or were kept from a previous run).
          await digests.check();
          await digests.idle();
          await largeGraph(browser, server.url, '100k/1M', 'acteur 4242');
          // Then the first page opened right after a write (a new graph version: its scans start with the page).
          await db.write(Q.bumpVersion);
          await largeGraph(browser, server.url, '100k/1M, right after a write', 'acteur 4243');
          const t0 = Date.now();
          await digests.check();
          await digests.idle();
          line('100k/1M: the scans of the new version done, after the page', secs(Date.now() - t0), '');
        } finally {
          await server.close();
        }
      }
      if (sizes.includes('10k')) {
        await wipeGraph(db);
        const t0 = Date.now();
        await loadDataset(db, syntheticDataset(10_000, 50_000));
        console.log(`  (10k/50k loaded in ${secs(Date.now() - t0)})`);
        const kept = keptAnswers(dir);
        const server = await serve(db, undefined, kept);
        try {
          // As the server starts; or, with BENCH_START_PAGE=0, its first page once its warm-up and scans are done.
          if (process.env.BENCH_START_PAGE !== '0') await largeGraph(browser, server.url, '10k/50k', 'acteur 4242');
          else {
            await server.up();
            await largeGraph(browser, server.url, '10k/50k, server up', 'acteur 4242');
          }
        } finally {
          await server.close();
        }
        const how = kept ? 'answers kept' : 'BENCH_KEEP_ANSWERS=0';
        await restarted(dir, kept, ['stats', 'overview', ...layoutKept()], (url) => largeGraph(browser, url, `10k/50k, restarted (${how})`, 'acteur 4242'));
      }
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
