// Accounts on the real Neo4j: sign-in, roles, CSRF on a session's writes, private reads, rate-limited sign-in, the CLI.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { createUser, listUsers } from '../../../server/auth/accounts';
import type { Db } from '../../../server/db';
import { resetTo, testDb, wipe } from '../../support/db';
import { actor, dataset } from '../../support/fixtures';

const ORIGIN = 'http://maillage.example';
let db: Db;

beforeAll(async () => {
  db = testDb();
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});
beforeEach(async () => {
  await resetTo(db, dataset([actor('a')], []));
});

// The pages' origin is the server's configured public name (cross-origin writes are refused otherwise).
const exposed = (extra: object = {}) => createApp(db, { auth: { host: '0.0.0.0', ...extra }, service: { allowedHosts: ['maillage.example'] } });

/** Signs in through the API like the client does: GET /api/session for the CSRF cookie and token, then POST. */
async function signIn(app: ReturnType<typeof createApp>, name: string, password: string) {
  const agent = request.agent(app);
  const s = await agent.get('/api/session');
  const res = await agent.post('/api/session').set('Origin', ORIGIN).set('X-CSRF-Token', s.body.csrfToken).send({ name, password });
  return { agent, res, csrf: res.body.csrfToken as string };
}

describe('signing in (POST /api/session)', () => {
  beforeEach(async () => {
    await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
    await createUser(db, { name: 'victor', role: 'viewer', password: 'victor-password' });
  });

  it('opens a session in an HttpOnly, SameSite=Strict cookie and answers who is signed in', async () => {
    const { agent, res } = await signIn(exposed(), 'alice', 'alice-password');
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ name: 'alice', role: 'admin', via: 'session' });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('maillage_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const who = await agent.get('/api/session');
    expect(who.body.user.name).toBe('alice');
  });

  it('refuses a wrong password and an unknown name alike (401 InvalidCredentials)', async () => {
    for (const [name, password] of [['alice', 'wrong-password'], ['nobody', 'alice-password']]) {
      const { res } = await signIn(exposed(), name, password);
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('InvalidCredentials');
    }
  });

  it('refuses a browser\'s sign-in without the CSRF token', async () => {
    const res = await request(exposed()).post('/api/session').set('Origin', ORIGIN).send({ name: 'alice', password: 'alice-password' });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('CsrfTokenInvalid');
  });

  it('answers 429 with Retry-After once the failed attempts on one account pass the limit', async () => {
    const app = exposed({ loginAttempts: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(app).post('/api/session').send({ name: 'alice', password: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await request(app).post('/api/session').send({ name: 'alice', password: 'alice-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.name).toBe('TooManyRequests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('ends the session on sign-out (DELETE /api/session): the cookie no longer writes', async () => {
    const { agent, csrf } = await signIn(exposed(), 'alice', 'alice-password');
    const out = await agent.delete('/api/session').set('Origin', ORIGIN).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(200);
    expect(out.body.user.via).toBe('anonymous');
    const res = await agent.post('/api/users').set('Origin', ORIGIN).set('X-CSRF-Token', out.body.csrfToken)
      .send({ name: 'eve', role: 'editor', password: 'eve-password-1' });
    expect(res.status).toBe(401);
  });
});

describe('roles and CSRF on writes', () => {
  beforeEach(async () => {
    await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
    await createUser(db, { name: 'victor', role: 'viewer', password: 'victor-password' });
  });
  const newUser = { name: 'eve', role: 'editor', password: 'eve-password-1' };

  it('refuses an exposed server\'s anonymous write with 401', async () => {
    const res = await request(exposed()).post('/api/users').send(newUser);
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationRequired');
  });

  it('refuses a viewer\'s write with 403', async () => {
    const { agent, csrf } = await signIn(exposed(), 'victor', 'victor-password');
    const res = await agent.post('/api/users').set('Origin', ORIGIN).set('X-CSRF-Token', csrf).send(newUser);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ name: 'Forbidden', details: { needed: 'admin', role: 'viewer' } });
  });

  it('lets an admin write with the CSRF token, and refuses the same write without it', async () => {
    const { agent, csrf } = await signIn(exposed(), 'alice', 'alice-password');
    const without = await agent.post('/api/users').send(newUser);
    expect(without.status).toBe(403);
    expect(without.body.error.name).toBe('CsrfTokenInvalid');
    const res = await agent.post('/api/users').set('Origin', ORIGIN).set('X-CSRF-Token', csrf).send(newUser);
    expect(res.status).toBe(201);
    expect((await listUsers(db)).map((u) => u.name)).toContain('eve');
  });

  it('ends the local admin on loopback once an account exists: anonymous writes need a sign-in', async () => {
    const res = await request(createApp(db)).post('/api/users').send(newUser);
    expect(res.status).toBe(401);
    const s = await request(createApp(db)).get('/api/session');
    expect(s.body).toMatchObject({ user: { via: 'anonymous' }, loginRequired: true });
  });

  it('refuses to demote or remove the last admin through the API (409 LastAdmin)', async () => {
    const { agent, csrf } = await signIn(exposed(), 'alice', 'alice-password');
    const res = await agent.delete('/api/users/alice').set('Origin', ORIGIN).set('X-CSRF-Token', csrf);
    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('LastAdmin');
  });

  it('lets an account change its own password, which ends its sessions', async () => {
    const { agent, csrf } = await signIn(exposed(), 'victor', 'victor-password');
    const res = await agent.patch('/api/users/victor').set('Origin', ORIGIN).set('X-CSRF-Token', csrf).send({ password: 'victor-new-password' });
    expect(res.status).toBe(200);
    expect((await agent.get('/api/session')).body.user.via).toBe('anonymous');
    expect((await signIn(exposed(), 'victor', 'victor-new-password')).res.status).toBe(200);
  });

  it('refuses a viewer changing its own role', async () => {
    const { agent, csrf } = await signIn(exposed(), 'victor', 'victor-password');
    const res = await agent.patch('/api/users/victor').set('Origin', ORIGIN).set('X-CSRF-Token', csrf).send({ role: 'admin' });
    expect(res.status).toBe(403);
  });
});

describe('MAILLAGE_PUBLIC_READ=false', () => {
  beforeEach(async () => {
    await createUser(db, { name: 'victor', role: 'viewer', password: 'victor-password' });
  });

  it('refuses anonymous reads but keeps /api/health and /api/session open; a signed-in viewer reads', async () => {
    const app = exposed({ publicRead: false });
    const anon = await request(app).get('/api/graph');
    expect(anon.status).toBe(401);
    expect(anon.body.error.name).toBe('AuthenticationRequired');
    expect((await request(app).get('/api/health')).status).toBe(200);
    expect((await request(app).get('/api/session')).body.publicRead).toBe(false);
    const { agent } = await signIn(app, 'victor', 'victor-password');
    const res = await agent.get('/api/graph');
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n: { id: string }) => n.id)).toEqual(['a']);
  });

  it('answers anonymous reads by default', async () => {
    expect((await request(exposed()).get('/api/graph')).status).toBe(200);
  });
});

describe('npm run user', () => {
  const run = promisify(execFile);
  const ROOT = path.resolve(__dirname, '..', '..', '..');
  const user = (args: string[], input?: string) => {
    const child = run('npx', ['tsx', 'server/cli/user.ts', ...args], { cwd: ROOT, env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI } });
    if (input !== undefined) { child.child.stdin?.end(input); }
    return child;
  };

  it('adds, lists, changes the password of and removes an account', async () => {
    await user(['add', 'carla', '--role', 'editor', '--password-stdin'], 'carla-password\n');
    expect((await user(['list'])).stdout).toMatch(/^carla\teditor\t/m);
    await user(['passwd', 'carla', '--password-stdin'], 'carla-password-2\n');
    expect((await signIn(exposed(), 'carla', 'carla-password-2')).res.status).toBe(200);
    await user(['remove', 'carla']);
    expect(await listUsers(db)).toEqual([]);
  });

  it('refuses a short password with a message and exit code 2', async () => {
    await expect(user(['add', 'dan', '--password-stdin'], 'short\n')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/at least 10 characters/) });
  });
});
