// Starts Maillage: reads config, reaches Neo4j (starting the local one if none is configured), seeds, listens.
import path from 'node:path';
import { APP_INSTANCE, ensure, stop } from '../neo4j/ctl';
import { createApp } from './app';
import { readConfig } from './config';
import { connect } from './db';
import { recoverInterrupted } from './changes';
import { applySchema, counts, seedIfEmpty } from './load';
import { MetricsService } from './metrics/service';

async function main(): Promise<void> {
  const cfg = readConfig();
  // With no NEO4J_URI the app runs on the local embedded Neo4j, starting it if needed (and stopping it on exit).
  const local = cfg.db ? undefined : await ensure(APP_INSTANCE);
  const dbCfg = cfg.db ?? { uri: local!.uri };
  const db = connect(dbCfg);
  await db.ping();
  await applySchema(db);
  // A change set left half-written by a process that died (killed, Neo4j stopped) is rolled back before serving.
  for (const r of await recoverInterrupted(db)) console.log(`[maillage] change set ${r.id} had been interrupted (${r.from}): ${r.to}`);
  if (cfg.autoload && (await seedIfEmpty(db, path.resolve(cfg.seedFile)))) {
    console.log(`[maillage] the database was empty: loaded ${cfg.seedFile}`);
  }
  const c = await counts(db);
  console.log(`[maillage] ${dbCfg.uri}: ${c.actors} actors, ${c.relationships} relationships, ${c.sources} sources`);

  // Metrics follow the graph version: polled here, so writes by other processes (npm run load) are computed too.
  const metrics = new MetricsService(db);
  metrics.watch();
  const app = createApp(db, { metrics, clientDir: path.resolve(__dirname, '..', 'dist'), cypher: cfg.cypher, auth: { host: cfg.host, adminToken: cfg.cypher.adminToken, publicRead: cfg.publicRead, sessionHours: cfg.sessionHours }, limits: cfg.limits, imports: cfg.imports });
  const server = app.listen(cfg.port, cfg.host, () => {
    console.log(`[maillage] ready on http://${cfg.host === '0.0.0.0' ? 'localhost' : cfg.host}:${cfg.port}`);
  });
  const shutdown = (sig: string) => {
    console.log(`[maillage] ${sig}: shutting down`);
    const done = async () => {
      metrics.close();
      await db.close();
      if (local?.started) await stop(APP_INSTANCE);
      process.exit(0);
    };
    server.close(() => void done());
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 30_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`[maillage] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
