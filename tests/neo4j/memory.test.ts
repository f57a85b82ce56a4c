import { memorySettings, parseSize, runtimeSettings, storageSettings, toSetting } from '../../neo4j/memory';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe('parseSize', () => {
  it.each([
    ['6g', 6 * GB],
    ['512m', 512 * MB],
    ['512', 512 * MB],
    ['1.5G', 1.5 * GB],
    ['2048k', 2 * MB],
  ])('reads %s', (text, bytes) => {
    expect(parseSize(text, 'X')).toBe(bytes);
  });

  it('names the variable when the value is not a size', () => {
    expect(() => parseSize('lots', 'MAILLAGE_NEO4J_HEAP')).toThrow('MAILLAGE_NEO4J_HEAP=lots');
  });
});

describe('memorySettings', () => {
  it('gives the app a quarter of the RAM as heap and an eighth as page cache on a 24 GB machine', () => {
    const m = memorySettings('app', {}, 24 * GB);
    expect([m.heap, m.pageCache, m.txTotal, m.txMax].map(toSetting)).toEqual(['6144m', '3072m', '3072m', '1536m']);
  });

  it('keeps within 1–8 GB of heap on small and large machines', () => {
    expect(memorySettings('app', {}, 2 * GB).heap).toBe(GB);
    expect(memorySettings('bench', {}, 256 * GB).heap).toBe(8 * GB);
    expect(memorySettings('app', {}, 8 * GB)).toMatchObject({ heap: 2 * GB, pageCache: GB });
  });

  it('gives the tests a small instance whatever the machine', () => {
    expect(memorySettings('test', {}, 64 * GB)).toEqual({ heap: GB, pageCache: 256 * MB, txTotal: 512 * MB, txMax: 256 * MB });
  });

  it("reads each profile's own variables", () => {
    const env = { MAILLAGE_NEO4J_HEAP: '4g', MAILLAGE_BENCH_NEO4J_HEAP: '6g', MAILLAGE_BENCH_NEO4J_TX_MAX: '512m' };
    expect(memorySettings('app', env, 24 * GB)).toMatchObject({ heap: 4 * GB, txTotal: 2 * GB, txMax: GB });
    expect(memorySettings('bench', env, 24 * GB)).toMatchObject({ heap: 6 * GB, txMax: 512 * MB });
    expect(memorySettings('test', env, 24 * GB).heap).toBe(GB);
  });

  it('refuses a transaction limit above the total, and a total that leaves no heap', () => {
    expect(() => memorySettings('app', { MAILLAGE_NEO4J_TX_MAX: '3g', MAILLAGE_NEO4J_TX_TOTAL_MAX: '2g' }, 24 * GB)).toThrow('MAILLAGE_NEO4J_TX_MAX');
    expect(() => memorySettings('app', { MAILLAGE_NEO4J_HEAP: '2g', MAILLAGE_NEO4J_TX_TOTAL_MAX: '2g' }, 24 * GB)).toThrow('below the heap');
  });
});

describe('storageSettings', () => {
  it('gives the tests small transaction logs, not preallocated, with no history', () => {
    expect(storageSettings('test', {})).toEqual({ txLogPreallocate: false, txLogRotation: 16 * MB, txLogRetention: 'false' });
  });

  it('gives the app and the bench preallocated 256 MB files and 1 GB of history', () => {
    for (const p of ['app', 'bench'] as const) {
      expect(storageSettings(p, {})).toEqual({ txLogPreallocate: true, txLogRotation: 256 * MB, txLogRetention: '1G size' });
    }
  });

  it("reads each profile's own variables", () => {
    const env = { MAILLAGE_NEO4J_TX_LOG_RETENTION: '2 days', MAILLAGE_TEST_NEO4J_TX_LOG_PREALLOCATE: 'TRUE', MAILLAGE_BENCH_NEO4J_TX_LOG_ROTATION: '64m' };
    expect(storageSettings('app', env)).toMatchObject({ txLogRetention: '2 days', txLogPreallocate: true });
    expect(storageSettings('test', env)).toMatchObject({ txLogRetention: 'false', txLogPreallocate: true });
    expect(storageSettings('bench', env)).toMatchObject({ txLogRotation: 64 * MB, txLogRetention: '1G size' });
  });

  it('names the variable when a value is not one Neo4j takes', () => {
    expect(() => storageSettings('app', { MAILLAGE_NEO4J_TX_LOG_RETENTION: 'forever' })).toThrow('MAILLAGE_NEO4J_TX_LOG_RETENTION=forever');
    expect(() => storageSettings('test', { MAILLAGE_TEST_NEO4J_TX_LOG_PREALLOCATE: 'yes' })).toThrow('MAILLAGE_TEST_NEO4J_TX_LOG_PREALLOCATE=yes');
    expect(() => storageSettings('bench', { MAILLAGE_BENCH_NEO4J_TX_LOG_ROTATION: 'big' })).toThrow('MAILLAGE_BENCH_NEO4J_TX_LOG_ROTATION=big');
  });
});

describe('runtimeSettings', () => {
  it("passes each instance its own settings file (CONF), and none when it names none", () => {
    expect(runtimeSettings('bench', { MAILLAGE_BENCH_NEO4J_CONF: ' /tmp/x.conf ', MAILLAGE_NEO4J_CONF: '/tmp/app.conf' }).conf).toBe('/tmp/x.conf');
    expect(runtimeSettings('test', { MAILLAGE_BENCH_NEO4J_CONF: '/tmp/x.conf' }).conf).toBeUndefined();
  });

  it('gives every instance the parallel collector and transaction state on the heap', () => {
    for (const p of ['app', 'test', 'bench'] as const) expect(runtimeSettings(p, {})).toEqual({ gc: 'parallel', txState: 'on_heap' });
  });

  it("reads each profile's own variables, in any case", () => {
    const env = { MAILLAGE_NEO4J_GC: 'G1', MAILLAGE_BENCH_NEO4J_TX_STATE: 'off_heap' };
    expect(runtimeSettings('app', env)).toEqual({ gc: 'g1', txState: 'on_heap' });
    expect(runtimeSettings('bench', env)).toEqual({ gc: 'parallel', txState: 'off_heap' });
    expect(runtimeSettings('test', env)).toEqual({ gc: 'parallel', txState: 'on_heap' });
  });

  it('names the variable and the values it takes when a value is not one of them', () => {
    expect(() => runtimeSettings('app', { MAILLAGE_NEO4J_GC: 'zgc' })).toThrow('MAILLAGE_NEO4J_GC=zgc: expected g1 or parallel');
    expect(() => runtimeSettings('test', { MAILLAGE_TEST_NEO4J_TX_STATE: 'heap' })).toThrow('MAILLAGE_TEST_NEO4J_TX_STATE=heap: expected on_heap or off_heap');
  });
});
