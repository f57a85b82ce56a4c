// A worker thread for the tests of server/worker-thread.ts: echoes, reports progress, fails, exits, crashes.
import os from 'node:os';
import fs from 'node:fs';
import { serveRequests } from '../../../server/worker-thread';

export type EchoRequest = { id: number; op: 'echo' | 'progress' | 'throw' | 'exit' | 'crash' | 'nice'; value?: number };
export type EchoDone = { value: number };
export type EchoProgress = { step: number };

serveRequests<EchoRequest, EchoDone, EchoProgress>(async (req, progress) => {
  switch (req.op) {
    case 'progress':
      for (let step = 1; step <= 3; step++) progress({ step });
      return { reply: { value: req.value ?? 0 } };
    case 'throw':
      throw new Error(`refused ${req.value}`);
    case 'exit':
      process.exit(req.value ?? 1);
      break;
    case 'crash':
      // Thrown outside the request's promise: an uncaught exception that ends the thread.
      setTimeout(() => { throw new Error('uncaught in the thread'); }, 0);
      return new Promise(() => undefined);
    case 'nice':
      return { reply: { value: os.getPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop())) } };
  }
  return { reply: { value: req.value ?? 0 } };
});
