// Every cypher/examples/*.cypher is a read-only query that answers something on the seed data.
import type { Db } from '../../server/db';
import { loadExamples } from '../../server/cypher/examples';
import { resetToSeed, testDb } from '../support/db';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
});
afterAll(async () => { await db.close(); });

const examples = loadExamples();

describe('cypher/examples', () => {
  it('holds the ready-made questions', () => {
    expect(examples.length).toBeGreaterThanOrEqual(18);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s is read-only and returns rows on the seeds', async (_id, e) => {
    const plan = await db.explain(e.query, e.params ?? {}, 10_000);
    expect(plan.queryType).toBe('r');
    // A read session: the server itself would refuse a write.
    const { rows } = await db.runConsole(e.query, e.params ?? {}, { timeoutMs: 10_000, maxRows: 1000, maxBytes: 5_000_000, write: false });
    expect(rows.length).toBeGreaterThan(0);
  });
});
