import { memorySettings, runtimeSettings, storageSettings, toSetting } from '../../neo4j/memory';
import type { Db } from '../../server/db';
import { testDb } from '../support/db';

let db: Db;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.close();
});

// Only a local test instance was started by neo4j/ctl.ts with these settings (the global setup says when it
// uses one); a server named by TEST_NEO4J_URI has its own.
const local = process.env.MAILLAGE_TEST_NEO4J_LOCAL === '1';
const itLocal = local ? it : it.skip;

describe('the local Neo4j', () => {
  itLocal('runs with the page cache and transaction limits neo4j/memory.ts computes', async () => {
    const rows = await db.read(
      "CALL dbms.listConfig() YIELD name, value WHERE name IN ['server.memory.pagecache.size', 'dbms.memory.transaction.total.max', 'db.memory.transaction.max'] RETURN name, value ORDER BY name",
    );
    const m = memorySettings('test');
    const bytes = (v: unknown) => String(v).replace(/\.00MiB$/, 'm').replace(/MiB$/, 'm');
    expect(Object.fromEntries(rows.map((r) => [r.name, bytes(r.value)]))).toEqual({
      'db.memory.transaction.max': toSetting(m.txMax),
      'dbms.memory.transaction.total.max': toSetting(m.txTotal),
      'server.memory.pagecache.size': toSetting(m.pageCache),
    });
  });

  itLocal('keeps its transaction logs as neo4j/memory.ts says: no preallocation, small files, no history', async () => {
    const rows = await db.read(
      "CALL dbms.listConfig() YIELD name, value WHERE name IN ['db.tx_log.preallocate', 'db.tx_log.rotation.size', 'db.tx_log.rotation.retention_policy'] RETURN name, value ORDER BY name",
    );
    const s = storageSettings('test');
    expect(Object.fromEntries(rows.map((r) => [r.name, String(r.value)]))).toEqual({
      'db.tx_log.preallocate': String(s.txLogPreallocate),
      'db.tx_log.rotation.retention_policy': s.txLogRetention,
      'db.tx_log.rotation.size': `${s.txLogRotation / (1024 * 1024)}.00MiB`,
    });
  });

  itLocal('runs the collector and keeps transaction state where neo4j/memory.ts says', async () => {
    const [config] = await db.read("CALL dbms.listConfig() YIELD name, value WHERE name = 'db.tx_state.memory_allocation' RETURN value");
    const rt = runtimeSettings('test');
    expect(String(config.value)).toBe(rt.txState.toUpperCase());
    const beans = await db.read('CALL dbms.queryJmx("java.lang:type=GarbageCollector,*") YIELD name RETURN name');
    // The JVM names its collectors' beans: "PS Scavenge"/"PS MarkSweep" for the parallel one, "G1 …" for G1.
    const names = beans.map((b) => String(b.name)).join(' ');
    expect(names).toMatch(rt.gc === 'parallel' ? /name=PS Scavenge/ : /name=G1 Young Generation/);
  });

  it('stops a query past the per-transaction memory limit, while another query runs on', async () => {
    // Collecting tens of millions of values needs far more than one transaction may use.
    const heavy = db.read('UNWIND range(1, 60000000) AS x RETURN size(collect(toString(x))) AS n').catch((e: unknown) => e);
    const light = await db.read('RETURN 1 AS ok');
    expect(light).toEqual([{ ok: 1 }]);
    const err = await heavy;
    expect(err).toBeInstanceOf(Error);
    expect(String((err as { code?: string }).code)).toMatch(/MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemory/);
  });
});
