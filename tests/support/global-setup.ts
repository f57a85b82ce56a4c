// Jest global setup: makes sure the tests' Neo4j is up (starting the local test instance if needed), then
// warms it once: the schema and a seed load, so that the first test file does not pay a cold JVM's
// planning and index creation inside its own hook timeout.
import { TEST_INSTANCE, ensure } from '../../neo4j/ctl';
import { resetToSeed, testDb } from './db';

export default async function globalSetup(): Promise<void> {
  if (process.env.MAILLAGE_NO_DB === '1') return; // unit tests only (npm run test:unit)
  if (!process.env.TEST_NEO4J_URI) {
    const { uri, started } = await ensure(TEST_INSTANCE);
    process.env.TEST_NEO4J_URI = uri;
    (globalThis as { __maillageStartedNeo4j?: boolean }).__maillageStartedNeo4j = started;
  }
  const db = testDb();
  try {
    await resetToSeed(db);
  } finally {
    await db.close();
  }
}
