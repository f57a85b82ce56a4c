// Jest global setup: makes sure the tests' Neo4j is up (starting the local test instance if needed).
import { TEST_INSTANCE, ensure } from '../../neo4j/ctl';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_NEO4J_URI) return; // an external server chosen by the user; nothing to start
  if (process.env.MAILLAGE_NO_DB === '1') return; // unit tests only (npm run test:unit)
  const { uri, started } = await ensure(TEST_INSTANCE);
  process.env.TEST_NEO4J_URI = uri;
  (globalThis as { __maillageStartedNeo4j?: boolean }).__maillageStartedNeo4j = started;
}
