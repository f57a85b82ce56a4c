// npm run bench -- browser: the client in real Chromium on synthetic graphs — time to the network drawn and
// laid out, pan/zoom frame rate, page usable on large graphs, whole network on demand, selection to details.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/app';
import type { Db } from '../server/db';
import { loadDataset } from '../server/load';
import { Q } from '../server/queries';
import type { Bench } from './run';
import { syntheticDataset } from './synthetic';

const CLIENT_DIR = path.resolve(__dirname, '..', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of the browser tests (tests/support/browser.ts): WebGL, when it runs, runs in software. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function serve(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(db, { clientDir: CLIENT_DIR });
  const server = await new Promise<import('node:http').Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const line = (label: string, value: string, goal = '') => console.log(`  ${label.padEnd(62)} ${value.padStart(12)}   ${goal}`);

/** Waits for the page's own signals: data ready, then (when the client reports it) the layout done, then two frames. */
async function drawn(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: timeoutMs });
  await page.waitForFunction('!document.body.dataset.layout || document.body.dataset.layout === "done"', undefined, { timeout: timeoutMs, polling: 50 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/**
 * Pans and zooms for `frames` animation frames; frames per second as requestAnimationFrame sees them.
 * (A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.)
 */
async function panZoomFps(page: Page, frames = 120): Promise<{ fps: number; p95: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const cy = window.__maillage.cy;
    const times = [];
    let i = 0;
    const start = cy.zoom();
    const step = (t) => {
      times.push(t);
      if (i++ >= ${frames}) {
        const gaps = times.slice(1).map((x, k) => x - times[k]).sort((a, b) => a - b);
        resolve({ fps: (1000 * (times.length - 1)) / (times[times.length - 1] - times[0]), p95: gaps[Math.floor(gaps.length * 0.95)] });
        return;
      }
      // Every other frame pans, the others zoom in and out around the start.
      if (i % 2) cy.panBy({ x: 6 * Math.sin(i / 10), y: 4 * Math.cos(i / 13) });
      else cy.zoom(start * (1 + 0.3 * Math.sin(i / 15)));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`);
}

async function wholeOnLoad(browser: Browser, url: string, label: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const t0 = Date.now();
  await page.goto(url);
  await drawn(page, 600_000);
  const ms = Date.now() - t0;
  const renderer = await page.evaluate('document.body.dataset.renderer || "canvas"') as string;
  line(`${label}: whole network drawn and laid out, after navigation`, secs(ms), 'goal ≤ 3 s');
  if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: path.resolve(__dirname, '..', 'test-artifacts', `bench-${label.replace(/\W+/g, '-')}.png`) });
  const fps = await panZoomFps(page);
  line(`${label}: pan and zoom (${renderer})`, `${fps.fps.toFixed(0)} fps`, `p95 frame ${fps.p95.toFixed(0)} ms; goal ≥ 30 fps`);
  await page.close();
}

const bench: Bench = {
  name: 'browser — the client in Chromium on synthetic graphs',
  async run(db: Db) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      await db.write(Q.wipe);
      await loadDataset(db, syntheticDataset(2_000, 5_000));
      const server = await serve(db);
      try {
        await wholeOnLoad(browser, server.url, '2k/5k');
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
    }
  },
};
export default bench;
