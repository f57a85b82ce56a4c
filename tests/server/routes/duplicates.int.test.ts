// GET /api/duplicates on the seeds and on fixtures; judgements stored, "different" never proposed again.
import request from 'supertest';
import { DuplicatesResponse } from '../../../model/schema';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { Q } from '../../../server/queries';
import { resetTo, resetToSeed, testDb, wipe } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { waitFor } from '../../support/wait';

let db: Db;
beforeAll(() => { db = testDb(); });
afterAll(async () => { await wipe(db); await db.close(); });

/** An app whose GET /api/duplicates waits for the candidates (they are computed in the background). */
const app = () => createApp(db, { duplicates: { waitMs: 60_000 } });

type Pair = { a: { id: string }; b: { id: string }; score: number; reasons: { code: string; text: string }[]; judgement?: { verdict: string; by: string } };
const ids = (body: { candidates: Pair[] }) => body.candidates.map((c) => `${c.a.id}+${c.b.id}`);

describe('GET /api/duplicates on the seed data', () => {
  beforeAll(async () => { await resetToSeed(db); });

  it('proposes the unspecified chamber of commerce and the Nice one, with why', async () => {
    const res = await request(app()).get('/api/duplicates');
    expect(res.status).toBe(200);
    const cci = (res.body.candidates as Pair[]).find((c) => c.a.id === 'cci-nice-cote-d-azur' && c.b.id === 'chambre-de-commerce-et-d-industrie');
    expect(cci).toBeDefined();
    expect(cci!.reasons[0]).toMatchObject({ code: 'contained' });
    expect(cci!.reasons[0].text).toContain('Chambre de commerce et d’industrie');
  });

  it('leaves out pairs that are tied to each other (Aix-Marseille French Tech pilots its steering committees)', async () => {
    const res = await request(app()).get('/api/duplicates');
    expect(ids(res.body)).not.toContain('aix-marseille-french-tech+comites-de-pilotage-amft');
    const all = await request(app()).get('/api/duplicates?minScore=0');
    const linked = (all.body.candidates as Pair[]).find((c) => c.a.id === 'aix-marseille-french-tech' && c.b.id === 'comites-de-pilotage-amft');
    expect(linked?.reasons.map((r) => r.code)).toContain('linked');
  });
});

describe('judging pairs', () => {
  beforeEach(async () => {
    await resetTo(db, dataset([
      actor('medinsoft', 'association', { name: 'Medinsoft' }),
      actor('medinsoft-asso', 'association', { name: 'Association Medinsoft' }),
      actor('amft', 'programme', { name: 'AMFT' }),
      actor('aix-marseille-french-tech', 'programme', { name: 'Aix-Marseille French Tech' }),
      actor('launchmetrics', 'company', { name: 'Launchmetrics' }),
      actor('launchmetric', 'company', { name: 'Launchmetric' }),
      actor('other', 'company', { name: 'Autre chose' }),
    ], [rel('FUNDS', 'other', 'medinsoft')]));
  });

  it('lists candidates best first, each with a score and reasons', async () => {
    const res = await request(app()).get('/api/duplicates');
    expect(ids(res.body)).toEqual(['medinsoft+medinsoft-asso', 'aix-marseille-french-tech+amft', 'launchmetric+launchmetrics']);
    const scores = (res.body.candidates as Pair[]).map((c) => c.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(res.body.total).toBe(3);
  });

  it('never proposes a pair judged "different" again, and lists it under status=different', async () => {
    const app = createApp(db, { duplicates: { waitMs: 60_000 } });
    const j = await request(app).post('/api/duplicates/judgements').send({ a: 'launchmetrics', b: 'launchmetric', verdict: 'different', note: 'deux sociétés' });
    expect(j.status).toBe(200);
    expect(j.body.judgement).toMatchObject({ a: 'launchmetric', b: 'launchmetrics', verdict: 'different', by: 'local', note: 'deux sociétés' });
    expect(ids((await request(app).get('/api/duplicates')).body)).not.toContain('launchmetric+launchmetrics');
    expect(ids((await request(app).get('/api/duplicates?status=different')).body)).toEqual(['launchmetric+launchmetrics']);
  });

  it('keeps "unsure" pairs open with their judgement, and moves "same" pairs to status=same', async () => {
    const app = createApp(db, { duplicates: { waitMs: 60_000 } });
    await request(app).post('/api/duplicates/judgements').send({ a: 'amft', b: 'aix-marseille-french-tech', verdict: 'unsure' }).expect(200);
    await request(app).post('/api/duplicates/judgements').send({ a: 'medinsoft', b: 'medinsoft-asso', verdict: 'same' }).expect(200);
    const open = (await request(app).get('/api/duplicates')).body;
    expect(ids(open)).toEqual(['aix-marseille-french-tech+amft', 'launchmetric+launchmetrics']);
    expect(open.candidates[0].judgement).toMatchObject({ verdict: 'unsure', by: 'local' });
    expect(ids((await request(app).get('/api/duplicates?status=same')).body)).toEqual(['medinsoft+medinsoft-asso']);
  });

  it('filters by actor, and answers 404 for an unknown one', async () => {
    const app = createApp(db, { duplicates: { waitMs: 60_000 } });
    expect(ids((await request(app).get('/api/duplicates?actor=amft')).body)).toEqual(['aix-marseille-french-tech+amft']);
    // An actor no candidate names exists all the same: no pair, not a 404.
    expect(await request(app).get('/api/duplicates?actor=other')).toMatchObject({ status: 200, body: { candidates: [], total: 0 } });
    const res = await request(app).get('/api/duplicates?actor=nobody');
    expect(res.status).toBe(404);
  });

  it('refuses a bad status (400 naming query.status) and a judgement on an unknown actor (404)', async () => {
    const app = createApp(db, { duplicates: { waitMs: 60_000 } });
    const bad = await request(app).get('/api/duplicates?status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.status');
    const unknown = await request(app).post('/api/duplicates/judgements').send({ a: 'amft', b: 'ghost', verdict: 'same' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual({ actor: 'ghost' });
  });

  it('refuses judgements from an exposed server\'s anonymous reader (401)', async () => {
    const res = await request(createApp(db, { auth: { host: '0.0.0.0' } })).post('/api/duplicates/judgements').send({ a: 'amft', b: 'aix-marseille-french-tech', verdict: 'same' });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/duplicates while candidates are computed', () => {
  beforeAll(async () => { await resetToSeed(db); });

  const release = (hold: Int32Array) => {
    Atomics.store(hold, 1, 1);
    Atomics.notify(hold, 1);
  };
  const held = (hold: Int32Array) => waitFor(() => Atomics.load(hold, 0), (x) => x === 1, { what: 'the computation holding its thread' });

  it('says "computing" with no candidates, answers other requests meanwhile, then gives them "fresh"', async () => {
    // The computation blocks its thread on `hold` after reading the actors, as scoring 100k actors would
    // (~18 s); computed on the event loop, it would block the server: nothing below could answer before it ends.
    const hold = new Int32Array(new SharedArrayBuffer(8));
    const app = createApp(db, { duplicates: { hold, waitMs: 0 } });
    try {
      const first = DuplicatesResponse.parse((await request(app).get('/api/duplicates').expect(200)).body);
      expect(first).toMatchObject({ status: 'computing', version: null, computedAt: null, durationMs: null, candidates: [], total: 0 });
      await held(hold);
      const search = await request(app).get('/api/actors?q=medinsoft');
      expect(search.status).toBe(200);
      expect(JSON.stringify(search.body)).toContain('medinsoft');
      expect((await request(app).get('/api/health')).status).toBe(200);
      const meanwhile = await request(app).get('/api/duplicates');
      expect(meanwhile.body.status).toBe('computing');
      // Answered while the computation still held its thread (on the event loop they could only come after).
      expect(Atomics.load(hold, 0)).toBe(1);
    } finally {
      release(hold);
    }
    const done = DuplicatesResponse.parse((await waitFor(() => request(app).get('/api/duplicates'), (r) => r.body.status === 'fresh')).body);
    expect(done.version).toBe(done.graphVersion);
    expect(done.durationMs).toBeGreaterThan(0);
    expect(done.candidates.some((c) => c.a.id === 'cci-nice-cote-d-azur' && c.b.id === 'chambre-de-commerce-et-d-industrie')).toBe(true);
  });

  it('serves the previous version\'s candidates as "stale" while the new version\'s compute', async () => {
    const hold = new Int32Array(new SharedArrayBuffer(8));
    release(hold);
    const app = createApp(db, { duplicates: { hold, waitMs: 0 } });
    const before = DuplicatesResponse.parse((await waitFor(() => request(app).get('/api/duplicates'), (r) => r.body.status === 'fresh')).body);
    Atomics.store(hold, 1, 0);
    Atomics.store(hold, 0, 0);
    const [{ version }] = await db.write(Q.bumpVersion);
    try {
      const stale = DuplicatesResponse.parse((await request(app).get('/api/duplicates').expect(200)).body);
      expect(stale).toMatchObject({ status: 'stale', version: before.version, graphVersion: version, total: before.total });
      await held(hold);
    } finally {
      release(hold);
    }
    const after = DuplicatesResponse.parse((await waitFor(() => request(app).get('/api/duplicates'), (r) => r.body.status === 'fresh')).body);
    expect([after.version, after.total]).toEqual([version, before.total]);
  });
});
