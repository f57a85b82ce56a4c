// server/worker-thread.ts with a real thread (tests/support/threads): answers by id, progress, errors, and a
// thread that dies reported with its cause and replaced on the next request.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { WorkerThread, WorkerThreadError } from '../../server/worker-thread';
import type { EchoDone, EchoProgress, EchoRequest } from '../support/threads/echo-worker';

const ENTRY = path.join(__dirname, '..', 'support', 'threads', 'echo-entry.js');

describe('WorkerThread', () => {
  const thread = new WorkerThread<Omit<EchoRequest, 'id'>, EchoDone, EchoProgress>({ entry: ENTRY, name: 'the echo worker', nice: 5 });
  afterAll(() => thread.stop());

  it('answers concurrent requests each with its own answer', async () => {
    const got = await Promise.all([1, 2, 3].map((value) => thread.run({ op: 'echo', value })));
    expect(got.map((m) => m.value)).toEqual([1, 2, 3]);
  });

  it('hands each progress report to its request, before the answer', async () => {
    const steps: number[] = [];
    const done = await thread.run({ op: 'progress', value: 9 }, (p) => steps.push(p.step));
    expect(steps).toEqual([1, 2, 3]);
    expect(done.value).toBe(9);
  });

  it("rejects with the thread's error and keeps serving", async () => {
    await expect(thread.run({ op: 'throw', value: 4 })).rejects.toThrow('refused 4');
    expect((await thread.run({ op: 'echo', value: 5 })).value).toBe(5);
  });

  it('runs the thread at the nice value asked (Linux)', async () => {
    expect((await thread.run({ op: 'nice' })).value).toBe(process.platform === 'linux' ? 5 : 0);
  });

  it('reports a process.exit inside the thread with its code and caller, then starts a new thread', async () => {
    const err = await thread.run({ op: 'exit', value: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerThreadError);
    expect((err as WorkerThreadError).stopped).toBe(false);
    expect((err as Error).message).toMatch(/^the echo worker called process\.exit\(3\) at .*echo-worker\.ts/);
    expect((await thread.run({ op: 'echo', value: 6 })).value).toBe(6);
  });

  it('reports an uncaught error that ends the thread with its message', async () => {
    await expect(thread.run({ op: 'crash' })).rejects.toThrow(/^the echo worker crashed: uncaught in the thread/);
    expect((await thread.run({ op: 'echo', value: 7 })).value).toBe(7);
  });

  it('rejects what is pending when stopped, saying so', async () => {
    const own = new WorkerThread<Omit<EchoRequest, 'id'>, EchoDone, EchoProgress>({ entry: ENTRY, name: 'the echo worker' });
    await own.run({ op: 'echo' });
    const pending = own.run({ op: 'crash' }).catch((e: unknown) => e);
    own.stop();
    const err = (await pending) as WorkerThreadError;
    expect([err.stopped, err.message]).toEqual([true, 'the echo worker was stopped before it finished']);
  });

  it("answers a request sent while a stopped thread is still ending (the old thread's exit fails only its own)", async () => {
    const own = new WorkerThread<Omit<EchoRequest, 'id'>, EchoDone, EchoProgress>({ entry: ENTRY, name: 'the echo worker' });
    await own.run({ op: 'echo' });
    own.stop();
    expect((await own.run({ op: 'echo', value: 8 })).value).toBe(8);
    own.stop();
  });

  it('never keeps a process alive once its thread is idle', () => {
    const script = path.join(__dirname, '..', 'support', 'threads', 'run-once.ts');
    // The timeout only ends a process that would hang: the test fails on its signal, not on a duration.
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect([r.signal, r.status, r.stdout.trim()]).toEqual([null, 0, 'answered 11']);
  });
});
