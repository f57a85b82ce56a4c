// requireRole: the local single user on loopback is admin, the admin token is admin anywhere, others are viewers.
import express from 'express';
import request from 'supertest';
import { authenticate, principal, requireRole, type AuthConfig } from '../../../server/auth';

const TOKEN = 'a-long-enough-admin-token';

function app(cfg: AuthConfig) {
  const a = express();
  a.use(authenticate(cfg));
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

  it('accepts the admin token on any interface, recorded as "token"', async () => {
    const res = await request(app({ host: '0.0.0.0', adminToken: TOKEN })).post('/write').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('token');
  });

  it('refuses a wrong token', async () => {
    const res = await request(app({ host: '0.0.0.0', adminToken: TOKEN })).post('/write').set('Authorization', 'Bearer nope-nope-nope-nope');
    expect(res.status).toBe(401);
  });
});
