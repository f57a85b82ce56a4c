// Search follows every write of an actor's name: the keyword index of names and aliases (cypher/schema.cypher,
// actor_keys) and the text index are kept by Neo4j on each write of the one shared writer (server/changes).
import request from 'supertest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { importDataset } from '../../../server/load';
import { resetTo, testDb, wipe } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(() => { db = testDb(); app = createApp(db); });
afterAll(async () => { await wipe(db); await db.close(); });
beforeEach(async () => {
  await resetTo(db, dataset(
    [actor('wiko', 'company', { name: 'Wiko', aliases: ['Wiko Mobile'] }), actor('medinsoft', 'association', { name: 'Medinsoft' }),
      actor('medinsoft-asso', 'association', { name: 'Association Numerique Sud' }), actor('region', 'local_authority', { name: 'Région Sud' })],
    [rel('FUNDS', 'region', 'medinsoft', { amount: 50000 }), rel('PARTNERS_WITH', 'medinsoft-asso', 'wiko')],
  ));
});

const found = async (q: string) => ((await request(app).get('/api/actors').query({ q })).body.actors as { id: string }[]).map((a) => a.id);
const detail = async (id: string) => (await request(app).get(`/api/actors/${id}`)).body;
const reason = { reason: 'correction sans source : test de la recherche' };

describe('GET /api/actors?q= after writes', () => {
  it('finds a renamed actor under its new name and alias, no longer under the old ones, and again once the rename is reverted', async () => {
    const { version } = await detail('wiko');
    const res = await request(app).patch('/api/actors/wiko').send({ version, changes: { name: 'Tinno France', aliases: ['TF'] }, provenance: reason });
    expect(res.status).toBe(200);
    expect(await found('tinno')).toEqual(['wiko']);
    expect(await found('tinno france')).toEqual(['wiko']);
    expect(await found('tf')).toEqual(['wiko']);
    expect(await found('wiko')).toEqual([]);
    expect(await found('wiko mobile')).toEqual([]);

    expect((await request(app).post(`/api/changes/${res.body.changeSet}/revert`)).status).toBe(200);
    expect(await found('wiko')).toEqual(['wiko']);
    expect(await found('wiko mobile')).toEqual(['wiko']);
    expect(await found('tinno')).toEqual([]);
  });

  it('finds the survivor of a merge under the merged actor\'s name, and the merged actor no more', async () => {
    expect(await found('association numerique')).toEqual(['medinsoft-asso']);
    const preview = (await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', preview: true })).body;
    const merged = await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', versions: preview.versions, provenance: reason });
    expect(merged.status).toBe(200);
    expect(await found('association numerique')).toEqual(['medinsoft']);
    expect(await found('medinsoft')).toEqual(['medinsoft']);
  });

  it('finds an actor re-imported under a new name by that name only, and a new imported actor by its alias', async () => {
    await importDataset(db, dataset(
      [actor('wiko', 'company', { name: 'Tinno Mobile' }), actor('cci', 'public_body', { name: "Chambre de commerce et d'industrie", aliases: ['CCI Aix-Marseille'] })],
      [],
    ));
    expect(await found('tinno mobile')).toEqual(['wiko']);
    expect(await found('wiko')).toEqual([]);
    expect(await found('cci aix')).toEqual(['cci']);
    expect(await found('chambre de commerce')).toEqual(['cci']);
  });
});
