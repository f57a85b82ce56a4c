// The HTTP layer's promises that need no data: headers, Host allow-list, cross-origin writes, media types,
// sizes, malformed URLs and rate limits. The app points at a closed port: none of these reach the database.
import request from 'supertest';
import { createApp } from '../../../server/app';
import { DEFAULT_RATE_CONFIG } from '../../../server/config';
import { connect, type Db } from '../../../server/db';
import { hostAllowed, hostName } from '../../../server/middleware/security';

let db: Db;
beforeAll(() => { db = connect({ uri: 'bolt://127.0.0.1:1' }); });
afterAll(async () => { await db.close(); });

const app = (service = {}) => createApp(db, { service });

describe('security headers', () => {
  it.each(['/api/cypher/examples', '/api/nowhere', '/'])('are on every response, %s included', async (url) => {
    const res = await request(app()).get(url);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it.each([
    ['evil.example'],
    ['evil.example:3000'],
    ['localhost.evil.example'],
    ['127.0.0.1.nip.io'],
  ])('refuses Host: %s with 403 HostNotAllowed', async (host) => {
    const res = await request(app()).get('/api/cypher/examples').set('Host', host);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('HostNotAllowed');
  });

  it.each([['localhost:3000'], ['127.0.0.1:3000'], ['[::1]:3000'], ['app.localhost'], ['192.168.1.20:3000']])(
    'serves Host: %s', async (host) => {
      const res = await request(app()).get('/api/cypher/examples').set('Host', host);
      expect(res.status).toBe(200);
    });

  it('serves the configured public names, with *. for subdomains', async () => {
    const a = app({ allowedHosts: ['maillage.example.org', '*.maillage.fr'] });
    expect((await request(a).get('/api/cypher/examples').set('Host', 'maillage.example.org')).status).toBe(200);
    expect((await request(a).get('/api/cypher/examples').set('Host', 'www.maillage.fr:443')).status).toBe(200);
    expect((await request(a).get('/api/cypher/examples').set('Host', 'maillage.fr.evil.example')).status).toBe(403);
  });

  it('reads the name out of a Host header', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostAllowed('evil.localhost.example', [])).toBe(false);
  });
});

describe('cross-origin writes', () => {
  const post = (headers: Record<string, string>) =>
    request(app()).post('/api/cypher').set(headers).send({ query: 'RETURN 1' });

  it.each([
    [{ Origin: 'http://evil.example' }],
    [{ Origin: 'null' }],
    [{ Origin: 'http://127.0.0.1:9999' }],
    [{ 'Sec-Fetch-Site': 'cross-site' }],
    [{ 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:5173' }],
  ])('refuses a POST with %j as 403 CrossOriginRefused', async (headers) => {
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('CrossOriginRefused');
  });

  it('lets same-origin pages and non-browser clients write (then the closed database answers 503)', async () => {
    const a = app();
    const own = await request(a).post('/api/cypher').set('Origin', 'http://127.0.0.1:4321').set('Host', '127.0.0.1:4321').send({ query: 'RETURN 1' });
    const fetchMeta = await request(a).post('/api/cypher').set('Sec-Fetch-Site', 'same-origin').send({ query: 'RETURN 1' });
    const curl = await request(a).post('/api/cypher').send({ query: 'RETURN 1' });
    for (const r of [own, fetchMeta, curl]) expect(r.body.error?.name).not.toBe('CrossOriginRefused');
  });

  it('accepts the Origin of a configured public name, and only that name', async () => {
    const a = app({ allowedHosts: ['maillage.example.org'] });
    const ok = await request(a).post('/api/cypher').set('Origin', 'https://maillage.example.org').send({ query: '' });
    expect(ok.status).toBe(400);
    const evil = await request(a).post('/api/cypher').set('Origin', 'https://maillage.example.org.evil.example').send({ query: '' });
    expect(evil.body.error.name).toBe('CrossOriginRefused');
  });

  it('never refuses a cross-origin GET (reads carry no side effect)', async () => {
    const res = await request(app()).get('/api/cypher/examples').set('Origin', 'http://evil.example').set('Sec-Fetch-Site', 'cross-site');
    expect(res.status).toBe(200);
  });
});

describe('malformed input keeps a 4xx status', () => {
  it('answers 400 to a malformed %-escape in the URL', async () => {
    const res = await request(app()).get('/api/actors/%E0');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });

  it('answers 415 to a JSON body in latin1', async () => {
    const res = await request(app()).post('/api/cypher').set('Content-Type', 'application/json; charset=latin1').send('{"query":"RETURN 1"}');
    expect(res.status).toBe(415);
    expect(res.body.error.name).toBe('UnsupportedMediaType');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/xml']])('answers 415 to a %s body', async (type) => {
    const res = await request(app()).post('/api/cypher').set('Content-Type', type).send('query=RETURN 1');
    expect(res.status).toBe(415);
    expect(res.body.error.name).toBe('UnsupportedMediaType');
  });

  it('answers 400 naming the body to invalid JSON', async () => {
    const res = await request(app()).post('/api/cypher').set('Content-Type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('body');
  });

  it('answers 413 to a body past 5 MB', async () => {
    const res = await request(app()).post('/api/cypher').set('Content-Type', 'application/json').send(`{"query":"${'x'.repeat(6 << 20)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe('PayloadTooLarge');
  });

  it('answers 400 naming body.params to params nested 200,000 deep (no stack overflow)', async () => {
    const depth = 200_000;
    const body = `{"query":"RETURN $a","params":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const res = await request(app()).post('/api/cypher').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('body.params');
  });

  it('answers 404 in JSON to an unknown API route', async () => {
    const res = await request(app()).get('/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});

describe('rate limits', () => {
  const rate = (r: Partial<typeof DEFAULT_RATE_CONFIG>) => app({ rate: { ...DEFAULT_RATE_CONFIG, ...r } });

  it('answers 429 with Retry-After once a client passes the console limit', async () => {
    const a = rate({ console: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await request(a).post('/api/cypher').send({ query: '' })).status);
    expect(codes.slice(0, 2)).toEqual([400, 400]);
    const res = await request(a).post('/api/cypher').send({ query: '' });
    expect(res.status).toBe(429);
    expect(res.body.error.name).toBe('RateLimited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits search (GET /api/actors) but not an actor\'s details', async () => {
    const a = rate({ search: 1 });
    expect((await request(a).get('/api/actors?limit=0')).status).toBe(400);
    expect((await request(a).get('/api/actors?q=x')).status).toBe(429);
    expect((await request(a).get('/api/actors/%E0')).status).toBe(400);
  });

  it('limits every POST under /api/imports, routes added later included', async () => {
    const a = rate({ imports: 1 });
    expect((await request(a).post('/api/imports/some-new-route').send({})).status).toBe(404);
    expect((await request(a).post('/api/imports').send({})).status).toBe(429);
    expect((await request(a).get('/api/imports')).status).not.toBe(429); // reads (progress polling) are not limited
  });
});
