// Integration tests for /api/cypher against the real Neo4j: every attack is refused and changes nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../server/app';
import { DEFAULT_CYPHER_CONFIG, DEFAULT_RATE_CONFIG, type CypherConfig } from '../../../server/config';
import { checkPlan } from '../../../server/cypher/guard';
import type { Db } from '../../../server/db';
import { AppError } from '../../../server/errors';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { waitFor } from '../../support/wait';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

let db: Db;
let app: Express;

// One app serves this file's hundred-odd queries: its console rate limit is off (limits are tested in
// tests/server/middleware/security.test.ts).
const appWith = (cfg: Partial<CypherConfig>) =>
  createApp(db, { cypher: { ...DEFAULT_CYPHER_CONFIG, ...cfg }, service: { rate: { ...DEFAULT_RATE_CONFIG, console: 0 } } });

const small = dataset(
  [actor('a', 'public_body', { name: 'Région Sud' }), actor('b', 'association'), actor('c', 'company')],
  [rel('FUNDS', 'a', 'b', { amount: 150000, date: '2015-03' }), rel('PILOTS', 'b', 'c', { role: 'incubateur' })],
);

async function counts(): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read('MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
  return row as { nodes: number; rels: number };
}

const post = (a: Express, query: string, params?: unknown) => request(a).post('/api/cypher').send({ query, params });

beforeAll(async () => {
  db = testDb();
  app = appWith({ adminToken: ADMIN_TOKEN });
  await resetTo(db, small);
});
afterAll(async () => { await db.close(); });

describe('POST /api/cypher (attacks without the admin token)', () => {
  it.each([
    ['CREATE (n:Actor {id: "evil", name: "Evil", kind: "company"})', 'WriteNotAllowed'],
    ['MERGE (n:Actor {id: "evil"})', 'WriteNotAllowed'],
    ['MATCH (n:Actor) SET n.name = "pwned"', 'WriteNotAllowed'],
    ['MATCH ()-[r]->() DELETE r', 'WriteNotAllowed'],
    ['MATCH (n) DETACH DELETE n', 'WriteNotAllowed'],
    ['MATCH (n:Actor) REMOVE n.name', 'WriteNotAllowed'],
    ['MATCH (n:Actor) WITH n LIMIT 1 SET n.name = "x" RETURN n', 'WriteNotAllowed'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.flag = x)', 'WriteNotAllowed'],
    ['MATCH (n) RETURN n // harmless\nCREATE (m)', 'WriteNotAllowed'],
    ['MATCH (`CREATE`) /* SET */ DETACH /* x */ DELETE `CREATE`', 'WriteNotAllowed'],
    ['CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS', 'WriteNotAllowed'],
    ['MATCH (n) CALL { WITH n RETURN n.id AS id } IN TRANSACTIONS RETURN id', 'QueryRejected'],
    ['CREATE INDEX evil FOR (n:Actor) ON (n.name)', 'QueryRejected'],
    ['CREATE CONSTRAINT evil FOR (n:Actor) REQUIRE n.name IS UNIQUE', 'QueryRejected'],
    ['DROP CONSTRAINT actor_id', 'QueryRejected'],
    ['CREATE DATABASE evil', 'QueryRejected'],
    ['SHOW TRANSACTIONS', 'QueryRejected'],
    ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'QueryRejected'],
    ['USE system MATCH (n) RETURN n', 'QueryRejected'],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'QueryRejected'],
    ['C\\u0052EATE (n:Actor {id: "evil"})', 'QueryRejected'],
    ["RETURN 'x\\u0027 AS a CREATE (n:Evil) //' AS z", 'QueryRejected'],
    ['CALL dbms.listConfig()', 'ProcedureNotAllowed'],
    ['CALL dbms.components()', 'ProcedureNotAllowed'],
    ['CALL db.createLabel("Evil")', 'ProcedureNotAllowed'],
    ['CALL db.clearQueryCaches()', 'ProcedureNotAllowed'],
    ['LOAD CSV FROM "file:///etc/passwd" AS line RETURN line', 'LoadCsvNotAllowed'],
  ])('refuses %s with %s and changes nothing', async (query, name) => {
    const before = await counts();
    const res = await post(app, query);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.name).toBe(name);
    expect(await counts()).toEqual(before);
  });

  it('sends no request to a URL named in LOAD CSV', async () => {
    let hits = 0;
    const listener = http.createServer((_req, res) => { hits++; res.end('a,b\n1,2\n'); });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    try {
      const queries = [
        `LOAD CSV FROM 'http://127.0.0.1:${port}/' AS line RETURN line`,
        `LOAD CSV WITH HEADERS FROM "http://127.0.0.1:${port}/x.csv" AS row RETURN row`,
        `MATCH (n) WITH n LIMIT 1 LOAD /* hidden */ CSV FROM 'http://127.0.0.1:${port}/' AS line RETURN line`,
      ];
      for (const q of queries) {
        const res = await post(app, q);
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('LoadCsvNotAllowed');
      }
      // Proof the listener would have seen a request: fetch it once ourselves at the end.
      await fetch(`http://127.0.0.1:${port}/probe`);
      expect(hits).toBe(1);
    } finally {
      listener.close();
    }
  });

  it('refuses a write without the token, with a wrong token and with a malformed header', async () => {
    const q = 'CREATE (n:ConsoleProbe {id: "x"}) RETURN n';
    for (const auth of [undefined, 'Bearer wrong-token-0123456789xx', `Bearer ${ADMIN_TOKEN}x`, ADMIN_TOKEN, `Basic ${ADMIN_TOKEN}`]) {
      const req = request(app).post('/api/cypher');
      if (auth) req.set('Authorization', auth);
      const res = await req.send({ query: q });
      expect([res.status, res.body.error?.name]).toEqual([403, 'WriteNotAllowed']);
    }
    expect(await db.read('MATCH (n:ConsoleProbe) RETURN n')).toHaveLength(0);
  });

  it('refuses every write when the server has no admin token, even with a bearer header', async () => {
    const res = await request(appWith({})).post('/api/cypher').set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ query: 'CREATE (n:ConsoleProbe) RETURN n' });
    expect([res.status, res.body.error.name]).toEqual([403, 'WriteNotAllowed']);
    expect(await db.read('MATCH (n:ConsoleProbe) RETURN n')).toHaveLength(0);
  });
});

describe('POST /api/cypher (admin token)', () => {
  it('runs a write and reports it as rows', async () => {
    const res = await request(app).post('/api/cypher').set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ query: 'CREATE (n:ConsoleProbe {id: $id}) RETURN n.id AS id', params: { id: 'p1' } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ id: 'p1' }]);
    expect(await db.read('MATCH (n:ConsoleProbe) RETURN n.id AS id')).toEqual([{ id: 'p1' }]);
    await db.write('MATCH (n:ConsoleProbe) DELETE n');
  });

  it('records a write as a change set of kind console, by "token", in the history, and refuses to revert it', async () => {
    const res = await request(app).post('/api/cypher').set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ query: 'CREATE (n:ConsoleProbe {id: $id}) RETURN n.id AS id', params: { id: 'p2' } });
    expect(res.body.changeSet).toMatch(/^cs-/);
    const h = (await request(app).get('/api/changes?kind=console')).body.changeSets;
    expect(h[0]).toMatchObject({ id: res.body.changeSet, kind: 'console', author: 'token', state: 'committed', summary: { query: 'CREATE (n:ConsoleProbe {id: $id}) RETURN n.id AS id' } });
    const revert = await request(app).post(`/api/changes/${res.body.changeSet}/revert`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(revert.status).toBe(409);
    expect(revert.body.error.details.reason).toBe('not-undoable');
    const read = await request(app).post('/api/cypher').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ query: 'MATCH (n:ConsoleProbe) RETURN count(n) AS n' });
    expect(read.body.changeSet).toBeUndefined();
    await db.write('MATCH (n:ConsoleProbe) DELETE n');
  });

  it.each([
    ['LOAD CSV FROM "file:///etc/passwd" AS l CREATE (:ConsoleProbe {line: l})', 'LoadCsvNotAllowed'],
    ['CALL dbms.listConfig()', 'ProcedureNotAllowed'],
    ['CREATE INDEX evil FOR (n:Actor) ON (n.name)', 'QueryRejected'],
    ['CALL { CREATE (:ConsoleProbe) } IN TRANSACTIONS', 'QueryRejected'],
  ])('still refuses %s with %s', async (query, name) => {
    const before = await counts();
    const res = await request(app).post('/api/cypher').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ query });
    expect(res.body.error.name).toBe(name);
    expect(await counts()).toEqual(before);
  });
});

describe('the walls behind the text check', () => {
  it('EXPLAIN types a write the text check cannot read (\\u escapes) as a write', async () => {
    const plan = await db.explain('C\\u0052EATE (n:Evil)', {}, 5000);
    expect(plan.queryType).toBe('w');
    expect(() => checkPlan(plan, { allowWrites: false })).toThrow(AppError);
  });

  it('EXPLAIN shows a LOAD CSV spelled with escapes as a LoadCSV operator', async () => {
    const plan = await db.explain('LOAD C\\u0053V FROM "file:///etc/passwd" AS l RETURN l', {}, 5000);
    expect(plan.operators.map((o) => o.type.replace(/@.*/, ''))).toContain('LoadCSV');
  });

  it('the read session refuses a write that reaches it', async () => {
    const before = await counts();
    await expect(db.runConsole('CREATE (n:Evil)', {}, { timeoutMs: 5000, maxRows: 10, maxBytes: 10000, write: false }))
      .rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    expect(await counts()).toEqual(before);
  });

  it('the local Neo4j itself refuses file URLs in LOAD CSV', async () => {
    await expect(db.read('LOAD CSV FROM "file:///etc/passwd" AS l RETURN l LIMIT 1')).rejects.toMatchObject({
      code: expect.stringMatching(/^Neo\.ClientError\./),
    });
  });
});

describe('POST /api/cypher (limits)', () => {
  it('stops a query that would run forever with QueryTimeout and leaves no transaction running', async () => {
    const marker = `timeout-probe-${Date.now()}`;
    const res = await post(appWith({ timeoutMs: 1000 }), `// ${marker}\nUNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN count(*)`);
    expect([res.status, res.body.error.name]).toEqual([422, 'QueryTimeout']);
    const running = await waitFor(async () => {
      const rows = await db.read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS "SHOW TRANSACTIONS" RETURN count(*) AS n', { marker });
      return rows[0].n as number;
    }, (n) => n === 0, { timeoutMs: 5_000, what: 'the timed-out query gone' }).catch(() => -1);
    expect(running).toBe(0);
  });

  it('answers 422 QueryTooLarge to a query past the per-transaction memory limit, and the server answers on', async () => {
    // 60M strings collected need far more than one transaction may use (neo4j/memory.ts: a quarter of the
    // heap). The timeout is long so that the memory limit, not the clock, is what stops it on a loaded machine.
    const consoleApp = appWith({ timeoutMs: 300_000 });
    // .then sends the request now (supertest waits for it otherwise), so the light query runs beside it.
    const heavy = post(consoleApp, 'UNWIND range(1, 60000000) AS x RETURN size(collect(toString(x))) AS n').then((r) => r);
    const light = await post(consoleApp, 'MATCH (a:Actor) RETURN count(a) AS n');
    expect([light.status, light.body.rows]).toEqual([200, [{ n: 3 }]]);
    const res = await heavy;
    expect([res.status, res.body.error.name]).toEqual([422, 'QueryTooLarge']);
    expect(res.body.error.message).toMatch(/memory/);
    const health = await request(consoleApp).get('/api/health');
    expect(health.status).toBe(200);
  });

  it('stops at the row cap and says so', async () => {
    const res = await post(appWith({ maxRows: 5 }), 'UNWIND range(1, 100000) AS x RETURN x');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([1, 2, 3, 4, 5].map((x) => ({ x })));
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: 'rows' });
  });

  it('does not report truncation when the rows fit exactly', async () => {
    const res = await post(appWith({ maxRows: 5 }), 'UNWIND range(1, 5) AS x RETURN x');
    expect(res.body.rows).toHaveLength(5);
    expect(res.body.truncated).toBe(false);
  });

  it('stops at the size cap and says so', async () => {
    const res = await post(appWith({ maxBytes: 2000 }), 'UNWIND range(1, 1000) AS x RETURN x, "' + 'p'.repeat(100) + '" AS pad');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: 'bytes' });
    expect(JSON.stringify(res.body.rows).length).toBeLessThanOrEqual(2000);
    expect(res.body.rows.length).toBeGreaterThan(0);
  });
});

describe('POST /api/cypher (answers)', () => {
  it('returns columns, rows and elapsed time, with parameters (whole numbers as integers)', async () => {
    const res = await post(app, 'UNWIND range(1, $n) AS x RETURN x * $k AS y, $name AS name', { n: 3, k: 2, name: 'ok' });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['y', 'name']);
    expect(res.body.rows).toEqual([{ y: 2, name: 'ok' }, { y: 4, name: 'ok' }, { y: 6, name: 'ok' }]);
    expect(res.body.truncated).toBe(false);
    expect(typeof res.body.elapsedMs).toBe('number');
  });

  it.each([
    ['MATCH (n)\nRETURN n,,', { line: 2, column: 10, offset: 19 }],
    ['RETURN 1,,', { line: 1, column: 10, offset: 9 }],
  ])('returns 400 CypherSyntaxError with the position in %j', async (query, position) => {
    const res = await post(app, query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('CypherSyntaxError');
    expect(res.body.error.details).toEqual(position);
  });

  it('returns 400 CypherError for a missing parameter', async () => {
    const res = await post(app, 'RETURN $nope AS x');
    expect([res.status, res.body.error.name]).toEqual([400, 'CypherError']);
  });

  it('draws the actors and ties of a path, with their evidence', async () => {
    const res = await post(app, "MATCH p = (:Actor {id: 'a'})-[:FUNDS]->()-[:PILOTS]->() RETURN p");
    expect(res.status).toBe(200);
    expect(res.body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['a', 'b', 'c']);
    const funds = res.body.graph.edges.find((e: { type: string }) => e.type === 'FUNDS');
    expect(funds).toMatchObject({ source: 'a', target: 'b', amount: 150000, date: '2015-03' });
    expect(funds.evidence).toEqual([{ source: 'fixture', excerpt: 'a FUNDS b' }]);
  });

  it('fetches the ends of relationships returned alone', async () => {
    const res = await post(app, 'MATCH ()-[r:PILOTS]->() RETURN r');
    expect(res.body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['b', 'c']);
    expect(res.body.graph.edges).toEqual([expect.objectContaining({ type: 'PILOTS', source: 'b', target: 'c', role: 'incubateur' })]);
  });

  it('finds nodes nested in lists and maps', async () => {
    const res = await post(app, "MATCH (a:Actor) WITH collect(a) AS xs RETURN {actors: xs, n: size(xs)} AS m");
    expect(res.body.graph.nodes).toHaveLength(3);
    expect(res.body.rows[0].m.n).toBe(3);
  });

  it('keeps Source nodes and look-alike maps in the table only', async () => {
    const res = await post(app, "MATCH (s:Source) RETURN s, {`$kind`: 'node', elementId: 'x', labels: ['Actor'], properties: {id: 'fake'}} AS fake");
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0].s).toMatchObject({ $kind: 'node', labels: ['Source'] });
    expect(res.body.graph).toEqual({ nodes: [], edges: [] });
  });

  it('runs an allow-listed procedure', async () => {
    const res = await post(app, 'CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(res.body.rows.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['Actor', 'Source']));
  });

  it.each([
    [{}, 'body.query'],
    [{ query: '   ' }, 'body.query'],
    [{ query: 'RETURN 1', params: [1] }, 'body.params'],
    [{ query: 'RETURN 1', params: 'x' }, 'body.params'],
    [{ query: 'x'.repeat(20_001) }, 'body.query'],
    [{ query: 42 }, 'body.query'],
  ])('returns 400 ValidationError naming the bad field for %j', async (body, field) => {
    const res = await request(app).post('/api/cypher').send(body);
    expect([res.status, res.body.error.name]).toEqual([400, 'ValidationError']);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });
});

describe('GET /api/cypher/examples', () => {
  beforeAll(async () => { await resetToSeed(db); });

  it('lists at least ten ready-made questions, each with a title, a description and a query', async () => {
    const res = await request(app).get('/api/cypher/examples');
    expect(res.status).toBe(200);
    expect(res.body.examples.length).toBeGreaterThanOrEqual(10);
    for (const e of res.body.examples) {
      expect(e.title).not.toBe(e.id);
      expect(e.description.length).toBeGreaterThan(0);
      expect(e.query.length).toBeGreaterThan(0);
    }
  });

  it('runs every ready-made question on the seed data and gets rows back', async () => {
    const { body } = await request(app).get('/api/cypher/examples');
    const empty: string[] = [];
    const failed: unknown[] = [];
    for (const e of body.examples as { id: string; query: string; params?: object }[]) {
      const res = await post(app, e.query, e.params);
      if (res.status !== 200) failed.push([e.id, res.body.error]);
      else if (!res.body.rows.length) empty.push(e.id);
    }
    expect(failed).toEqual([]);
    expect(empty).toEqual([]);
  });
});
