// Starts, stops and reports on the local embedded Neo4j (the Java launcher in this folder), building it once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { memorySettings, runtimeSettings, storageSettings, toSetting, type Profile } from './memory';

const ROOT = path.resolve(__dirname, '..');
const MODULE = path.join(ROOT, 'neo4j');
const CLASSES = path.join(MODULE, 'target', 'classes');
const LIB = path.join(MODULE, 'target', 'lib');
const READY_LINE = 'maillage-neo4j: ready on';

/** One local instance: the app's (port 7687) or the tests' own (7688), each with its own data folder. */
export interface Instance {
  name: string;
  port: number;
  /** Whose it is: decides its memory (neo4j/memory.ts). Default app. */
  profile?: Profile;
}

export const APP_INSTANCE: Instance = { name: 'neo4j', port: Number(process.env.MAILLAGE_NEO4J_PORT ?? 7687), profile: 'app' };
const testPort = Number(process.env.MAILLAGE_TEST_NEO4J_PORT ?? 7688);
// The tests' own instance (its own port and data folder): tests wipe it, so it is never the app's database.
export const TEST_INSTANCE: Instance = { name: testPort === 7688 ? 'neo4j-test' : `neo4j-test-${testPort}`, port: testPort, profile: 'test' };

/** The benchmarks' instance: its own port and data folder, wiped freely, sized like the app's. */
export const BENCH_INSTANCE: Instance = { name: 'neo4j-bench', port: Number(process.env.MAILLAGE_BENCH_NEO4J_PORT ?? 7689), profile: 'bench' };

const dataDir = (i: Instance) => path.join(ROOT, '.data', i.name);
const pidFile = (i: Instance) => path.join(ROOT, '.data', `${i.name}.pid`);
const logFile = (i: Instance) => path.join(ROOT, '.data', `${i.name}.log`);
export const boltUri = (i: Instance) => `bolt://127.0.0.1:${i.port}`;

// Neo4j's own default JVM flags: without them Netty and the page cache log reflective-access warnings.
const JVM_FLAGS = [
  '-Xms256m',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

function log(msg: string): void {
  process.stderr.write(`[neo4j] ${msg}\n`);
}

/** Builds the launcher with Maven when its classes or copied jars are missing (first run downloads Neo4j). */
export function buildIfNeeded(): void {
  const cls = path.join(CLASSES, 'maillage', 'LocalNeo4j.class');
  const src = path.join(MODULE, 'src', 'main', 'java', 'maillage', 'LocalNeo4j.java');
  const built = fs.existsSync(cls) && fs.existsSync(LIB) && fs.readdirSync(LIB).length > 0;
  // Rebuild when the launcher's source or pom changed since the last build (edits would otherwise be ignored).
  const stale = built && [src, path.join(MODULE, 'pom.xml')].some((f) => fs.statSync(f).mtimeMs > fs.statSync(cls).mtimeMs);
  if (built && !stale) return;
  log('building the local Neo4j launcher with Maven (the first time downloads Neo4j, ~120 MB)…');
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(MODULE, 'pom.xml'), 'package', '-DskipTests'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Maven build of neo4j/ failed (exit ${r.status ?? r.signal}); is Maven installed and Maven Central reachable?`);
}

/** True when something accepts TCP connections on the port. */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('timeout', () => { s.destroy(); resolve(false); });
    s.once('error', () => resolve(false));
  });
}

function readPid(i: Instance): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(i), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when the instance's pid file names a live process started from this checkout (its working folder is ours). */
function startedHere(i: Instance): boolean {
  const pid = readPid(i);
  if (pid === undefined || !alive(pid)) return false;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(ROOT);
  } catch {
    return true; // no /proc (macOS): the live pid from our own pid file is the best evidence there is
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database answers on a test or bench instance's port, but this checkout did not start it (so it must not be wiped). */
export class ForeignDatabaseError extends Error {
  override name = 'ForeignDatabaseError';
}

/**
 * Makes sure the instance answers on its port. Returns started=true only when this call started it,
 * so the caller knows whether it owns the process (tests stop only what they started).
 */
export async function ensure(i: Instance, timeoutMs = 180_000): Promise<{ uri: string; started: boolean }> {
  if (await portOpen(i.port)) {
    // The tests and benches wipe their database: never someone else's that happens to answer on the port
    // (another checkout's test run, a Neo4j Desktop). The app only reads and adds, so it may share one.
    if (i.profile !== 'app' && i.profile !== undefined && !startedHere(i)) {
      const which = i.profile === 'test' ? 'TEST' : 'BENCH';
      throw new ForeignDatabaseError(`port ${i.port} is served by a Neo4j that this checkout did not start, and ${i.name} is wiped by its users: `
        + `stop that database, choose a free port with MAILLAGE_${which}_NEO4J_PORT, or name a database you want wiped with ${which}_NEO4J_URI`);
    }
    return { uri: boltUri(i), started: false };
  }
  buildIfNeeded();
  fs.mkdirSync(dataDir(i), { recursive: true });
  const out = fs.openSync(logFile(i), 'w');
  const java = process.env.MAILLAGE_JAVA ?? 'java';
  const mem = memorySettings(i.profile ?? 'app');
  const disk = storageSettings(i.profile ?? 'app');
  const rt = runtimeSettings(i.profile ?? 'app');
  const gcFlag = rt.gc === 'parallel' ? '-XX:+UseParallelGC' : '-XX:+UseG1GC';
  warnIfDiskLow(dataDir(i));
  const child = spawn(java, [...JVM_FLAGS, gcFlag, `-Xmx${toSetting(mem.heap)}`, '-cp', `${CLASSES}${path.delimiter}${path.join(LIB, '*')}`, 'maillage.LocalNeo4j'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      MAILLAGE_NEO4J_HOME: dataDir(i),
      MAILLAGE_NEO4J_PORT: String(i.port),
      MAILLAGE_NEO4J_PAGECACHE_BYTES: String(mem.pageCache),
      MAILLAGE_NEO4J_TX_TOTAL_MAX_BYTES: String(mem.txTotal),
      MAILLAGE_NEO4J_TX_MAX_BYTES: String(mem.txMax),
      MAILLAGE_NEO4J_TX_LOG_PREALLOCATE: String(disk.txLogPreallocate),
      MAILLAGE_NEO4J_TX_LOG_ROTATION_BYTES: String(disk.txLogRotation),
      MAILLAGE_NEO4J_TX_LOG_RETENTION: disk.txLogRetention,
      MAILLAGE_NEO4J_TX_STATE: rt.txState.toUpperCase(),
      MAILLAGE_NEO4J_CONF: rt.conf ?? '',
    },
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${java}`);
  // The exit event, not only a signal-0 probe: a child that died but was not reaped yet still answers the probe.
  let exited = false;
  child.once('exit', () => { exited = true; });
  fs.writeFileSync(pidFile(i), String(child.pid));
  child.unref();
  log(`starting ${i.name} on port ${i.port} (pid ${child.pid}, heap ${toSetting(mem.heap)}, page cache ${toSetting(mem.pageCache)}, transactions ${toSetting(mem.txTotal)} in all and ${toSetting(mem.txMax)} each, ${rt.gc} collector, transaction state ${rt.txState.replace('_', ' ')}; log ${path.relative(ROOT, logFile(i))})…`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = fs.readFileSync(logFile(i), 'utf8');
    if (text.includes(READY_LINE)) {
      log(`${i.name} ready on ${boltUri(i)}`);
      return { uri: boltUri(i), started: true };
    }
    if (exited || !alive(child.pid)) {
      fs.rmSync(pidFile(i), { force: true });
      throw new Error(`local Neo4j exited before it was ready\n${whyNotReady(i)}`);
    }
    await sleep(250);
  }
  // Not ready in time: say what the logs say (a CI log is often all there is to read), and stop the process,
  // which nobody could use and which would hold the port and the store lock for the next try.
  const why = whyNotReady(i);
  try {
    process.kill(child.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
  fs.rmSync(pidFile(i), { force: true });
  throw new Error(`local Neo4j was not ready after ${timeoutMs / 1000}s (stopped)\n${why}`);
}

/** The last lines of the launcher's output and the errors of Neo4j's own debug log, for a start that failed. */
function whyNotReady(i: Instance): string {
  const tail = (file: string, n: number, keep: (line: string) => boolean = () => true) => {
    try {
      return fs.readFileSync(file, 'utf8').split('\n').filter(keep).slice(-n).join('\n');
    } catch {
      return '(none)';
    }
  };
  const debugLog = path.join(dataDir(i), 'logs', 'debug.log');
  // The launcher's own lines first ("failed to start: …" names the root cause), then the end of its output.
  return `${tail(logFile(i), 5, (l) => l.startsWith('maillage-neo4j:'))}\nlast lines of ${logFile(i)}:\n${tail(logFile(i), 20)}\n`
    + `errors and warnings in ${debugLog}:\n${tail(debugLog, 15, (l) => /\b(ERROR|WARN)\b/.test(l))}\n`
    + diskFree(dataDir(i));
}

/** Bytes free on the disk of `dir`, or undefined where the platform cannot say (statfs is missing on old Node versions). */
function freeBytes(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/** `N MB free on the disk of DIR`, or nothing where the platform cannot say. */
function diskFree(dir: string): string {
  const free = freeBytes(dir);
  return free === undefined ? '' : `${Math.floor(free / (1024 * 1024))} MB free on the disk of ${dir}`;
}

// Neo4j needs room for its store and transaction logs (the app's and the bench's preallocate 2 × 256 MB);
// on a full disk it fails to start, and says so only in its own log.
function warnIfDiskLow(dir: string): void {
  const free = freeBytes(dir);
  if (free !== undefined && free < 1024 * 1024 * 1024) log(`warning: only ${diskFree(dir)}; Neo4j may fail to start or to write`);
}

/** Stops the instance this folder started (SIGTERM, so Neo4j shuts down cleanly), waiting for it to exit. */
export async function stop(i: Instance, timeoutMs = 60_000): Promise<boolean> {
  const pid = readPid(i);
  if (pid === undefined || !alive(pid)) {
    fs.rmSync(pidFile(i), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile(i), { force: true });
  log(`${i.name} stopped`);
  return true;
}

async function main(): Promise<void> {
  const [cmd = 'status', which = 'app'] = process.argv.slice(2);
  const i = which === 'test' ? TEST_INSTANCE : which === 'bench' ? BENCH_INSTANCE : APP_INSTANCE;
  switch (cmd) {
    case 'start':
    case 'ensure': {
      if (process.env.NEO4J_URI && which === 'app') {
        log(`NEO4J_URI is set (${process.env.NEO4J_URI}): not starting a local database`);
        return;
      }
      await ensure(i);
      return;
    }
    case 'stop':
      if (!(await stop(i))) log(`${i.name}: nothing started from here is running`);
      return;
    case 'status': {
      const up = await portOpen(i.port);
      const pid = readPid(i);
      console.log(`${i.name}: ${up ? 'up' : 'down'} on ${boltUri(i)}${pid && alive(pid) ? ` (pid ${pid})` : ''}`);
      return;
    }
    default:
      throw new Error(`usage: tsx neo4j/ctl.ts start|stop|status [app|test|bench]`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
