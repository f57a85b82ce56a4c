// Starts Maillage: reads config, listens at once, reaches Neo4j in the background (starting the local one if
// none is configured, seeding an empty database), and shuts down gracefully on SIGTERM/SIGINT.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { APP_INSTANCE, boltUri, ensure, stop } from '../neo4j/ctl';
import { createApp } from './app';
import { readConfig, type Config } from './config';
import { connect, type Db } from './db';
import { recoverInterrupted } from './changes';
import { applySchema, counts, seedIfEmpty } from './load';
import { drain } from './shutdown';
import { GraphDigests } from './graph/digest';
import { WholeGraph } from './graph/whole';
import { KeptAnswers } from './graph/answers';
import { HubDetails } from './graph/hub-details';
import { GraphLayouts } from './layout/service';
import { MetricsService } from './metrics/service';
import { PAGE_WHOLE_MAX, PageActivity, warmUp } from './warm-up';

const log = (msg: string) => console.log(`[maillage] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for the database (the API answers 503 meanwhile), then prepares it: schema, roll-back of change sets
 * a dead process left half-written, seeds when empty. Retries until that succeeds (Neo4j may go away again
 * half-way), so the app is never "ready" on a database it has not prepared.
 */
async function whenDatabaseUp(db: Db, cfg: Config, stopping: () => boolean): Promise<boolean> {
  for (let attempt = 0; !stopping(); attempt++) {
    try {
      await db.ping();
      await applySchema(db);
      for (const r of await recoverInterrupted(db)) log(`change set ${r.id} had been interrupted (${r.from}): ${r.to}`);
      if (cfg.autoload && (await seedIfEmpty(db, path.resolve(cfg.seedFile)))) log(`the database was empty: loaded ${cfg.seedFile}`);
      const c = await counts(db);
      log(`${db.uri}: ${c.actors} actors, ${c.relationships} relationships, ${c.sources} sources`);
      return true;
    } catch (e) {
      log(`${attempt === 0 ? 'waiting for Neo4j' : 'still waiting for Neo4j'} at ${db.uri} (the API answers 503 meanwhile): ${(e as Error).message}`);
      await sleep(Math.min(500 * 2 ** attempt, 10_000));
    }
  }
  return false;
}

async function main(): Promise<void> {
  const cfg = readConfig();
  // With no NEO4J_URI the app runs on the local embedded Neo4j, starting it if needed (and stopping it on exit).
  const localInstance = !cfg.db;
  const db = connect({ ...(cfg.db ?? { uri: boltUri(APP_INSTANCE) }), ...cfg.queries });
  let startedLocal = false;
  let stopping = false;
  let ready = false;

  // Metrics follow the graph version: polled once the database is ready, so writes by other processes
  // (npm run load) are computed too.
  const metrics = new MetricsService(db);
  // So do the stats' breakdown and the overview's degree ranking (whole-graph scans, kept in Neo4j).
  const digests = new GraphDigests(db);
  // The warm-up's queries wait while a page loads and draws its network.
  const pages = new PageActivity();
  // The whole graph's answer, kept per version: the warm-up reads it before the first page asks.
  // The first page's answers, kept on disk per database and graph version: a restart on the same graph serves them at once.
  const answers = cfg.answersDir ? new KeptAnswers(cfg.answersDir, log) : undefined;
  const whole = new WholeGraph(db, answers);
  // The hubs' details (the actors users click first), read in the background per graph version once ranked.
  const hubs = new HubDetails(db, digests, { pages, log });
  // The whole network's positions, laid out in a worker thread once per graph version (kept with the answers), so
  // pages draw it without laying it out themselves.
  const layouts = new GraphLayouts(db, { answers, pages, limits: cfg.limits, log });
  const app = createApp(db, {
    pages,
    whole,
    answers,
    hubs,
    layouts,
    metrics,
    digests,
    imports: cfg.imports,
    clientDir: path.resolve(__dirname, '..', 'dist'),
    cypher: cfg.cypher,
    auth: { host: cfg.host, adminToken: cfg.cypher.adminToken, publicRead: cfg.publicRead, sessionHours: cfg.sessionHours },
    limits: cfg.limits,
    service: cfg.service,
    ready: () => ready,
  });
  const server = app.listen(cfg.port, cfg.host, () => {
    const { port } = server.address() as AddressInfo;
    log(`ready on http://${cfg.host === '0.0.0.0' ? 'localhost' : cfg.host}:${port}`);
  });

  const shutdown = async (sig: string) => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: no new connections; letting requests in flight finish (at most ${cfg.shutdownGraceMs} ms)`);
    const how = await drain(server, cfg.shutdownGraceMs);
    log(how === 'drained' ? 'every request answered' : 'grace period over: remaining connections cut');
    metrics.close();
    digests.close();
    hubs.close();
    layouts.close();
    await db.close().catch(() => undefined);
    if (startedLocal) await stop(APP_INSTANCE).catch(() => undefined);
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (localInstance) {
    try {
      startedLocal = (await ensure(APP_INSTANCE)).started;
      if (stopping && startedLocal) await stop(APP_INSTANCE);
    } catch (e) {
      log(`could not start the local Neo4j (answering 503 until it is up): ${(e as Error).message}`);
    }
  }
  ready = await whenDatabaseUp(db, cfg, () => stopping);
  if (ready) {
    metrics.watch();
    digests.watch();

    // Plans the first page's and the first click's queries in the background (readiness does not wait for it;
    // requests run beside it, and its later queries wait while a page is drawn).
    // The hubs' details come last, once the warm-up is done (it comes first: a first page needs it).
    const warm = warmUp(db, { log, pages, whole, wholeMax: Math.min(cfg.limits.graph, PAGE_WHOLE_MAX), wholeLimit: cfg.limits.whole });
    void warm.then(() => { if (!stopping) hubs.watch(); });
    // The whole network's layout of each new version, once the warm-up is done (kept ones are served from the start).
    layouts.watch(1000, warm);
  }
}

main().catch((e: unknown) => {
  console.error(`[maillage] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
