// A script that asks the echo thread once and then has nothing left to do: its process must end on its own
// (an idle worker thread never keeps it alive). Run by tests/server/worker-thread.test.ts.
import path from 'node:path';
import { WorkerThread } from '../../../server/worker-thread';

const thread = new WorkerThread<{ op: 'echo'; value: number }, { value: number }>({ entry: path.join(__dirname, 'echo-entry.js'), name: 'the echo worker', nice: 5 });
void thread.run({ op: 'echo', value: 11 }).then((m) => console.log(`answered ${m.value}`));
