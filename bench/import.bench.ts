// npm run bench -- import: 100k actors and 1M relationships as two French Excel CSV files, imported by the
// CLI (the code path users run) into a wiped database — dry run, import, re-import — then a raw baseline
// (batched UNWIND … CREATE, 1 and 2 writers) on the same database. Run it under `flock /work/wt/bench.lock`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../server/db';
import { readConfig } from '../server/config';
import { applySchema, wipeGraph } from '../server/load';
import type { ImportReport } from '../server/import';
import { writeImportFiles, writeTiesOnlyFile } from './read-files';
import { BENCH_INSTANCE, type Bench } from './run';

const ROOT = path.resolve(__dirname, '..');
const ACTORS = Number(process.env.BENCH_IMPORT_ACTORS ?? 100_000);
const RELS = Number(process.env.BENCH_IMPORT_RELS ?? 1_000_000);
const BATCH = 10_000;
/** The import's writers, as the CLI takes them. */
const IMPORT_WRITERS = readConfig().imports.writers;
const RAW = {
  actors: fs.readFileSync(path.join(__dirname, 'cypher', 'raw-actors.cypher'), 'utf8'),
  relationships: fs.readFileSync(path.join(__dirname, 'cypher', 'raw-relationships.cypher'), 'utf8'),
};

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
/** The machine's 1-minute load average after a step: on a shared machine, what the wall times were measured under. */
const load = () => ` [load ${os.loadavg()[0].toFixed(1)}]`;

interface CliRun {
  seconds: number;
  cpuSeconds: number;
  peakRssKb: number;
  report: ImportReport;
}

/** `npm run import`'s command line (node, its flags, the script), read from package.json so the bench runs exactly it. */
const IMPORT_SCRIPT = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import.split(/\s+/);

/** Runs `npm run import` as users do (a child process), sampling its peak RSS (VmHWM) and CPU time from /proc. */
function cli(args: string[], uri: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    if (IMPORT_SCRIPT[0] !== 'node') throw new Error(`expected "npm run import" to run node, not ${IMPORT_SCRIPT[0]}`);
    const child = spawn(process.execPath, [...IMPORT_SCRIPT.slice(1), ...args, '--json'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: uri },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let peakRssKb = 0;
    let cpuTicks = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakRssKb = Math.max(peakRssKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpuTicks = Number(stat[11]) + Number(stat[12]);
      } catch {
        /* the process has ended */
      }
    };
    const timer = setInterval(sample, 200);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => process.stderr.write(`    ${d.toString().trim()}\n`));
    child.once('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`npm run import ${args.join(' ')} exited ${code}: ${out.slice(0, 2000)}`));
      resolve({ seconds, cpuSeconds: cpuTicks / 100, peakRssKb, report: JSON.parse(out) as ImportReport });
    });
  });
}

/** CPU seconds the bench's Neo4j has used so far (0 when it runs elsewhere): wall time on a shared machine lies. */
function neo4jCpu(): number {
  try {
    const pid = fs.readFileSync(path.join(ROOT, '.data', `${BENCH_INSTANCE.name}.pid`), 'utf8').trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return 0;
  }
}

/** The baseline's rows, computed per batch: the same shape and ends as the CSV (bench/read-files.ts). */
function rawRelationships(from: number, to: number, actors: number): { type: string; source: string; target: string; props: Record<string, unknown> }[] {
  const types = ['FUNDS', 'PILOTS', 'PARTNERS_WITH', 'LABELS'];
  const out = [];
  for (let i = from; i < to; i++) {
    const s = i % actors;
    const t = (s + 1 + Math.floor(i / actors) * 9973) % actors;
    const type = types[i % 4];
    const [a, b] = type === 'PARTNERS_WITH' && s > t ? [t, s] : [s, t];
    out.push({
      type,
      source: `acteur-${a}`,
      target: `acteur-${b}`,
      props: { id: `${type}:acteur-${a}:acteur-${b}:${i}`, status: 'effective', amount: i % 3 ? 450000 : null, date: '2016-03-12', evidenceSources: [`document-${i % 5000}`], evidenceExcerpts: [`Acteur ${a} et Acteur ${b}, selon le document ${i % 5000}`] },
    });
  }
  return out;
}

/**
 * Raw baseline: actors, then relationships in batches of 10k with `writers` transactions at once, into a wiped graph.
 * Neo4j's CPU is counted from after the wipe (deleting the previous run's 1M ties is not the baseline's work).
 */
async function raw(db: Db, writers: number, actors = ACTORS, rels = RELS): Promise<{ seconds: number; relSeconds: number; neo4jSeconds: number }> {
  await wipeGraph(db);
  const c0 = neo4jCpu();
  const t0 = performance.now();
  for (let i = 0; i < actors; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, actors - i) }, (_, k) => ({ id: `acteur-${i + k}`, name: `Acteur ${i + k}`, kind: 'company', aliases: [] }));
    await db.transaction((tx) => tx.run(RAW.actors, { rows }));
  }
  const t1 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < rels) {
      const from = next;
      next += BATCH;
      const rows = rawRelationships(from, Math.min(from + BATCH, rels), actors);
      await db.transaction((tx) => tx.run(RAW.relationships, { rows }));
    }
  };
  await Promise.all(Array.from({ length: writers }, worker));
  const t2 = performance.now();
  return { seconds: (t2 - t0) / 1000, relSeconds: (t2 - t1) / 1000, neo4jSeconds: neo4jCpu() - c0 };
}

const bench: Bench = {
  name: `import — ${fmt(ACTORS)} actors, ${fmt(RELS)} relationships (two CSV files, the CLI's code path)`,
  async run(db: Db, uri?: string) {
    const dir = path.join(ROOT, '.data', 'bench-import');
    const files = await writeImportFiles(dir, ACTORS, RELS);
    const sizes = [files.actors, files.relationships].map((f) => fs.statSync(f).size);
    console.log(`  files: ${mb(sizes[0] / 1024)} + ${mb(sizes[1] / 1024)} (${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)})`);
    const target = uri!;
    await wipeGraph(db);
    await applySchema(db);

    // Warm-up: the import and the baseline once at a tenth of the size, then wiped. A Neo4j just started compiles its
    // write path while it runs (a 1M import on a fresh JVM: ~25 s more of Neo4j CPU than the same import on a warm
    // one, bench/README.md); the baseline ran after the import, so it was always measured warm and the import cold.
    // Both are now measured warm, as on a database that has been serving; the warm-up's own figures show the cold
    // cost when the bench started its Neo4j. BENCH_IMPORT_WARMUP=0 skips it.
    if (process.env.BENCH_IMPORT_WARMUP !== '0') {
      const [wa, wr] = [Math.ceil(ACTORS / 10), Math.ceil(RELS / 10)];
      const small = await writeImportFiles(dir, wa, wr);
      const neo0 = neo4jCpu();
      const w = await cli([small.actors, small.relationships], target);
      console.log(`  warm-up: import of ${fmt(wa)} actors / ${fmt(wr)} ties  ${w.seconds.toFixed(1)} s wall, ${w.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU: ${fmt(wr / w.seconds)} rels/s${load()}`);
      const wraw = await raw(db, 2, wa, wr);
      console.log(`  warm-up: raw, 2 writers                        ${wraw.seconds.toFixed(1)} s (Neo4j ${wraw.neo4jSeconds.toFixed(1)} s CPU): ${fmt(wr / wraw.seconds)} rels/s${load()}`);
      await wipeGraph(db);
    }

    let neo0 = neo4jCpu();
    const dry = await cli([files.actors, files.relationships, '--dry-run'], target);
    console.log(`  dry run (validate + plan ${fmt(ACTORS + RELS)} rows)         ${dry.seconds.toFixed(1)} s wall (plan ${dry.report.seconds.plan} s), ${dry.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU, peak RSS ${mb(dry.peakRssKb)}${load()}`);

    neo0 = neo4jCpu();
    const imp = await cli([files.actors, files.relationships], target);
    const impNeo = neo4jCpu() - neo0;
    const c = imp.report.counts;
    if (c.relationships.created !== RELS) throw new Error(`expected ${RELS} relationships created, the report says ${JSON.stringify(c)}`);
    const rate = RELS / imp.seconds;
    console.log(`  import (plan + write, ${IMPORT_WRITERS} writers)               ${imp.seconds.toFixed(1)} s wall (plan ${imp.report.seconds.plan} s, write ${imp.report.seconds.write} s), ${imp.cpuSeconds.toFixed(1)} s CPU + Neo4j ${impNeo.toFixed(1)} s CPU, peak RSS ${mb(imp.peakRssKb)}: ${fmt(rate)} rels/s${load()}`);

    neo0 = neo4jCpu();
    const again = await cli([files.actors, files.relationships], target);
    if (again.report.importId !== null || again.report.counts.relationships.unchanged !== RELS) throw new Error(`re-import was not all unchanged: ${JSON.stringify(again.report.counts)}`);
    console.log(`  re-import, all unchanged (nothing written)     ${again.seconds.toFixed(1)} s wall (plan ${again.report.seconds.plan} s), ${again.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU, peak RSS ${mb(again.peakRssKb)}: ${fmt((ACTORS + RELS) / again.seconds)} rows/s${load()}`);

    // BENCH_IMPORT_SECOND=1: a second table naming the same ties with nothing more (De;Vers;Type), laid over them —
    // every tie read whole to be planned, each gaining the table's evidence — then the first files again (unchanged).
    if (process.env.BENCH_IMPORT_SECOND === '1') {
      const second = await writeTiesOnlyFile(dir, ACTORS, RELS);
      const named = ['--source-title', 'Tableau des liens'];
      neo0 = neo4jCpu();
      const sdry = await cli([files.actors, second, ...named, '--dry-run'], target);
      if (sdry.report.counts.relationships.updated !== RELS) throw new Error(`second file, dry run: expected ${RELS} updated, the report says ${JSON.stringify(sdry.report.counts)}`);
      console.log(`  second file (De;Vers;Type), dry run            ${sdry.seconds.toFixed(1)} s wall (plan ${sdry.report.seconds.plan} s), ${sdry.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU, peak RSS ${mb(sdry.peakRssKb)}${load()}`);
      neo0 = neo4jCpu();
      const simp = await cli([files.actors, second, ...named], target);
      console.log(`  second file, import (${fmt(RELS)} ties updated)    ${simp.seconds.toFixed(1)} s wall (plan ${simp.report.seconds.plan} s, write ${simp.report.seconds.write} s), ${simp.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU, peak RSS ${mb(simp.peakRssKb)}: ${fmt(RELS / simp.seconds)} rels/s${load()}`);
      neo0 = neo4jCpu();
      const first = await cli([files.actors, files.relationships], target);
      if (first.report.importId !== null || first.report.counts.relationships.unchanged !== RELS) throw new Error(`the first files after the second were not all unchanged: ${JSON.stringify(first.report.counts)}`);
      console.log(`  first files again, all unchanged               ${first.seconds.toFixed(1)} s wall (plan ${first.report.seconds.plan} s), ${first.cpuSeconds.toFixed(1)} s CPU + Neo4j ${(neo4jCpu() - neo0).toFixed(1)} s CPU, peak RSS ${mb(first.peakRssKb)}: ${fmt((ACTORS + RELS) / first.seconds)} rows/s${load()}`);
    }

    // BENCH_IMPORT_RAW=0 skips the baseline (iterating on the importer; the figures written down include it).
    if (process.env.BENCH_IMPORT_RAW === '0') return void (await wipeGraph(db));
    const one = await raw(db, 1);
    console.log(`  raw UNWIND … CREATE, 1 writer                  ${one.seconds.toFixed(1)} s (Neo4j ${one.neo4jSeconds.toFixed(1)} s CPU; ${fmt(RELS / one.relSeconds)} rels/s on relationships alone): ${fmt(RELS / one.seconds)} rels/s${load()}`);
    const two = await raw(db, 2);
    console.log(`  raw UNWIND … CREATE, 2 writers                 ${two.seconds.toFixed(1)} s (Neo4j ${two.neo4jSeconds.toFixed(1)} s CPU; ${fmt(RELS / two.relSeconds)} rels/s on relationships alone): ${fmt(RELS / two.seconds)} rels/s${load()}`);
    const best = Math.max(RELS / one.seconds, RELS / two.seconds);
    console.log(`  import / best raw baseline                     ${(rate / best).toFixed(2)} (${fmt(rate)} vs ${fmt(best)} rels/s, both from empty to ${fmt(RELS)} ties)`);
    await wipeGraph(db);
  },
};
export default bench;
