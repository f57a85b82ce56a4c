// Jest global teardown: stops the test Neo4j only if global setup started it.
import { TEST_INSTANCE, stop } from '../../neo4j/ctl';

export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { __maillageStartedNeo4j?: boolean }).__maillageStartedNeo4j) await stop(TEST_INSTANCE);
}
