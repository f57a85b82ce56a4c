// requireRole without accounts: the local single user on loopback is admin, the admin token is admin anywhere, others are viewers; browsers' writes need the CSRF token.
import express from 'express';
import request from 'supertest';
import { createAuth, principal, requireRole, type AuthConfig } from '../../../server/auth';

const TOKEN = 'a-long-enough-admin-token';

function app(cfg: AuthConfig) {
  const a = express();
  a.use(express.json());
  const auth = createAuth(undefined, cfg);
  a.use(auth.authenticate);
  a.use(auth.routes);
  a.post('/write', requireRole('editor'), (_req, res) => { res.json({ by: principal(res).name }); });
  a.use(((err, _req, res, _next) => { res.status(err.status).json({ name: err.name }); }) as express.ErrorRequestHandler);
  return a;
}

describe('requireRole', () => {
  it('lets the local user write when the server listens on loopback, recorded as "local"', async () => {
    const res = await request(app({ host: '127.0.0.1' })).post('/write');
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('local');
  });

  it('refuses an anonymous write with 401 when the server listens on another interface', async () => {
    const res = await request(app({ host: '0.0.0.0', adminToken: TOKEN })).post('/write');
    expect(res.status).toBe(401);
    expect(res.body.name).toBe('AuthenticationRequired');
  });

  it('accepts the admin token on any interface, recorded as "token", without a CSRF token', async () => {
    const res = await request(app({ host: '0.0.0.0', adminToken: TOKEN })).post('/write')
      .set('Authorization', `Bearer ${TOKEN}`).set('Origin', 'http://elsewhere.example');
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('token');
  });

  it('refuses a wrong token', async () => {
    const res = await request(app({ host: '0.0.0.0', adminToken: TOKEN })).post('/write').set('Authorization', 'Bearer nope-nope-nope-nope');
    expect(res.status).toBe(401);
  });
});

describe('CSRF on the local user\'s writes', () => {
  it('refuses a browser\'s write (it sends Origin) without the token', async () => {
    const res = await request(app({ host: '127.0.0.1' })).post('/write').set('Origin', 'http://127.0.0.1:3000');
    expect(res.status).toBe(403);
    expect(res.body.name).toBe('CsrfTokenInvalid');
  });

  it('accepts it with the token and cookie GET /api/session gave', async () => {
    const agent = request.agent(app({ host: '127.0.0.1' }));
    const s = await agent.get('/session');
    expect(s.body.user).toEqual({ name: 'local', role: 'admin', via: 'local' });
    expect(s.body.loginRequired).toBe(false);
    const res = await agent.post('/write').set('Origin', 'http://127.0.0.1:3000').set('X-CSRF-Token', s.body.csrfToken);
    expect(res.status).toBe(200);
  });

  it('refuses a token that does not match the cookie', async () => {
    const agent = request.agent(app({ host: '127.0.0.1' }));
    await agent.get('/session');
    const other = await request(app({ host: '127.0.0.1' })).get('/session');
    const res = await agent.post('/write').set('Origin', 'http://127.0.0.1:3000').set('X-CSRF-Token', other.body.csrfToken);
    expect(res.status).toBe(403);
  });

  it('sets the CSRF cookie HttpOnly and SameSite=Strict', async () => {
    const s = await request(app({ host: '127.0.0.1' })).get('/session');
    const cookie = ([] as string[]).concat(s.headers['set-cookie'] ?? []).find((c) => c.startsWith('maillage_csrf='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});
