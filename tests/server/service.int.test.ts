// The service's statuses when the database is away, busy or refuses, against the real test Neo4j.
import request from 'supertest';
import { createApp } from '../../server/app';
import { DEFAULT_CYPHER_CONFIG, type DbConfig } from '../../server/config';
import { connect, type Db } from '../../server/db';
import { fromDriverError } from '../../server/errors';
import { resetTo, testDb } from '../support/db';
import { actor, dataset, rel } from '../support/fixtures';
import { waitFor } from '../support/wait';

let db: Db;
const others: Db[] = [];
const extraDb = (opts: Partial<DbConfig>) => {
  const d = connect({ uri: process.env.TEST_NEO4J_URI!, ...opts });
  others.push(d);
  return d;
};

/** A query that keeps Neo4j busy for seconds (no plugin needed); the marker finds it in SHOW TRANSACTIONS. */
const SLOW = (marker: string) => `UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n, '${marker}' AS marker`;

/** Resolves once Neo4j runs a query holding `marker` (not its EXPLAIN): a condition, not a sleep. */
async function running(marker: string): Promise<void> {
  await waitFor(async () => {
    const rows = await db.read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $m AND NOT currentQuery STARTS WITH "EXPLAIN" AND NOT currentQuery CONTAINS "SHOW TRANSACTIONS" RETURN count(*) AS n', { m: marker });
    return rows[0].n as number;
  }, (n) => n > 0, { what: `query ${marker} running` });
}

async function terminate(marker: string): Promise<void> {
  await db.read('SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $m AND NOT currentQuery CONTAINS "SHOW TRANSACTIONS" RETURN collect(transactionId) AS ids', { m: marker })
    .then(async ([r]) => { if ((r.ids as string[]).length) await db.read('TERMINATE TRANSACTIONS $ids', { ids: r.ids }); });
}

beforeAll(async () => {
  db = testDb();
  await resetTo(db, dataset([actor('a'), actor('b')], [rel('FUNDS', 'a', 'b')]));
});
afterAll(async () => {
  await Promise.all(others.map((d) => d.close()));
  await db.close();
});

describe('when the database is not reachable', () => {
  it.each([['/api/actors?q=a'], ['/api/actors/a'], ['/api/graph'], ['/api/health'], ['/api/paths?from=a&to=b']])(
    'GET %s answers 503 with Retry-After, not 500', async (url) => {
      const down = extraDb({ uri: 'bolt://127.0.0.1:1' });
      const res = await request(createApp(down)).get(url);
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

  it('answers the console with 503 DatabaseUnavailable', async () => {
    const down = extraDb({ uri: 'bolt://127.0.0.1:1' });
    const res = await request(createApp(down)).post('/api/cypher').send({ query: 'RETURN 1' });
    expect(res.status).toBe(503);
    expect(res.body.error.name).toBe('DatabaseUnavailable');
  });
});

describe('when every pooled connection is busy', () => {
  it('answers 503 (pool exhausted) with Retry-After once the acquisition timeout passes, not 500', async () => {
    const one = extraDb({ poolSize: 1, acquisitionTimeoutMs: 300 });
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let holding!: () => void;
    const isHolding = new Promise<void>((r) => { holding = r; });
    // The only connection stays in an open transaction until the request has been answered.
    const tx = one.transaction(async (t) => {
      await t.run('RETURN 1');
      holding();
      await held;
    });
    await isHolding;
    const res = await request(createApp(one)).get('/api/actors/a');
    release();
    await tx;
    expect(res.status).toBe(503);
    expect(res.body.error.details).toEqual({ reason: 'pool-exhausted' });
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('timeouts on the routes\' own queries', () => {
  it('stops a read past MAILLAGE_QUERY_TIMEOUT_MS on the server, and maps it to 422 QueryTimeout', async () => {
    const quick = extraDb({ queryTimeoutMs: 300 });
    const err = await quick.read(SLOW('route-timeout')).then(() => undefined, (e: unknown) => e);
    expect(fromDriverError(err)).toMatchObject({ name: 'QueryTimeout', status: 422 });
  });
});

describe('console concurrency cap', () => {
  it('runs one query, queues none, and answers the next with 503 ServerBusy and Retry-After', async () => {
    const app = createApp(db, { cypher: { ...DEFAULT_CYPHER_CONFIG, timeoutMs: 60_000, concurrency: 1, queue: 0 } });
    const first = request(app).post('/api/cypher').send({ query: SLOW('gate-first') }).then((r) => r);
    await running('gate-first');
    const second = await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' });
    expect(second.status).toBe(503);
    expect(second.body.error.name).toBe('ServerBusy');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    await terminate('gate-first');
    // Terminated on the server: the database stopped it, so the client may retry (503), never a 500.
    expect((await first).status).toBe(503);
    // The slot is free again.
    expect((await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' })).status).toBe(200);
  });

  it('lets a queued query run once the running one ends', async () => {
    const app = createApp(db, { cypher: { ...DEFAULT_CYPHER_CONFIG, timeoutMs: 60_000, concurrency: 1, queue: 1 } });
    const first = request(app).post('/api/cypher').send({ query: SLOW('gate-queue') }).then((r) => r);
    await running('gate-queue');
    const queued = request(app).post('/api/cypher').send({ query: 'RETURN 2 AS two' }).then((r) => r);
    await terminate('gate-queue');
    await first;
    const res = await queued;
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ two: 2 }]);
  });
});

describe('results nested too deeply', () => {
  it('answers 422 ResultTooDeep, not a stack overflow', async () => {
    const res = await request(createApp(db)).post('/api/cypher').send({ query: 'RETURN reduce(a = [], i IN range(1, 1000) | [a]) AS deep' });
    expect(res.status).toBe(422);
    expect(res.body.error.name).toBe('ResultTooDeep');
  });

  it('answers 422 QueryTimeout when Neo4j overflows writing the result and never answers, and the console still works after', async () => {
    const app = createApp(db, { cypher: { ...DEFAULT_CYPHER_CONFIG, timeoutMs: 1000 } });
    const res = await request(app).post('/api/cypher').send({ query: 'RETURN reduce(a = [], i IN range(1, 20000) | [a]) AS deep' });
    expect(res.status).toBe(422);
    expect(res.body.error.name).toBe('QueryTimeout');
    expect((await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' })).body.rows).toEqual([{ one: 1 }]);
  });
});
