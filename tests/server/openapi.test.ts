// The API description: every Express route is in server/openapi.ts (and nothing else is), and the document is served.
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { connect, type Db } from '../../server/db';
import { ROUTES, openApiDocument, openApiPath } from '../../server/openapi';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "METHOD /path" for every route the app serves under /api, walking mounted routers (Express 5 / router 2). */
function expressRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') continue; // the client's regex fallback, outside /api
        for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.filter((r) => r.split(' ')[1].startsWith('/api/')).sort();
}

let db: Db;
beforeAll(() => { db = connect({ uri: 'bolt://127.0.0.1:1' }); });
afterAll(async () => { await db.close(); });

describe('server/openapi.ts', () => {
  it('describes every route the app serves, and no route it does not serve', () => {
    const served = expressRoutes(createApp(db));
    const described = ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(served.length).toBeGreaterThan(10);
    // A route missing here: add its entry (inputs and answer schemas) to ROUTES in server/openapi.ts.
    expect(served.filter((r) => !described.includes(r))).toEqual([]);
    expect(described.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('is a valid-looking OpenAPI 3.1 document with a success answer and a 503 on every operation', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of ROUTES) {
      const op = (doc.paths?.[openApiPath(r.path)] as Record<string, { responses: Record<string, unknown>; operationId: string }>)[r.method];
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toContain(String(r.ok.status ?? 200));
      expect(Object.keys(op.responses)).toContain('503');
      expect(Object.keys(op.responses)).not.toContain('500');
    }
    const ids = ROUTES.map((r) => (doc.paths?.[openApiPath(r.path)] as Record<string, { operationId: string }>)[r.method].operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names path parameters the way the routes do', () => {
    const doc = openApiDocument();
    const op = (doc.paths?.['/api/actors/{id}/neighborhood'] as { get: { parameters: { name: string; in: string }[] } }).get;
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:depth', 'query:types', 'query:limit']);
  });

  it('links what a creation answers to the routes that take it, by names and pointers that exist', () => {
    interface Op { operationId: string; parameters?: { name: string }[]; responses: Record<string, { links?: Record<string, { operationId: string; parameters: Record<string, string> }> }> }
    const doc = openApiDocument();
    const ops = Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item as Record<string, Op>));
    const byId = new Map(ops.map((op) => [op.operationId, op]));
    const links = ops.flatMap((op) => Object.values(op.responses).flatMap((res) => Object.values(res.links ?? {})));
    // Actors, relationships and imports each lead somewhere (the fuzzer's stateful phase follows these).
    expect(links.map((l) => l.operationId)).toEqual(expect.arrayContaining(['patchActorsId', 'deleteRelationshipsIdEvidenceIndex', 'postImportsIdCommit', 'postChangesIdRevert']));
    for (const link of links) {
      const target = byId.get(link.operationId);
      expect(target).toBeDefined();
      const names = (target?.parameters ?? []).map((p) => p.name);
      for (const [name, pointer] of Object.entries(link.parameters)) {
        expect(names).toContain(name);
        expect(pointer).toMatch(/^\$response\.body#\/\w+(\/\w+)?$/);
      }
    }
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  it('serves the document', async () => {
    const res = await request(createApp(db)).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/cypher');
  });

  it('serves a page that loads its script from this server only (no inline script, under the CSP)', async () => {
    const a = createApp(db);
    const page = await request(a).get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const src of [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])) {
      expect((await request(a).get(`/api/${src}`)).status).toBe(200);
    }
  });
});
