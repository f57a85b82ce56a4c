// GET /api/actors/:id/funding on the seed data and on a fixture with long chains and a chain backwards in time.
import request from 'supertest';
import type { Express } from 'express';
import type { FundingChain, FundingResponse } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let app: Express;

beforeAll(() => {
  db = testDb();
  app = testApp(db);
});
afterAll(async () => { await db.close(); });

const funding = async (id: string, qs = ''): Promise<FundingResponse> => {
  const res = await request(app).get(`/api/actors/${id}/funding?${qs}`);
  expect(res.status).toBe(200);
  return res.body as FundingResponse;
};
/** A chain as "a>b>c" (its actors in money-flow order). */
const route = (c: FundingChain) => [c.hops[0].source, ...c.hops.map((h) => h.target)].join('>');
const totalsOf = (b: FundingResponse) => Object.fromEntries(b.totals.map((t) => [t.actor, { known: t.known, unknownParts: t.unknownParts, complete: t.complete }]));

describe('GET /api/actors/:id/funding on the seed data', () => {
  beforeAll(async () => { await resetToSeed(db); });

  it('finds the money reaching The Camp: the Caisse des Dépôts and the local authorities, with the article\'s amounts', async () => {
    const body = await funding('the-camp', 'direction=upstream');
    expect(totalsOf(body)).toEqual({
      'caisse-des-depots': { known: 11_333_333, unknownParts: 0, complete: true },
      // 19 M€ of repayable advances, plus aid toward the 70 M€ budget whose amount the article does not give.
      'collectivites-the-camp': { known: 19_000_000, unknownParts: 1, complete: false },
    });
    expect(body.chains.map(route).sort()).toEqual(['caisse-des-depots>the-camp', 'collectivites-the-camp>the-camp', 'collectivites-the-camp>the-camp']);
    for (const c of body.chains) for (const h of c.hops) expect(h.evidence.length).toBeGreaterThan(0);
  });

  it('shows the funders of Aix-Marseille French Tech with their amounts, through Medinsoft\'s PILOTS hop', async () => {
    const body = await funding('aix-marseille-french-tech', 'direction=upstream');
    const routes = body.chains.map(route);
    expect(routes).toEqual(expect.arrayContaining([
      'collectivites-partenaires-amft>medinsoft>aix-marseille-french-tech',
      'chambre-de-commerce-et-d-industrie>medinsoft>aix-marseille-french-tech',
      'collectivites-partenaires-amft>aix-marseille-french-tech',
      'communaute-du-pays-d-aix>aix-marseille-french-tech',
      'technopole-de-l-arbois>aix-marseille-french-tech',
    ]));
    const viaMedinsoft = body.chains.find((c) => route(c).startsWith('collectivites-partenaires-amft>medinsoft'));
    expect(viaMedinsoft).toMatchObject({ amount: 200_000, viaPilots: true });
    expect(viaMedinsoft?.hops.map((h) => h.type)).toEqual(['FUNDS', 'PILOTS']);
    expect(totalsOf(body)).toMatchObject({
      'collectivites-partenaires-amft': { known: 200_000, unknownParts: 1, complete: false },
      'chambre-de-commerce-et-d-industrie': { known: 50_000, unknownParts: 0, complete: true },
      'technopole-de-l-arbois': { known: 0, unknownParts: 1, complete: false },
    });
    expect(body.totals.find((t) => t.actor === 'chambre-de-commerce-et-d-industrie')?.statuses).toEqual(['pending']);
  });

  it('returns the flow graph: every actor and tie of the chains', async () => {
    const body = await funding('aix-marseille-french-tech');
    const nodeIds = new Set(body.nodes.map((n) => n.id));
    for (const e of body.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    expect(body.edges.map((e) => e.id)).toContain(body.chains[0].hops[0].id);
  });
});

describe('GET /api/actors/:id/funding on long chains', () => {
  // f0→f1→…→f6→x: seven FUNDS hops dated 2010…2016 (f0's hop is past the deepest walk); b1→b2→x goes
  // backwards (2020 then 2018); u→f6 is undated; z→y→z is a loop that must not be walked round.
  beforeAll(async () => {
    const chain = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'x'];
    await resetTo(db, dataset(
      [...chain, 'b1', 'b2', 'u', 'y', 'z', 'm', 'p'].map((id) => actor(id)),
      [
        ...chain.slice(1).map((t, i) => rel('FUNDS', chain[i], t, { date: String(2010 + i), amount: 1000 * (i + 1) })),
        rel('FUNDS', 'b1', 'b2', { date: '2020', amount: 5 }),
        rel('FUNDS', 'b2', 'x', { date: '2018-06', amount: 7 }),
        rel('FUNDS', 'u', 'f6'),
        rel('FUNDS', 'z', 'x', { date: '2019' }),
        rel('FUNDS', 'y', 'z', { date: '2019-05' }),
        rel('FUNDS', 'z', 'y', { date: '2019-07' }),
        rel('FUNDS', 'x', 'm', { amount: 42, date: '2021' }),
        rel('PILOTS', 'm', 'p'),
      ],
    ));
  });

  it.each([
    [1, ['b2>x', 'f6>x', 'z>x']],
    [2, ['b1>b2>x', 'b2>x', 'f5>f6>x', 'f6>x', 'u>f6>x', 'y>z>x', 'z>x']],
  ])('walks at most %i hops upstream', async (depth, expected) => {
    const body = await funding('x', `maxDepth=${depth}`);
    expect(body.chains.map(route).sort()).toEqual(expected);
  });

  it('follows a chain six hops deep, and no further', async () => {
    const routes = (await funding('x', 'maxDepth=6')).chains.map(route);
    expect(routes).toContain('f1>f2>f3>f4>f5>f6>x');
    expect(routes.some((r) => r.startsWith('f0'))).toBe(false);
  });

  it('never visits an actor twice', async () => {
    for (const c of (await funding('x', 'maxDepth=6')).chains) {
      const actors = route(c).split('>');
      expect(new Set(actors).size).toBe(actors.length);
    }
  });

  it('keeps the amount unknown past one FUNDS hop and counts it as an unknown part', async () => {
    const body = await funding('x', 'maxDepth=2');
    expect(body.chains.find((c) => route(c) === 'f5>f6>x')?.amount).toBeUndefined();
    expect(totalsOf(body)).toMatchObject({ f6: { known: 7000, unknownParts: 0, complete: true }, f5: { known: 0, unknownParts: 1, complete: false } });
  });

  it('drops the chain going backwards in time with respectDates, keeping and flagging the undated one', async () => {
    const all = await funding('x', 'maxDepth=3');
    expect(all.chains.find((c) => route(c) === 'b1>b2>x')?.datesInOrder).toBe(false);
    const dated = await funding('x', 'maxDepth=3&respectDates=true');
    const routes = dated.chains.map(route);
    expect(routes).not.toContain('b1>b2>x');
    expect(routes).toEqual(expect.arrayContaining(['b2>x', 'f4>f5>f6>x', 'u>f6>x', 'y>z>x']));
    expect(dated.droppedByDates).toBe(1);
    expect(dated.chains.find((c) => route(c) === 'u>f6>x')?.undatedHops).toEqual(['FUNDS:u:f6']);
  });

  it('follows the money downstream, through the PILOTS hop of the funded structure', async () => {
    const body = await funding('f5', 'direction=downstream&maxDepth=4');
    expect(body.chains.map(route).sort()).toEqual(['f5>f6', 'f5>f6>x', 'f5>f6>x>m', 'f5>f6>x>m>p']);
    expect(totalsOf(body)).toMatchObject({ f6: { known: 6000, complete: true }, x: { known: 0, unknownParts: 1 } });
  });

  it.each([
    ['direction=sideways', 'query.direction'],
    ['maxDepth=0', 'query.maxDepth'],
    ['maxDepth=7', 'query.maxDepth'],
    ['respectDates=yes', 'query.respectDates'],
  ])('returns 400 and the bad field when %s', async (qs, field) => {
    const res = await request(app).get(`/api/actors/x/funding?${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([field]);
  });

  it('returns 400 naming the id when it is not a slug, 404 when no actor has it', async () => {
    const bad = await request(app).get('/api/actors/Not%20A%20Slug/funding');
    expect(bad.body.error.details.issues[0].field).toBe('params.id');
    const missing = await request(app).get('/api/actors/nobody/funding');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError', details: { actor: 'nobody' } });
  });
});
