// Editing with a source through change sets: actors, ties, evidence, conflicting claims, concurrent edits,
// merges (preview, alias redirect, undo), history per actor and revert, on the real Neo4j.
import request from 'supertest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { resetTo, testDb, wipe } from '../../support/db';
import { actor, dataset, FIXTURE_SOURCE, rel } from '../../support/fixtures';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(() => { db = testDb(); app = createApp(db); });
afterAll(async () => { await wipe(db); await db.close(); });
beforeEach(async () => {
  await resetTo(db, dataset(
    [actor('region', 'local_authority', { name: 'Région Sud' }), actor('medinsoft', 'association', { name: 'Medinsoft', aliases: ['cluster Medinsoft'] }),
      actor('medinsoft-asso', 'association', { name: 'Association Medinsoft', territory: 'Marseille' }), actor('cci', 'public_body', { name: 'CCI' }),
      actor('wiko', 'company', { name: 'Wiko' })],
    [rel('FUNDS', 'region', 'medinsoft', { amount: 50000, date: '2016' }), rel('FUNDS', 'cci', 'medinsoft-asso', { amount: 20000 }),
      rel('PARTNERS_WITH', 'medinsoft', 'medinsoft-asso'), rel('PARTNERS_WITH', 'medinsoft-asso', 'wiko')],
  ));
});

const NEW_SOURCE = { title: 'Rapport annuel 2016', publisher: 'Région Sud', date: '2016-12', url: 'https://example.org/rapport-2016' };
const reason = (text: string) => ({ reason: `correction sans source : ${text}` });
const detail = async (id: string) => (await request(app).get(`/api/actors/${id}`)).body;
const tie = async (id: string) => (await request(app).get(`/api/relationships/${encodeURIComponent(id)}`)).body;

describe('POST /api/actors', () => {
  it('creates an actor with a new source, recorded as one change set by "local"', async () => {
    const res = await request(app).post('/api/actors').send({ actor: { name: 'Pôle SCS', kind: 'cluster', aliases: ['SCS', 'Pôle SCS'] }, provenance: { source: NEW_SOURCE, excerpt: 'le pôle SCS' } });
    expect(res.status).toBe(201);
    expect(res.body.actor).toMatchObject({ id: 'pole-scs', name: 'Pôle SCS', aliases: ['SCS'] });
    const h = (await request(app).get('/api/changes?actor=pole-scs')).body.changeSets;
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ kind: 'edit', author: 'local', state: 'committed', summary: { action: 'actor.create', source: { id: 'region-sud-rapport-annuel-2016-2016-12', title: 'Rapport annuel 2016' } } });
    expect((await request(app).get('/api/sources')).body.sources.map((s: { id: string }) => s.id)).toContain('region-sud-rapport-annuel-2016-2016-12');
  });

  it('refuses a change with neither source nor reason (400 naming body.provenance.reason)', async () => {
    const res = await request(app).post('/api/actors').send({ actor: { name: 'X', kind: 'company' }, provenance: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('body.provenance.reason');
  });

  it('accepts an explicit reason instead of a source', async () => {
    const res = await request(app).post('/api/actors').send({ actor: { name: 'Sans Source', kind: 'company' }, provenance: reason('acteur connu de tous') });
    expect(res.status).toBe(201);
    const [cs] = (await request(app).get('/api/changes?actor=sans-source')).body.changeSets;
    expect(cs.reason).toBe('correction sans source : acteur connu de tous');
  });

  it('refuses an unknown source id with the field named', async () => {
    const res = await request(app).post('/api/actors').send({ actor: { name: 'X', kind: 'company' }, provenance: { source: { id: 'nope' } } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('body.provenance.source.id');
  });
});

describe('PATCH /api/actors/:id and the version check', () => {
  it('changes fields and answers the new version', async () => {
    const { version } = await detail('wiko');
    const res = await request(app).patch('/api/actors/wiko').send({ version, changes: { territory: 'Marseille', description: 'Fabricant de téléphones' }, provenance: { source: { id: FIXTURE_SOURCE.id }, excerpt: 'Wiko, à Marseille' } });
    expect(res.status).toBe(200);
    const after = await detail('wiko');
    expect(after.actor).toMatchObject({ territory: 'Marseille', description: 'Fabricant de téléphones' });
    expect(after.version).toBe(res.body.version);
    expect(after.version).not.toBe(version);
  });

  it('leaves the fields a patch does not name as they were (aliases included)', async () => {
    const { version } = await detail('medinsoft');
    await request(app).patch('/api/actors/medinsoft').send({ version, changes: { territory: 'Aix' }, provenance: reason('siège') }).expect(200);
    expect((await detail('medinsoft')).actor).toMatchObject({ name: 'Medinsoft', aliases: ['cluster Medinsoft'], territory: 'Aix' });
  });

  it('answers 409 EditConflict to the second of two editors, with the other change and the sent values (nothing lost)', async () => {
    const { version } = await detail('wiko');
    const first = await request(app).patch('/api/actors/wiko').send({ version, changes: { territory: 'Marseille' }, provenance: reason('ville') });
    expect(first.status).toBe(200);
    const second = await request(app).patch('/api/actors/wiko').send({ version, changes: { territory: 'Aix' }, provenance: reason('autre ville') });
    expect(second.status).toBe(409);
    expect(second.body.error.name).toBe('EditConflict');
    expect(second.body.error.details).toMatchObject({
      entity: 'actor', id: 'wiko', current: { territory: 'Marseille' }, yours: { territory: 'Aix' },
      change: { author: 'local', reason: 'correction sans source : ville', op: 'update', after: { territory: 'Marseille' } },
    });
    expect((await detail('wiko')).actor.territory).toBe('Marseille');
  });
});

describe('relationships', () => {
  it('creates a tie only with a source and an excerpt (every edge is sourced)', async () => {
    const bad = await request(app).post('/api/relationships').send({ relationship: { type: 'FUNDS', source: 'cci', target: 'wiko' }, provenance: { reason: 'je le sais' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['body.provenance.source', 'body.provenance.excerpt']));
    const res = await request(app).post('/api/relationships').send({ relationship: { type: 'FUNDS', source: 'cci', target: 'wiko', amount: 10000 }, provenance: { source: NEW_SOURCE, excerpt: 'la CCI accorde 10 000 € à Wiko' } });
    expect(res.status).toBe(201);
    expect(res.body.relationship).toMatchObject({ id: 'FUNDS:cci:wiko', amount: 10000, evidence: [{ excerpt: 'la CCI accorde 10 000 € à Wiko' }] });
  });

  it('refuses a tie to an unknown actor, naming the end', async () => {
    const res = await request(app).post('/api/relationships').send({ relationship: { type: 'FUNDS', source: 'cci', target: 'ghost' }, provenance: { source: { id: FIXTURE_SOURCE.id }, excerpt: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('body.relationship.target');
  });

  it('keeps two amounts from two sources as two flagged claims, and funding totals say so', async () => {
    const t = await tie('FUNDS:region:medinsoft');
    const res = await request(app).post('/api/relationships/FUNDS:region:medinsoft/evidence')
      .send({ version: t.version, source: NEW_SOURCE, excerpt: 'la Région a versé 60 000 € à Medinsoft', amount: 60000 });
    expect(res.status).toBe(201);
    expect(res.body.claimAdded).toBe(true);
    const after = (await tie('FUNDS:region:medinsoft')).relationship;
    expect(after.amount).toBe(50000);
    expect(after.claims).toEqual([
      { amount: 50000, date: '2016', sources: [FIXTURE_SOURCE.id] },
      { amount: 60000, sources: ['region-sud-rapport-annuel-2016-2016-12'] },
    ]);
    expect(after.evidence).toHaveLength(2);
    const funding = (await request(app).get('/api/actors/medinsoft/funding?direction=upstream')).body;
    expect(funding.totals.find((x: { actor: string }) => x.actor === 'region')).toMatchObject({ known: 50000, disputed: { parts: 1, min: 50000, max: 60000 } });
  });

  it('adds a second source that agrees to the same claim, with no conflict', async () => {
    const t = await tie('FUNDS:region:medinsoft');
    const res = await request(app).post('/api/relationships/FUNDS:region:medinsoft/evidence').send({ version: t.version, source: NEW_SOURCE, excerpt: '50 000 €', amount: 50000 });
    expect(res.body.claimAdded).toBe(false);
    expect((await tie('FUNDS:region:medinsoft')).relationship.claims).toBeUndefined();
  });

  it('turns a PATCH of the amount citing a new source into a claim, but lets a reason-only correction overwrite', async () => {
    let t = await tie('FUNDS:cci:medinsoft-asso');
    const claim = await request(app).patch('/api/relationships/FUNDS:cci:medinsoft-asso')
      .send({ version: t.version, changes: { amount: 25000 }, provenance: { source: NEW_SOURCE, excerpt: '25 000 € de la CCI' } });
    expect(claim.body.claimAdded).toBe(true);
    expect(claim.body.relationship.claims.map((c: { amount: number }) => c.amount)).toEqual([20000, 25000]);
    t = await tie('FUNDS:cci:medinsoft-asso');
    const fix = await request(app).patch('/api/relationships/FUNDS:cci:medinsoft-asso').send({ version: t.version, changes: { amount: 21000 }, provenance: reason('faute de frappe') });
    expect(fix.body.claimAdded).toBe(false);
    expect(fix.body.relationship.amount).toBe(21000);
    expect(fix.body.relationship.claims.map((c: { amount: number }) => c.amount)).toEqual([21000, 25000]);
  });

  it('gives a tie whose type changes a new id, and deletes a tie with a reason', async () => {
    const t = await tie('FUNDS:cci:medinsoft-asso');
    const res = await request(app).patch('/api/relationships/FUNDS:cci:medinsoft-asso').send({ version: t.version, changes: { type: 'PILOTS', amount: null }, provenance: reason('pilotage, pas financement') });
    expect(res.status).toBe(200);
    expect(res.body.relationship).toMatchObject({ id: 'PILOTS:cci:medinsoft-asso', type: 'PILOTS' });
    expect((await request(app).get('/api/relationships/FUNDS:cci:medinsoft-asso')).status).toBe(404);
    const del = await request(app).delete('/api/relationships/PILOTS:cci:medinsoft-asso').send({ version: res.body.version, provenance: reason('doublon') });
    expect(del.status).toBe(200);
    expect((await request(app).get('/api/relationships/PILOTS:cci:medinsoft-asso')).status).toBe(404);
  });
});

describe('DELETE /api/relationships/:id/evidence/:index', () => {
  const remove = (id: string, index: number | string, body: object) => request(app).delete(`/api/relationships/${id}/evidence/${index}`).send(body);
  /** FUNDS:region:medinsoft with a second source saying 60,000 € (a conflicting claim). */
  async function withSecondSource() {
    const t = await tie('FUNDS:region:medinsoft');
    await request(app).post('/api/relationships/FUNDS:region:medinsoft/evidence').send({ version: t.version, source: NEW_SOURCE, excerpt: 'la Région a versé 60 000 € à Medinsoft', amount: 60000 }).expect(201);
    return tie('FUNDS:region:medinsoft');
  }

  it('removes one piece of evidence as one change set, which a revert undoes exactly', async () => {
    const before = await withSecondSource();
    expect(before.relationship.evidence).toHaveLength(2);
    const res = await remove('FUNDS:region:medinsoft', 1, { version: before.version, provenance: reason("l'article parle d'un autre versement") });
    expect(res.status).toBe(200);
    expect(res.body.relationship.evidence).toEqual([before.relationship.evidence[0]]);
    const after = await tie('FUNDS:region:medinsoft');
    expect(after.relationship.evidence).toEqual([before.relationship.evidence[0]]);
    expect(after.version).toBe(res.body.version);
    const [cs] = (await request(app).get('/api/changes?actor=region')).body.changeSets;
    expect(cs).toMatchObject({ id: res.body.changeSet, kind: 'edit', author: 'local', reason: "correction sans source : l'article parle d'un autre versement", summary: { action: 'relationship.evidence.remove', relationship: 'FUNDS:region:medinsoft', removed: before.relationship.evidence[1] } });
    expect((await request(app).post(`/api/changes/${res.body.changeSet}/revert`)).status).toBe(200);
    const reverted = await tie('FUNDS:region:medinsoft');
    expect(reverted.relationship).toEqual(before.relationship);
    expect(reverted.version).toBe(before.version);
  });

  it('drops the claim that only the removed source stated: the other source\'s amount and date remain', async () => {
    const before = await withSecondSource();
    expect(before.relationship.claims).toHaveLength(2);
    const second = await remove('FUNDS:region:medinsoft', 1, { version: before.version, provenance: reason('erreur de saisie') });
    expect(second.body.relationship).toMatchObject({ amount: 50000, date: '2016' });
    expect(second.body.relationship.claims).toBeUndefined();
    await request(app).post(`/api/changes/${second.body.changeSet}/revert`).expect(200);
    // The first source removed instead: the second one's claim (60,000 €, no date) becomes the tie's.
    const first = await remove('FUNDS:region:medinsoft', 0, { version: before.version, provenance: { source: { id: FIXTURE_SOURCE.id }, excerpt: 'rectificatif' } });
    expect(first.status).toBe(200);
    expect(first.body.relationship.amount).toBe(60000);
    expect(first.body.relationship.date).toBeUndefined();
    expect(first.body.relationship.claims).toBeUndefined();
    expect(first.body.relationship.evidence.map((e: { source: string }) => e.source)).toEqual(['region-sud-rapport-annuel-2016-2016-12']);
  });

  it('refuses to remove the last evidence (409 LastEvidence): every edge stays sourced, the tie unchanged', async () => {
    const t = await tie('FUNDS:cci:medinsoft-asso');
    expect(t.relationship.evidence).toHaveLength(1);
    const res = await remove('FUNDS:cci:medinsoft-asso', 0, { version: t.version, provenance: reason('source douteuse') });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ name: 'LastEvidence', details: { relationship: 'FUNDS:cci:medinsoft-asso' } });
    expect(await tie('FUNDS:cci:medinsoft-asso')).toEqual(t);
  });

  it('answers 404 for no such evidence or tie, 400 for a bad index or no reason, 409 EditConflict on a stale version', async () => {
    const t = await withSecondSource();
    expect((await remove('FUNDS:region:medinsoft', 2, { version: t.version, provenance: reason('x') })).body.error).toMatchObject({ name: 'NotFoundError', details: { evidence: 'FUNDS:region:medinsoft/evidence/2' } });
    expect((await remove('FUNDS:nobody:medinsoft', 0, { version: t.version, provenance: reason('x') })).status).toBe(404);
    const bad = await remove('FUNDS:region:medinsoft', 'first', { version: t.version, provenance: reason('x') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('params.index');
    const noReason = await remove('FUNDS:region:medinsoft', 0, { version: t.version, provenance: {} });
    expect(noReason.body.error.details.issues[0].field).toBe('body.provenance.reason');
    const stale = await remove('FUNDS:region:medinsoft', 0, { version: 'stale', provenance: reason('x') });
    expect(stale.status).toBe(409);
    expect(stale.body.error.name).toBe('EditConflict');
    expect((await tie('FUNDS:region:medinsoft')).relationship.evidence).toHaveLength(2);
  });

  it('refuses an anonymous write on an exposed server (401)', async () => {
    const t = await withSecondSource();
    const res = await request(createApp(db, { auth: { host: '0.0.0.0' } })).delete('/api/relationships/FUNDS:region:medinsoft/evidence/1').send({ version: t.version, provenance: reason('x') });
    expect(res.status).toBe(401);
  });
});

describe('POST /api/actors/:id/merge', () => {
  it('previews what moves, merges, keeps the old id resolving, and undoes the merge exactly', async () => {
    const before = { a: await detail('medinsoft'), b: await detail('medinsoft-asso') };
    const preview = await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', preview: true });
    expect(preview.status).toBe(200);
    expect(preview.body.moved.map((e: { id: string }) => e.id).sort()).toEqual(['FUNDS:cci:medinsoft-asso', 'PARTNERS_WITH:medinsoft-asso:wiko']);
    expect(preview.body.dropped.map((e: { id: string }) => e.id)).toEqual(['PARTNERS_WITH:medinsoft:medinsoft-asso']);
    expect(preview.body.aliases).toEqual(['Association Medinsoft']);
    // Both names are kept: the survivor's by default, the other's as an alias.
    expect(preview.body.conflicts).toEqual([{ field: 'name', survivor: 'Medinsoft', other: 'Association Medinsoft' }]);
    expect(preview.body.result).toMatchObject({ id: 'medinsoft', territory: 'Marseille', aliases: ['cluster Medinsoft', 'Association Medinsoft'] });
    expect((await detail('medinsoft-asso')).actor.id).toBe('medinsoft-asso');

    const merged = await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', versions: preview.body.versions, provenance: { reason: 'doublons : même association' } });
    expect(merged.status).toBe(200);
    const redirected = await detail('medinsoft-asso');
    expect(redirected).toMatchObject({ actor: { id: 'medinsoft' }, resolvedFrom: 'medinsoft-asso' });
    expect(redirected.relationships.map((r: { id: string }) => r.id).sort()).toEqual(['FUNDS:cci:medinsoft-asso', 'FUNDS:region:medinsoft', 'PARTNERS_WITH:medinsoft-asso:wiko']);
    expect((await tie('PARTNERS_WITH:medinsoft-asso:wiko')).relationship).toMatchObject({ source: 'medinsoft', target: 'wiko' });

    const revert = await request(app).post(`/api/changes/${merged.body.changeSet}/revert`);
    expect(revert.status).toBe(200);
    expect(revert.body.changeSet.state).toBe('undone');
    const after = { a: await detail('medinsoft'), b: await detail('medinsoft-asso') };
    expect(after.a.version).toBe(before.a.version);
    expect(after.b.version).toBe(before.b.version);
    expect(after.b.relationships.map((r: { id: string }) => r.id).sort()).toEqual(before.b.relationships.map((r: { id: string }) => r.id).sort());
  });

  it('lists field conflicts and takes the chosen value', async () => {
    await request(app).patch('/api/actors/medinsoft').send({ version: (await detail('medinsoft')).version, changes: { territory: 'Aix' }, provenance: reason('siège') }).expect(200);
    const preview = (await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', preview: true })).body;
    expect(preview.conflicts).toEqual([{ field: 'name', survivor: 'Medinsoft', other: 'Association Medinsoft' }, { field: 'territory', survivor: 'Aix', other: 'Marseille' }]);
    const res = await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', versions: preview.versions, choose: { territory: 'other', name: 'other' }, provenance: reason('doublons') });
    expect(res.body.actor).toMatchObject({ id: 'medinsoft', name: 'Association Medinsoft', territory: 'Marseille', aliases: ['Medinsoft', 'cluster Medinsoft'] });
  });

  it('refuses to revert a merge once a later change wrote what it wrote, listing that change', async () => {
    const preview = (await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', preview: true })).body;
    const merged = (await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', versions: preview.versions, provenance: reason('doublons') })).body;
    const later = await request(app).patch('/api/actors/medinsoft').send({ version: merged.version, changes: { description: 'Cluster du numérique' }, provenance: reason('description') });
    expect(later.status).toBe(200);
    const res = await request(app).post(`/api/changes/${merged.changeSet}/revert`);
    expect(res.status).toBe(409);
    expect(res.body.error.details.later).toEqual([expect.objectContaining({ id: later.body.changeSet, author: 'local', reason: 'correction sans source : description' })]);
  });
});

describe('GET /api/changes and revert of an edit', () => {
  it('lists an actor\'s history: its own changes and its ties\', newest first, with author and reason', async () => {
    const v = (await detail('wiko')).version;
    await request(app).patch('/api/actors/wiko').send({ version: v, changes: { territory: 'Marseille' }, provenance: reason('ville') }).expect(200);
    await request(app).post('/api/relationships').send({ relationship: { type: 'FUNDS', source: 'cci', target: 'wiko' }, provenance: { source: { id: FIXTURE_SOURCE.id }, excerpt: 'la CCI aide Wiko' } }).expect(201);
    await request(app).patch('/api/actors/cci').send({ version: (await detail('cci')).version, changes: { territory: 'Nice' }, provenance: reason('autre acteur') }).expect(200);
    const h = (await request(app).get('/api/changes?actor=wiko')).body.changeSets;
    expect(h.map((c: { summary: { action: string } }) => c.summary.action)).toEqual(['relationship.create', 'actor.update']);
    expect(h[0].changes).toEqual([expect.objectContaining({ entity: 'relationship', key: 'FUNDS:cci:wiko', op: 'create', from: 'cci', to: 'wiko' })]);
    expect(h[1].changes[0]).toMatchObject({ entity: 'actor', key: 'wiko', op: 'update', after: { territory: 'Marseille' } });
    expect(h[1].changes[0].before).toEqual({ id: 'wiko', name: 'Wiko', kind: 'company', aliases: [] });
  });

  it('filters by user, kind and date', async () => {
    await request(app).patch('/api/actors/wiko').send({ version: (await detail('wiko')).version, changes: { territory: 'Marseille' }, provenance: reason('ville') }).expect(200);
    expect((await request(app).get('/api/changes?user=local&kind=edit')).body.changeSets).toHaveLength(1);
    expect((await request(app).get('/api/changes?user=someone-else')).body.changeSets).toHaveLength(0);
    expect((await request(app).get('/api/changes?kind=seed')).body.changeSets.length + (await request(app).get('/api/changes?kind=import')).body.changeSets.length).toBeGreaterThan(0);
    expect((await request(app).get('/api/changes?to=2000-01-01')).body.changeSets).toHaveLength(0);
  });

  it('reverts an edit: the actor is back as it was', async () => {
    const before = await detail('wiko');
    const edit = await request(app).patch('/api/actors/wiko').send({ version: before.version, changes: { name: 'WIKO SAS' }, provenance: reason('nom légal') });
    const res = await request(app).post(`/api/changes/${edit.body.changeSet}/revert`);
    expect(res.status).toBe(200);
    const after = await detail('wiko');
    expect(after.actor.name).toBe('Wiko');
    expect(after.version).toBe(before.version);
  });

  it('refuses a viewer\'s and an anonymous exposed write', async () => {
    const exposed = createApp(db, { auth: { host: '0.0.0.0' } });
    const res = await request(exposed).patch('/api/actors/wiko').send({ version: 'x', changes: { name: 'X' }, provenance: reason('x') });
    expect(res.status).toBe(401);
  });
});
