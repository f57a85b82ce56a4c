// The launcher never hands the tests or benches (which wipe their database) a database this checkout did not start.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensure, ForeignDatabaseError, type Instance } from '../../neo4j/ctl';

const ROOT = path.resolve(__dirname, '..', '..');
let server: net.Server;
let port: number;

// Anything answering on the port stands for "a Neo4j someone else started": ensure only probes the port.
beforeAll(async () => {
  server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('ensure, when the port already answers', () => {
  it("refuses a test instance it did not start, naming the ways out", async () => {
    const i: Instance = { name: `neo4j-ctl-test-${port}`, port, profile: 'test' };
    await expect(ensure(i)).rejects.toThrow(new RegExp(`port ${port} .*did not start.*MAILLAGE_TEST_NEO4J_PORT.*TEST_NEO4J_URI`));
  });

  it('refuses a bench instance it did not start', async () => {
    await expect(ensure({ name: `neo4j-ctl-bench-${port}`, port, profile: 'bench' })).rejects.toThrow('MAILLAGE_BENCH_NEO4J_PORT');
    await expect(ensure({ name: `neo4j-ctl-bench-${port}`, port, profile: 'bench' })).rejects.toBeInstanceOf(ForeignDatabaseError);
  });

  it("lets the app share a database that is already up (the app never wipes)", async () => {
    await expect(ensure({ name: `neo4j-ctl-app-${port}`, port, profile: 'app' })).resolves.toEqual({ uri: `bolt://127.0.0.1:${port}`, started: false });
  });

  it('reuses a test instance whose pid file names a live process of this checkout', async () => {
    const name = `neo4j-ctl-mine-${port}`;
    const pidFile = path.join(ROOT, '.data', `${name}.pid`);
    fs.mkdirSync(path.dirname(pidFile), { recursive: true });
    fs.writeFileSync(pidFile, String(process.pid)); // jest runs from the checkout's root, like the launcher's Java
    try {
      expect(fs.realpathSync(process.cwd())).toBe(fs.realpathSync(ROOT));
      await expect(ensure({ name, port, profile: 'test' })).resolves.toMatchObject({ started: false });
    } finally {
      fs.rmSync(pidFile, { force: true });
    }
  });
});
