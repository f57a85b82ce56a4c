// The hubs' details kept per graph version (server/graph/hub-details.ts): the same answer as the route reads, served
// without reading while the version holds, and never after a write.
import request from 'supertest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { GraphDigests } from '../../../server/graph/digest';
import { HubDetails } from '../../../server/graph/hub-details';
import { loadDataset } from '../../../server/load';
import { Q } from '../../../server/queries';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { generatedDataset } from '../../support/generated';

let db: Db;
const NAMES = new Map(Object.entries(Q).map(([name, text]) => [text, name]));

/** The real database, each read noted by its query file's name. */
function recording(reads: string[]): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'read') return Reflect.get(target, key) as unknown;
      return (query: string, ...rest: unknown[]) => { reads.push(NAMES.get(query) ?? query); return target.read(query, ...(rest as [])); };
    },
  });
}

// Two hubs tied to 60 and 45 generated actors (more than any generated actor has), with amounts and dates.
const hubs = dataset(
  [actor('hub-a', 'public_body'), actor('hub-b', 'investor')],
  [
    ...Array.from({ length: 60 }, (_, i) => rel('FUNDS', 'hub-a', `g-${String(i * 3).padStart(5, '0')}`, { amount: ((i % 7) + 1) * 1000, date: `20${10 + (i % 9)}-01-01` })),
    ...Array.from({ length: 45 }, (_, i) => rel('PILOTS', 'hub-b', `g-${String(i * 4 + 1).padStart(5, '0')}`)),
  ],
);

beforeAll(async () => {
  db = testDb();
  await resetTo(db, generatedDataset(300, 600));
  await loadDataset(db, hubs);
});
afterAll(async () => { await db.close(); });

describe('HubDetails', () => {
  it('serves the hubs\' details as the route reads them, without reading, until a write', async () => {
    const reads: string[] = [];
    const on = recording(reads);
    const kept = new HubDetails(on, new GraphDigests(on), { minTies: 40, limits: [5, 25] });
    await kept.check();
    expect(kept.keptIds.sort()).toEqual(['hub-a', 'hub-b']);
    const withHubs = createApp(on, { hubs: kept });
    const plain = createApp(db);
    for (const url of ['/api/actors/hub-a?limit=5', '/api/actors/hub-a?limit=25', '/api/actors/hub-b?limit=25']) {
      reads.length = 0;
      const served = await request(withHubs).get(url).expect(200);
      expect(reads.filter((r) => r !== 'userCount')).toEqual(['graphVersion']); // (userCount: the auth's)
      expect(served.body).toEqual((await request(plain).get(url).expect(200)).body);
    }
    // A limit not kept, or an actor with fewer ties, is read.
    reads.length = 0;
    await request(withHubs).get('/api/actors/hub-a?limit=7').expect(200);
    expect(reads).toContain('actor');

    // A write: the kept details are of an older graph, no longer served.
    await loadDataset(db, dataset([], [rel('FUNDS', 'hub-a', 'g-00299', { amount: 99_000_000 })]));
    reads.length = 0;
    const after = await request(withHubs).get('/api/actors/hub-a?limit=5').expect(200);
    expect(reads).toContain('actor');
    expect(after.body.relationships[0].other.id).toBe('g-00299');
    expect(after.body.relationshipCounts).toContainEqual({ type: 'FUNDS', direction: 'out', total: 61, shown: 5 });
    // Computed again for the new version.
    await kept.check();
    reads.length = 0;
    expect((await request(withHubs).get('/api/actors/hub-a?limit=5').expect(200)).body).toEqual(after.body);
    expect(reads.filter((r) => r !== 'userCount')).toEqual(['graphVersion']); // (userCount: the auth's)
    expect(kept.runs).toBe(2);
  });

  it('keeps no actor below the threshold, and nothing when no actor reaches it', async () => {
    const kept = new HubDetails(db, new GraphDigests(db), { minTies: 50 });
    await kept.check();
    expect(kept.keptIds).toEqual(['hub-a']);
    const none = new HubDetails(db, new GraphDigests(db), { minTies: 1_000 });
    await none.check();
    expect(none.keptIds).toEqual([]);
    expect(await none.get('hub-a', 25)).toBeUndefined();
  });
});
