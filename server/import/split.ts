// A large relationships CSV planned in parts: the file cut into byte ranges at record boundaries, each range read,
// validated, resolved and hashed by a worker thread (split-worker.ts), the results handed back in file order for
// the planner to merge (plan.ts), which keeps what needs the whole input (duplicates across ranges, counts).
import os from 'node:os';
import path from 'node:path';
import type { ByteRange } from './read/csv';
import { openSession, planRange, type RangeResult, type SplitRequest, type SplitSetup } from './split-worker';
import { WorkerThread } from '../worker-thread';

export interface SplitOptions {
  /** Relationship rows below which a file is planned in one piece (threads cost ~1 s to start). */
  minRows: number;
  /** Bytes per range (ranges are handed to the threads in order, several per thread). */
  rangeBytes: number;
  /** Worker threads beside the planner, which plans ranges too (0: no split). */
  threads: number;
  /**
   * Also when the import writes ties the graph does not hold (more than half of them): off by default, as the
   * threads' heaps come on top of the import's own (its 1M new ties) and the 1.5 GB budget (bench/README.md).
   */
  newTies: boolean;
}

/** Defaults; MAILLAGE_IMPORT_SPLIT_ROWS and MAILLAGE_IMPORT_SPLIT_BYTES override the first two (tests, tuning). */
export const SPLIT_DEFAULTS: SplitOptions = {
  minRows: envNumber('MAILLAGE_IMPORT_SPLIT_ROWS') ?? 200_000,
  rangeBytes: envNumber('MAILLAGE_IMPORT_SPLIT_BYTES') ?? 16 << 20,
  threads: Math.min(4, os.availableParallelism() - 1),
  newTies: false,
};

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not « ${v} »`);
  return n;
}

const ENTRY = path.join(__dirname, 'split-worker-entry.js');

/** A range's result, or where the planner must read on by itself (a thread gave up, or died). */
export type RangeOutcome = { range: ByteRange; result: RangeResult } | { range: ByteRange; gaveUp: string };

/**
 * Plans `ranges` on `threads` worker threads and in the calling thread, yielding the results in file order.
 * Whoever is free takes the next range: the caller plans one whenever the next result it needs is not there
 * yet (on two cores, one thread beside it uses both). The first range given up on ends it (the planner reads
 * on from there, by itself).
 */
export async function* planRanges(setup: Omit<SplitSetup, 'abort'>, ranges: ByteRange[], threads: number): AsyncGenerator<RangeOutcome> {
  const abort = new Int32Array(new SharedArrayBuffer(4));
  /** The next range nobody has taken. */
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const pool = Array.from({ length: threads }, (_, t) => new WorkerThread<SplitRequest, { result?: RangeResult }>({ entry: ENTRY, name: `the import's split thread ${t + 1}`, youngGenerationMb: 64, oldGenerationMb: 384 }));
  const done = ranges.map(() => {
    const d = { settled: false } as { settled: boolean; promise: Promise<RangeResult>; resolve: (r: RangeResult) => void; reject: (e: unknown) => void };
    d.promise = new Promise<RangeResult>((res, rej) => {
      d.resolve = (r) => [(d.settled = true), res(r)];
      d.reject = (e) => [(d.settled = true), rej(e)];
    });
    d.promise.catch(() => undefined);
    return d;
  });
  const runner = async (t: number) => {
    const w = pool[t];
    await w.run({ thread: t, type: 'setup', setup: { ...setup, abort } });
    for (;;) {
      if (Atomics.load(abort, 0)) return;
      const i = Atomics.add(claim, 0, 1);
      if (i >= ranges.length) return;
      try {
        const r = await w.run({ thread: t, type: 'range', index: i, range: ranges[i], sample: 10 });
        done[i].resolve(r.result!);
      } catch (e) {
        Atomics.store(abort, 0, 1);
        done[i].reject(e);
      }
    }
  };
  const runners = pool.map((_, t) =>
    runner(t).catch((e: unknown) => {
      // A thread that could not start (not one stopped because the work was done): the others and the planner take its share.
      if (!Atomics.load(abort, 0)) process.emitWarning(`the import's split thread ${t + 1} did not start: ${e instanceof Error ? e.message : String(e)}`);
    }),
  );
  const local = openSession({ ...setup, abort }, threads);
  try {
    for (let i = 0; i < ranges.length; i++) {
      // While the next result is not there, plan the next range nobody has taken.
      while (!done[i].settled) {
        const j = Atomics.load(abort, 0) ? ranges.length : Atomics.add(claim, 0, 1);
        if (j >= ranges.length) {
          await done[i].promise.catch(() => undefined);
          break;
        }
        done[j].resolve(await planRange(local, ranges[j], 10));
      }
      let result: RangeResult;
      try {
        result = await done[i].promise;
      } catch (e) {
        yield { range: ranges[i], gaveUp: e instanceof Error ? e.message : String(e) };
        return;
      }
      if (result.gaveUp) {
        yield { range: ranges[i], gaveUp: result.gaveUp };
        return;
      }
      yield { range: ranges[i], result };
    }
  } finally {
    Atomics.store(abort, 0, 1);
    // Ranges not yet taken are never taken; a thread still on one ends with it.
    for (const w of pool) w.stop();
    await Promise.allSettled(runners);
  }
}
