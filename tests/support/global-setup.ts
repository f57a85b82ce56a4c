// Jest global setup: makes sure the tests' Neo4j is up (starting the local test instance if needed), then
// warms it once: the schema and a seed load, so that the first test file does not pay a cold JVM's
// planning and index creation inside its own hook timeout.
import fs from 'node:fs';
import path from 'node:path';
import { ForeignDatabaseError, TEST_INSTANCE, ensure, type Instance } from '../../neo4j/ctl';
import { resetToSeed, testDb } from './db';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The local test instance, or — when it cannot start (its port taken by something that is not a Neo4j, its
 * folder damaged by a killed run) — a fresh one on a free port. Either way its data is the tests' own, wiped
 * at will. A database this checkout did not start is never a reason to go elsewhere: that error stands.
 */
async function startLocal(): Promise<{ instance: Instance; uri: string; started: boolean }> {
  try {
    return { instance: TEST_INSTANCE, ...(await ensure(TEST_INSTANCE)) };
  } catch (e) {
    if (e instanceof ForeignDatabaseError) throw e;
    process.stderr.write(`[tests] the test Neo4j on port ${TEST_INSTANCE.port} did not start:\n${e instanceof Error ? e.message : String(e)}\n[tests] trying a fresh instance on a free port\n`);
    const port = await freePort();
    const instance: Instance = { name: `neo4j-test-${port}`, port, profile: 'test' };
    fs.rmSync(path.join(ROOT, '.data', instance.name), { recursive: true, force: true });
    return { instance, ...(await ensure(instance)) };
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MAILLAGE_NO_DB === '1') return; // unit tests only (npm run test:unit)
  if (!process.env.TEST_NEO4J_URI) {
    const { instance, uri, started } = await startLocal();
    process.env.TEST_NEO4J_URI = uri;
    // Tests of the local instance's own settings (tests/neo4j/limits.int.test.ts) read this.
    process.env.MAILLAGE_TEST_NEO4J_LOCAL = '1';
    (globalThis as { __maillageTestNeo4j?: { instance: Instance; started: boolean } }).__maillageTestNeo4j = { instance, started };
  }
  const db = testDb();
  try {
    await resetToSeed(db);
  } finally {
    await db.close();
  }
}
