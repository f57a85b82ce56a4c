// POST /api/extract on the real database: candidates with offsets, known actors from the graph, nothing
// written to the graph, the same text recognised, files read, limits with clear errors.
import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset } from '../../support/fixtures';
import { EXTRACT_MAX_CHARS } from '../../../model/schema';

let db: Db;
let app: Express;

const PARAGRAPH =
  'Le festival Numérica est financé par la Région Occitanie depuis 2014. ' +
  'Hélène Martin, directrice générale de Quadria, présidera la prochaine édition. ' +
  'La banque publique d’investissement accompagne aussi la start-up Vetia.';
const source = { title: 'Numérica change d’échelle', publisher: 'La Gazette du Sud', date: '2016-03' };

const counts = async () => {
  const [row] = await db.read('MATCH (n) WHERE n:Actor OR n:Source WITH count(n) AS nodes OPTIONAL MATCH (:Actor)-[r]->(:Actor) RETURN nodes, count(r) AS ties');
  return row as { nodes: number; ties: number };
};

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
  await resetTo(db, dataset([actor('bpi', 'public_body', { name: 'Bpifrance', aliases: ['Banque publique d’investissement'] })], []));
});
afterAll(async () => { await db.close(); });

describe('POST /api/extract', () => {
  it('proposes actors and ties, each tie with its sentence at its offsets in the text, and writes nothing to the graph', async () => {
    const before = await counts();
    const res = await request(app).post('/api/extract').send({ text: PARAGRAPH, source }).expect(201);
    expect(res.body.reused).toBe(false);
    const { text, relationships, actors } = res.body;
    expect(text).toBe(PARAGRAPH);
    const name = new Map(actors.map((a: { key: string; name: string }) => [a.key, a.name]));
    const funds = relationships.find((r: { type: string }) => r.type === 'FUNDS');
    expect(funds).toMatchObject({ date: '2014', status: 'effective' });
    expect([name.get(funds.from), name.get(funds.to)]).toEqual(['Région Occitanie', 'Numérica']);
    for (const r of relationships) expect(text.slice(r.start, r.end)).toBe(r.sentence);
    // The known actor is found by its alias and linked to its id.
    expect(actors.find((a: { existing?: { id: string } }) => a.existing?.id === 'bpi').mentions[0].text).toBe('banque publique d’investissement');
    // Mentions point into the text.
    for (const a of actors) for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(await counts()).toEqual(before);
  });

  it('recognises the same text sent again and offers the first extraction back', async () => {
    const first = await request(app).post('/api/extract').send({ text: PARAGRAPH, source }).expect(200);
    const again = await request(app).post('/api/extract').send({ text: `${PARAGRAPH}\n`, source }).expect(200);
    expect(again.body.reused).toBe(true);
    expect(again.body.id).toBe(first.body.id);
    const got = await request(app).get(`/api/extract/${first.body.id}`).expect(200);
    expect(got.body.relationships.length).toBe(first.body.relationships.length);
  });

  it('reads the main text of an HTML page and drops its navigation', async () => {
    const html = `<!doctype html><html><head><title>Numérica</title></head><body>
      <nav><a href="/">Accueil</a> <a href="/eco">Économie</a> Menu principal du site</nav>
      <article><h1>Numérica change d’échelle</h1>
      <p>${PARAGRAPH}</p>
      <p>Le salon accueillera cette année plus de trois cents exposants venus de toute la région et d’ailleurs, selon ses organisateurs qui se félicitent de cette croissance.</p></article>
      <footer>Mentions légales — Tous droits réservés</footer></body></html>`;
    const res = await request(app)
      .post('/api/extract')
      .send({ file: { name: 'article.html', content: Buffer.from(html).toString('base64') }, source: { title: 'HTML' } })
      .expect(201);
    expect(res.body.text).toContain('Le festival Numérica est financé par la Région Occitanie');
    expect(res.body.text).not.toContain('Menu principal');
    expect(res.body.text).not.toContain('Mentions légales');
  });

  it('reads the text layer of a PDF', async () => {
    const res = await request(app)
      .post('/api/extract')
      .send({ file: { name: 'article.pdf', content: minimalPdf('Le festival Numerica est finance par la Region Occitanie.').toString('base64') }, source: { title: 'PDF' } })
      .expect(201);
    expect(res.body.text).toContain('Le festival Numerica est finance par la Region Occitanie.');
  });

  it.each([
    [{ source }, 'body.text'],
    [{ text: 'x', file: { name: 'a.txt', content: '' }, source }, 'body.file'],
    [{ text: 'Un texte.', source: {} }, 'body.source.title'],
    [{ file: { name: 'a.docx', content: 'AAAA' }, source }, 'body.file.name'],
    [{ text: 'a'.repeat(EXTRACT_MAX_CHARS + 1), source }, 'body.text'],
  ])('returns 400 naming the field for %#', async (body, field) => {
    const res = await request(app).post('/api/extract').send(body).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('refuses a PDF without text with a message that says so', async () => {
    const res = await request(app).post('/api/extract').send({ file: { name: 'scan.pdf', content: Buffer.from('%PDF-1.4 not really').toString('base64') }, source }).expect(422);
    expect(res.body.error.name).toBe('UnreadableFile');
  });

  it('answers 404 for an unknown extraction', async () => {
    const res = await request(app).get('/api/extract/ex-nope').expect(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});

/** A one-page PDF whose text layer holds `line` (Helvetica), with a correct cross-reference table. */
function minimalPdf(line: string): Buffer {
  const stream = `BT /F1 12 Tf 40 700 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('POST /api/extract/:id/accept', () => {
  const TEXT =
    'Organisées par l’association Granit Numérique, les Journées Quartz réunissent 400 startups. ' +
    'Le campus Hélix est financé par la Région Bretagne à hauteur de 2 M€ depuis 2015. ' +
    'La société Brezh Data est accompagnée par la banque publique d’investissement.';

  type Tie = { id: string; type: string; from: string; to: string; start: number; end: number; sentence: string; status: string; amount?: number; date?: string };
  type Act = { key: string; name: string; kind: string; existing?: { id: string } };
  const body = (ex: { actors: Act[] }, accepted: Tie[], rejected: Tie[]) => ({
    actors: ex.actors
      .filter((a) => accepted.some((t) => t.from === a.key || t.to === a.key))
      .map((a) => (a.existing ? { key: a.key, action: 'link', id: a.existing.id } : { key: a.key, action: 'create', name: a.name, kind: a.kind })),
    relationships: accepted.map((t) => ({ candidate: t.id, type: t.type, from: t.from, to: t.to, start: t.start, end: t.end, status: t.status, amount: t.amount, date: t.date })),
    rejected: rejected.map((t) => t.id),
  });

  it('saves the source, the actors and the accepted ties with their excerpts verbatim, as one change set', async () => {
    const ex = (await request(app).post('/api/extract').send({ text: TEXT, source: { title: 'Quartz et Hélix', publisher: 'Ouest Éco', date: '2016-05' } }).expect(201)).body;
    const by = (type: string) => ex.relationships.find((t: Tie) => t.type === type) as Tie;
    const [pilots, funds, partners] = [by('PILOTS'), by('FUNDS'), by('PARTNERS_WITH')];
    expect(pilots && funds && partners).toBeTruthy();
    const before = await counts();

    const res = await request(app).post(`/api/extract/${ex.id}/accept`).send(body(ex, [pilots, funds], [partners])).expect(201);
    expect(res.body.relationships.created).toHaveLength(2);
    expect(res.body.rejected).toBe(1);

    const [cs] = await db.read('MATCH (c:ChangeSet {id: $id}) RETURN c.kind AS kind, c.state AS state', { id: res.body.changeSet });
    expect(cs).toEqual({ kind: 'extract', state: 'committed' });
    const ties = await db.read(
      'MATCH (a:Actor)-[r]->(b:Actor) WHERE r._cs = $cs RETURN type(r) AS type, a.name AS from, b.name AS to, r.amount AS amount, r.date AS date, r.evidenceSources AS sources, r.evidenceExcerpts AS excerpts ORDER BY type',
      { cs: res.body.changeSet },
    );
    expect(ties).toEqual([
      { type: 'FUNDS', from: 'Région Bretagne', to: 'Hélix', amount: 2_000_000, date: '2015', sources: [res.body.source], excerpts: [funds.sentence] },
      { type: 'PILOTS', from: 'Granit Numérique', to: 'Journées Quartz', amount: null, date: null, sources: [res.body.source], excerpts: [pilots.sentence] },
    ]);
    for (const t of [pilots, funds]) expect(TEXT.slice(t.start, t.end)).toBe(t.sentence);
    const [src] = await db.read('MATCH (s:Source {id: $id}) RETURN s.title AS title, s.publisher AS publisher, s.date AS date', { id: res.body.source });
    expect(src).toEqual({ title: 'Quartz et Hélix', publisher: 'Ouest Éco', date: '2016-05' });
    // The rejected tie's ends were not written: only what was accepted is in the graph.
    const after = await counts();
    expect(after.ties - before.ties).toBe(2);

    // The same text again: recognised, the rejected candidate is not proposed, the accepted ones are known.
    const again = (await request(app).post('/api/extract').send({ text: TEXT, source: { title: 'Quartz et Hélix' } }).expect(200)).body;
    expect(again.reused).toBe(true);
    expect(again.accepted.changeSet).toBe(res.body.changeSet);
    expect(again.rejected).toBe(1);
    expect(again.relationships.some((t: Tie) => t.type === 'PARTNERS_WITH')).toBe(false);
    expect(again.relationships.filter((t: Tie & { exists?: boolean }) => t.exists)).toHaveLength(2);
  });

  it('refuses unknown actors, candidates and offsets past the text, naming the field, and writes nothing', async () => {
    const ex = (await request(app).post('/api/extract').send({ text: TEXT, source: { title: 'Quartz' } })).body as { id: string; relationships: Tie[] };
    const before = await counts();
    const t = ex.relationships[0] as Tie;
    const fieldsOf = async (b: object) => {
      const res = await request(app).post(`/api/extract/${ex.id}/accept`).send(b).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      return res.body.error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await fieldsOf({ relationships: [{ type: 'FUNDS', from: 'db:bpi', to: 'db:bpi', start: 0, end: 10 }] })).toEqual(['body.relationships.0.to']);
    expect(
      await fieldsOf({
        actors: [{ key: 'new:x', action: 'link', id: 'nobody' }],
        relationships: [
          { type: 'FUNDS', from: 'new:personne', to: t.to, start: t.start, end: t.end },
          { type: 'FUNDS', from: 'db:bpi', to: 'db:nobody', start: 0, end: TEXT.length + 50 },
        ],
        rejected: ['r999'],
      }),
    ).toEqual(expect.arrayContaining(['actors.0.id', 'relationships.0.from', 'relationships.1.to', 'relationships.1.end', 'rejected.0']));
    expect(await counts()).toEqual(before);
  });
});
