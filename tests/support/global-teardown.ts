// Jest global teardown: stops the test Neo4j only if global setup started it, and removes the folder of a
// fallback instance on a free port (a new one each time: kept, they would pile up).
import fs from 'node:fs';
import path from 'node:path';
import { TEST_INSTANCE, stop, type Instance } from '../../neo4j/ctl';

const ROOT = path.resolve(__dirname, '..', '..');

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as { __maillageTestNeo4j?: { instance: Instance; started: boolean } }).__maillageTestNeo4j;
  if (!local?.started) return;
  await stop(local.instance);
  if (local.instance.name !== TEST_INSTANCE.name) {
    fs.rmSync(path.join(ROOT, '.data', local.instance.name), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.data', `${local.instance.name}.log`), { force: true });
  }
}
