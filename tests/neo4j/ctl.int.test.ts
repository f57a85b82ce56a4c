// A local Neo4j that cannot start says why and goes away, instead of leaving the caller waiting for a ready line.
import fs from 'node:fs';
import path from 'node:path';
import { ensure, stop, type Instance } from '../../neo4j/ctl';
import { freePort } from '../support/ports';

const ROOT = path.resolve(__dirname, '..', '..');

describe('ensure, when the database cannot start', () => {
  let i: Instance;
  beforeAll(async () => {
    const port = await freePort();
    i = { name: `neo4j-ctl-broken-${port}`, port, profile: 'test' };
  });
  afterAll(async () => {
    await stop(i);
    fs.rmSync(path.join(ROOT, '.data', i.name), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.data', `${i.name}.log`), { force: true });
  });

  it('rejects with Neo4j\'s own reason and leaves no process behind', async () => {
    // A store that Neo4j created, then lost a file: the default database fails to start (as on a full disk),
    // while the DBMS itself is up, and Neo4j's threads would keep the JVM alive without a word.
    await expect(ensure(i)).resolves.toMatchObject({ started: true });
    await stop(i);
    fs.rmSync(path.join(ROOT, '.data', i.name, 'data', 'databases', 'neo4j', 'neostore.nodestore.db'));
    const err: unknown = await ensure(i, 120_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/exited before it was ready/);
    expect((err as Error).message).toMatch(/failed to start: .*neostore\.nodestore\.db.*missing/);
    expect(fs.existsSync(path.join(ROOT, '.data', `${i.name}.pid`))).toBe(false);
  }, 240_000);
});
