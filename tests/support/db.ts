// Test database helpers: a connection to the tests' Neo4j and a clean, known state per test file.
import path from 'node:path';
import { connect, type Db } from '../../server/db';
import { loadDataset, loadFile, wipeGraph } from '../../server/load';
import { Q } from '../../server/queries';
import type { DatasetInput } from './fixtures';

export const SEED_FILE = path.resolve(__dirname, '..', '..', 'seeds', 'ecosystem.json');

/** Connects to the tests' database (TEST_NEO4J_URI, set by global setup or by the user). */
export function testDb(): Db {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: run the tests through jest (global setup starts the test Neo4j)');
  return connect({
    uri,
    user: process.env.TEST_NEO4J_USER,
    password: process.env.TEST_NEO4J_PASSWORD,
    database: process.env.TEST_NEO4J_DATABASE,
  });
}

/** Empties the database of everything Maillage owns, accounts, sessions and duplicate judgements included (a leftover account would end loopback's local admin). */
export async function wipe(db: Db): Promise<void> {
  await wipeGraph(db);
  await db.write(Q.wipeCuration);
}

/** Empties the database, then loads the seed dataset. */
export async function resetToSeed(db: Db): Promise<void> {
  await wipe(db);
  await loadFile(db, SEED_FILE);
}

/** Empties the database, then loads a fixture dataset. */
export async function resetTo(db: Db, dataset: DatasetInput): Promise<void> {
  await wipe(db);
  await loadDataset(db, dataset);
}
