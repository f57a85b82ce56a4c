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
  const [row] = await db.read('MATCH (n) WHERE n:Actor OR n:Source WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS ties');
  return row;
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
