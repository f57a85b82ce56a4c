// What the API answers is what its description says: every GET route with a JSON answer is called on the
// seed graph and its body validated against the response schema of /api/openapi.json (JSON Schema 2020-12,
// by ajv, an independent validator — unknown properties are errors, as they are for clients generated from
// the document). Catches a route whose answer grew while its schema did not, before a fuzzer or a client does.
import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db';
import { ROUTES, openApiPath } from '../../server/openapi';
import { resetToSeed, testDb } from '../support/db';
import { waitFor } from '../support/wait';

let db: Db;
let app: ReturnType<typeof createApp>;
let doc: Record<string, unknown>;
let ajv: Ajv2020;
let actorId: string;
let otherId: string;
let relationshipId: string;

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
  app = createApp(db);
  doc = (await request(app).get('/api/openapi.json')).body;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc, 'api');
  const graph = (await request(app).get('/api/graph')).body as { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };
  relationshipId = graph.edges[0].id;
  actorId = graph.edges[0].source;
  otherId = graph.edges[0].target;
});
afterAll(async () => {
  await db.close();
});

/** Checks `body` against the schema the document gives for this operation and status. */
function conforms(path: string, method: string, status: number, body: unknown): string[] {
  const pointer = `api#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer);
  if (!validate) return [`no JSON schema for ${method.toUpperCase()} ${path} ${status}`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Query strings for routes that need some, and ids for path parameters. */
const QUERY: Record<string, string> = {
  '/api/paths': `from=${'{actor}'}&to=${'{other}'}`,
  '/api/actors': 'q=tech',
};
/** GET routes answering JSON, with no path parameter or one the seed graph gives (an actor, a tie). */
const gets = ROUTES.filter((r) => r.method === 'get' && r.ok.json && (!r.path.includes(':') || /^\/api\/(actors|relationships)\/:id/.test(r.path)));

describe('GET answers match /api/openapi.json', () => {
  it.each(gets.map((r) => [r.path]))('%s', async (route) => {
    const url = route.replace('/api/actors/:id', `/api/actors/${actorId}`).replace('/api/relationships/:id', `/api/relationships/${relationshipId}`);
    const query = (QUERY[route] ?? '').replace('{actor}', actorId).replace('{other}', otherId);
    const res = await request(app).get(query ? `${url}?${query}` : url);
    expect(res.status).toBe(200);
    expect(conforms(openApiPath(route), 'get', 200, res.body)).toEqual([]);
  });

  it('/api/metrics once its figures are computed, not only while they compute', async () => {
    const fresh = await waitFor(() => request(app).get('/api/metrics'), (res) => res.body.status === 'fresh', { what: 'fresh metrics', timeoutMs: 120_000 });
    expect(fresh.body.metrics.length).toBeGreaterThan(0);
    expect(conforms('/api/metrics', 'get', 200, fresh.body)).toEqual([]);
  });

  it('errors are ApiError bodies as described (400 and 404)', async () => {
    const bad = await request(app).get('/api/paths?from=x');
    expect(bad.status).toBe(400);
    expect(conforms('/api/paths', 'get', 400, bad.body)).toEqual([]);
    const missing = await request(app).get('/api/actors/nobody-here');
    expect(missing.status).toBe(404);
    expect(conforms('/api/actors/{id}', 'get', 404, missing.body)).toEqual([]);
  });
});
