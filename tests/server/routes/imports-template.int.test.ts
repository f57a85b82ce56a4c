// GET /api/imports/template: downloads the workbook or the CSV template; a bad format is a 400 naming the field.
import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { testDb } from '../../support/db';

let db: Db;
let app: Express;
beforeAll(() => {
  db = testDb();
  app = testApp(db);
});
afterAll(async () => {
  await db.close();
});

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};

describe('GET /api/imports/template', () => {
  it('sends the XLSX workbook by default, as a download', async () => {
    const res = await request(app).get('/api/imports/template').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="maillage-modele.xlsx"');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('sends the CSV template with a byte-order mark and French headers', async () => {
    const res = await request(app).get('/api/imports/template?format=csv').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFDe;Vers;Type;Montant;Date;Statut')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('answers 400 naming query.format for an unknown format', async () => {
    const res = await request(app).get('/api/imports/template?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues[0].field).toBe('query.format');
  });
});
