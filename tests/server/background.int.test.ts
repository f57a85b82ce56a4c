// server/background.ts on the real graph version: a computation whose worker thread dies is started again in
// a new thread (twice at most), and a computation that keeps failing says so, with its cause.
import path from 'node:path';
import { BackgroundComputation } from '../../server/background';
import type { Db } from '../../server/db';
import { graphVersion } from '../../server/graph/version';
import { WorkerThread } from '../../server/worker-thread';
import { resetToSeed, testDb } from '../support/db';
import type { EchoDone, EchoRequest } from '../support/threads/echo-worker';
import { waitFor } from '../support/wait';

const ENTRY = path.join(__dirname, '..', 'support', 'threads', 'echo-entry.js');

let db: Db;
const thread = new WorkerThread<Omit<EchoRequest, 'id'>, EchoDone>({ entry: ENTRY, name: 'the echo worker' });
beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
});
afterAll(async () => {
  thread.stop();
  await db.close();
});

/** A computation whose first `crashes` runs end their thread (process.exit), the later ones answer 42. */
function job(crashes: number) {
  let runs = 0;
  const computation = new BackgroundComputation<number>(db, async () => {
    const version = await graphVersion(db);
    runs += 1;
    const m = await thread.run(runs <= crashes ? { op: 'exit', value: 7 } : { op: 'echo', value: 42 });
    return { version, value: m.value };
  }, { name: 'test', waitMs: 0 });
  return { computation, runs: () => runs };
}

describe('BackgroundComputation', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => { errors = jest.spyOn(console, 'error').mockImplementation(() => undefined); });
  afterEach(() => errors.mockRestore());

  it('starts a computation whose thread died again, and is fresh once one ends well', async () => {
    const { computation, runs } = job(2);
    const first = await computation.state();
    expect([first.status, first.result]).toEqual(['computing', undefined]);
    const done = await waitFor(() => computation.state(), (s) => s.status !== 'computing');
    expect(done).toMatchObject({ status: 'fresh', result: { value: 42, version: done.graphVersion } });
    expect(runs()).toBe(3);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/test computation failed, starting it again: the echo worker called process\.exit\(7\)/),
      expect.stringMatching(/test computation failed, starting it again: the echo worker called process\.exit\(7\)/),
    ]);
  });

  it('says "failed" with the cause when the thread dies three times in a row', async () => {
    const { computation, runs } = job(10);
    const failed = await waitFor(() => computation.state(), (s) => s.status === 'failed');
    expect(failed.error).toMatch(/^the echo worker called process\.exit\(7\) at /);
    expect(runs()).toBe(3);
  });
});
