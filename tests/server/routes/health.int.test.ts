import request from 'supertest';
import { begin } from '../../../server/changes';
import type { Db } from '../../../server/db';
import { applySchema } from '../../../server/load';
import { testApp } from '../../support/app';
import { testDb, wipe } from '../../support/db';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await applySchema(db);
  await wipe(db);
});
afterAll(async () => { await db.close(); });

describe('GET /api/health', () => {
  it('says an import is running, with its progress, until it is committed', async () => {
    const app = testApp(db);
    const h = await begin(db, { kind: 'import', author: 'local', total: 10 });
    await h.write({ actors: { create: [{ id: 'a', name: 'A', aliases: [], kind: 'company' }, { id: 'b', name: 'B', aliases: [], kind: 'company' }] } });
    const during = await request(app).get('/api/health');
    expect(during.status).toBe(200);
    expect(during.body).toEqual({ status: 'ok', neo4j: 'up', import: { id: h.id, kind: 'import', state: 'running', progress: { done: 2, total: 10, undone: 0 } } });
    await h.commit();
    expect((await request(app).get('/api/health')).body).toEqual({ status: 'ok', neo4j: 'up' });
  });
});
