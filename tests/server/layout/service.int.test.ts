// GET /api/graph/layout and the layouts behind it (server/layout): the whole network laid out once per graph version in
// a worker thread, served for that version only (never another's, nor another database's), kept across a restart
// (KeptAnswers) and laid out again after a write, starting from the previous positions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { GraphLayout } from '../../../model/schema';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { KeptAnswers, graphIdentity } from '../../../server/graph/answers';
import { GraphLayouts } from '../../../server/layout/service';
import { Q } from '../../../server/queries';
import { resetTo, testDb } from '../../support/db';
import { generatedDataset } from '../../support/generated';
import { waitFor } from '../../support/wait';

// Past LARGE_VIEW elements (2,100): laid out as a large view, the one a new version's layout starts from the last.
const ds = generatedDataset(600, 1500, { isolated: 5 });
/** Settling as in production, within a small budget. */
const EFFORT = { budgetMs: 5_000 };
let db: Db;
let dir: string;
const open: GraphLayouts[] = [];

/** A server as index.ts builds it: layouts kept in `dir`, computed when asked (no polling in tests), small effort. */
function server(opts: { answers?: KeptAnswers; quietMs?: number } = {}) {
  const answers = opts.answers ?? new KeptAnswers(dir);
  const layouts = new GraphLayouts(db, { answers, effort: EFFORT, quietMs: opts.quietMs ?? 0, log: () => undefined });
  open.push(layouts);
  return { answers, layouts, app: createApp(db, { answers, layouts }) };
}

const layoutOf = async (app: ReturnType<typeof createApp>) => (await request(app).get('/api/graph/layout').expect(200)).body as GraphLayout;

/** Asks until the layout is ready (the first ask starts it; the endpoint waits a bounded time). */
const ready = (app: ReturnType<typeof createApp>) =>
  waitFor(() => layoutOf(app), (b) => b.status === 'ready', { what: 'the layout ready' }) as Promise<Extract<GraphLayout, { status: 'ready' }>>;

/** Positions by id as a fitted view shows them: centred, and scaled to a mean square radius of 1. */
function fitted(l: Extract<GraphLayout, { status: 'ready' }>): Map<string, [number, number]> {
  const n = l.ids.length;
  let cx = 0, cy = 0, r = 0;
  for (let i = 0; i < n; i++) { cx += l.xy[2 * i] / n; cy += l.xy[2 * i + 1] / n; }
  for (let i = 0; i < n; i++) r += ((l.xy[2 * i] - cx) ** 2 + (l.xy[2 * i + 1] - cy) ** 2) / n;
  r = Math.sqrt(r);
  return new Map(l.ids.map((id, i) => [id, [(l.xy[2 * i] - cx) / r, (l.xy[2 * i + 1] - cy) / r]]));
}

beforeAll(() => { db = testDb(); });
beforeEach(async () => {
  await resetTo(db, ds);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-layout-'));
});
afterEach(() => { for (const l of open.splice(0)) l.close(); });
afterAll(async () => { await db.close(); });

describe('GET /api/graph/layout', () => {
  it('answers positions for every actor of the current graph version, and the version with /api/graph', async () => {
    const { app } = server();
    const b = await ready(app);
    const { version } = await graphIdentity(db);
    expect(b.version).toBe(version);
    expect(new Set(b.ids)).toEqual(new Set(ds.actors.map((a) => a.id)));
    expect(b.xy).toHaveLength(2 * b.ids.length);
    expect(b.xy.every(Number.isFinite)).toBe(true);
    expect(b.iterations).toBeGreaterThan(0);
    const g = await request(app).get('/api/graph').expect(200);
    expect(Number(g.headers['x-graph-version'])).toBe(version);
  });

  it('keeps the layout on disk: a server started again serves it without laying out', async () => {
    const first = server();
    const b = await ready(first.app);
    await waitFor(() => first.answers.writes, (n) => n >= 1, { what: 'the layout written' });
    const again = server();
    expect(await layoutOf(again.app)).toEqual(b);
    expect(again.layouts.computed).toBe(0);
  });

  it('never serves another database\'s layout, even at the same graph version', async () => {
    const first = server();
    await ready(first.app);
    await waitFor(() => first.answers.writes, (n) => n >= 1, { what: 'the layout written' });
    const id = await graphIdentity(db);
    const file = path.join(dir, 'layout.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(id.database, 'ANOTHER-DATABASE'));
    const again = server();
    await ready(again.app);
    expect(again.layouts.computed).toBe(1);
  });

  it('lays out again after a write, serving no older version meanwhile, from the previous positions', async () => {
    const { app, layouts } = server({ quietMs: 60_000 });
    const before = await ready(app);
    await db.write(Q.bumpVersion);
    const { version } = await graphIdentity(db);
    // Asked of the new version: never the old one's positions.
    const answers = await Promise.all([layoutOf(app), ready(app)]);
    expect(answers.map((a) => a.version)).toEqual([version, version]);
    const after = answers[1];
    expect(layouts.computed).toBe(2);
    // Started from the previous version's positions: the picture (as the page fits it: centred, scaled) stays where it
    // was — 0.06–0.12 of its radius on average in runs here (the iterations a run makes vary with its time slices), so
    // under a fifth — and settles in fewer iterations (40–70 against 130–180), which only a seeded start does.
    const before2 = fitted(before);
    const after2 = fitted(after);
    let moved = 0;
    after.ids.forEach((id) => { const p = before2.get(id)!; const q = after2.get(id)!; moved += Math.hypot(q[0] - p[0], q[1] - p[1]); });
    expect(moved / after.ids.length).toBeLessThan(0.2);
    expect(after.iterations).toBeLessThan(before.iterations);
  });

  it('started again on a newer version, starts from the positions kept for the older one', async () => {
    const first = server();
    await ready(first.app);
    await waitFor(() => first.answers.writes, (n) => n >= 1, { what: 'the layout written' });
    await db.write(Q.bumpVersion);
    const again = server();
    const b = await ready(again.app);
    expect(b.version).toBe((await graphIdentity(db)).version);
    // Every actor with a tie (those without are laid out in rows by the page, not seeded).
    expect(again.layouts.last?.seeded).toBe(new Set(ds.relationships.flatMap((r) => [r.source, r.target])).size);
  });

  it('says too-large past the whole-network limit, and lays nothing out', async () => {
    const answers = new KeptAnswers(dir);
    const layouts = new GraphLayouts(db, { answers, limits: { graph: 100, whole: 100 }, log: () => undefined });
    open.push(layouts);
    const b = await layoutOf(createApp(db, { answers, layouts }));
    expect(b.status).toBe('too-large');
    expect(layouts.computed).toBe(0);
  });
});

describe('GraphLayouts.watch', () => {
  it('lays out the current version at start-up, then each new version once it is quiet', async () => {
    const { layouts, app } = server({ quietMs: 0 });
    layouts.watch(50);
    await waitFor(() => layouts.computed, (n) => n === 1, { what: 'the start-up layout' });
    await db.write(Q.bumpVersion);
    const { version } = await graphIdentity(db);
    await waitFor(() => layouts.computed, (n) => n === 2, { what: 'the layout after the write' });
    await layouts.idle();
    expect((await layoutOf(app)).version).toBe(version);
  });

  it('lays out nothing before `after` settles (the warm-up), asked or not, then lays out at once', async () => {
    const { layouts, app } = server();
    let warmedUp!: () => void;
    layouts.watch(50, new Promise<void>((r) => { warmedUp = r; }));
    expect((await layoutOf(app)).status).toBe('computing');
    expect(layouts.computed).toBe(0);
    warmedUp();
    await layouts.idle();
    expect(layouts.computed).toBe(1);
    expect((await layoutOf(app)).status).toBe('ready');
  });
});
