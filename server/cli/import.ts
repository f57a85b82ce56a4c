// npm run import -- FILE... [options] | --list | --undo ID: imports files as one change set, all or nothing.
// Exit 0 done (or a clean dry run), 2 refused (issues, bad options, undo refused), 1 unexpected failure.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_INSTANCE, ensure } from '../../neo4j/ctl';
import { list, recoverInterrupted, undo } from '../changes';
import { readConfig } from '../config';
import { connect, type Db } from '../db';
import { AppError, ConflictError, ValidationError } from '../errors';
import { ImportRefused, runImport, type ImportProgress, type ImportReport } from '../import';
import { importOptions } from '../import/options';
import { applySchema } from '../load';

const USAGE = `usage: npm run import -- FILE... [--dry-run] [--json] [--delimiter X] [--encoding X] [--date-order dmy|mdy]
         [--source-title T --source-publisher P --source-date D --source-url U] [--default-kind K]
       npm run import -- --list [--json]
       npm run import -- --undo ID`;

const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

/** Rows/s and ETA on stderr, at most once a second (a line each 10 s when stderr is not a terminal). */
function progressPrinter(): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  let phase = '';
  let t0 = Date.now();
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.phase !== phase) [phase, t0, last] = [p.phase, now, 0];
    if (now - last < (tty ? 1000 : 10_000) && p.rows < p.total) return;
    last = now;
    const rate = p.rows / Math.max(0.001, (now - t0) / 1000);
    const eta = rate > 0 && p.total > p.rows ? ` ETA ${Math.ceil((p.total - p.rows) / rate)} s` : '';
    const what = p.phase === 'plan' ? 'validation' : 'écriture';
    const line = `${what} : ${fmt(p.rows)} / ${fmt(p.total)} lignes (${fmt(rate)} lignes/s)${eta}${p.phase === 'write' ? `, ${fmt(p.written)} éléments écrits` : ''}`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    if (tty && p.rows >= p.total) process.stderr.write('\n');
  };
}

function printReport(r: ImportReport): void {
  const c = r.counts;
  const line = (label: string, e: { created: number; updated: number; unchanged: number }) => `  ${label.padEnd(14)} ${fmt(e.created)} créé(s), ${fmt(e.updated)} mis à jour, ${fmt(e.unchanged)} inchangé(s)`;
  for (const f of r.files) {
    console.log(`${f.name} : ${f.format.toUpperCase()}, ${f.encoding}${f.delimiter ? `, séparateur « ${f.delimiter === '\t' ? 'tab' : f.delimiter} »` : ''}${f.dateOrder ? `, dates ${f.dateOrder === 'dmy' ? 'jour/mois' : 'mois/jour'}` : ''}${f.sheets.ignored.length ? `, feuilles ignorées : ${f.sheets.ignored.join(', ')}` : ''}`);
  }
  console.log(line('acteurs', c.actors));
  console.log(line('relations', c.relationships));
  console.log(line('sources', c.sources));
  for (const i of r.issues) console.log(`  ${i.severity === 'error' ? 'erreur' : 'attention'} ${[i.file, i.sheet, i.line ? `ligne ${i.line}` : undefined, i.column ? `colonne ${i.column}` : undefined].filter(Boolean).join(', ')} : ${i.message}`);
  const more = r.issueCount.errors + r.issueCount.warnings - r.issues.length;
  if (more > 0) console.log(`  … et ${fmt(more)} autre(s) problème(s)`);
}

const cfg = readConfig();

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = connect(cfg.db ?? { uri: (await ensure(APP_INSTANCE)).uri });
  try {
    await applySchema(db);
    for (const r of await recoverInterrupted(db)) console.error(`le changement ${r.id} avait été interrompu : ${r.to === 'undone' ? 'annulation terminée' : 'annulé'}`);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      'date-order': { type: 'string' },
      'source-title': { type: 'string' },
      'source-publisher': { type: 'string' },
      'source-date': { type: 'string' },
      'source-url': { type: 'string' },
      'default-kind': { type: 'string' },
      list: { type: 'boolean' },
      undo: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (v.list) {
    return withDb(async (db) => {
      const imports = await list(db, { kinds: ['import', 'seed'], limit: 200 });
      if (v.json) console.log(JSON.stringify({ imports }, null, 2));
      else {
        for (const c of imports) {
          const files = ((c.summary.files as { name: string; sha256: string }[] | undefined) ?? []).map((f) => `${f.name} (${f.sha256.slice(0, 12)})`).join(', ');
          const counts = c.summary.counts as Record<string, { created: number; updated: number }> | undefined;
          const n = counts ? Object.entries(counts).map(([k, e]) => `${k} +${e.created} ~${e.updated}`).join(' ') : '';
          console.log(`${c.id}  ${c.createdAt}  ${c.state.padEnd(11)} ${c.author.padEnd(8)} ${files}  ${n}`);
        }
      }
      return 0;
    });
  }
  if (v.undo) {
    const id = v.undo;
    return withDb(async (db) => {
      try {
        await undo(db, id, 'local');
        console.log(`import ${id} annulé`);
        return 0;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        console.error(`import ${id} non annulé : ${e.message}`);
        const d = e.details as { conflicts?: { entity: string; id: string; cs?: string; reason: string }[] } | undefined;
        for (const c of d?.conflicts ?? []) console.error(`  ${c.entity} ${c.id} : ${c.reason}${c.cs ? ` (${c.cs})` : ''}`);
        return 2;
      }
    });
  }
  if (!positionals.length) {
    console.error(USAGE);
    return 2;
  }
  const opts = importOptions({
    encoding: v.encoding,
    delimiter: v.delimiter,
    dateOrder: v['date-order'],
    defaultKind: v['default-kind'],
    sourceTitle: v['source-title'],
    sourcePublisher: v['source-publisher'],
    sourceDate: v['source-date'],
    sourceUrl: v['source-url'],
  });
  const files = positionals.map((p) => ({ path: path.resolve(p), name: path.basename(p) }));
  const missing = files.filter((f) => !fs.existsSync(f.path));
  if (missing.length) {
    for (const f of missing) console.error(`fichier introuvable : ${f.path}`);
    return 2;
  }
  return withDb(async (db) => {
    let current: string | undefined;
    // Ctrl-C while writing: what was written is rolled back at the next start (app or importer), never kept.
    process.once('SIGINT', () => {
      console.error(`\ninterrompu${current ? ` : l'import ${current} sera annulé au prochain démarrage (npm start ou npm run import)` : ''}`);
      process.exit(130);
    });
    try {
      const r = await runImport(db, files, { ...opts, dryRun: v['dry-run'], author: 'local', batchSize: cfg.imports.batchSize, writers: cfg.imports.writers, onProgress: progressPrinter(), onBegin: (id) => void (current = id) });
      if (v.json) console.log(JSON.stringify(r, null, 2));
      else {
        printReport(r);
        console.log(r.dryRun ? 'essai à blanc : rien n’a été écrit' : r.importId ? `importé : ${r.importId} (annuler : npm run import -- --undo ${r.importId})` : 'rien à changer : tout est déjà dans la base');
      }
      return 0;
    } catch (e) {
      if (!(e instanceof ImportRefused)) throw e;
      if (v.json) console.log(JSON.stringify(e.report, null, 2));
      else {
        printReport(e.report);
        console.log(`refusé : ${e.report.issueCount.errors} problème(s), rien n’a été écrit`);
      }
      return 2;
    }
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (e instanceof ValidationError) {
      for (const i of e.issues) console.error(`${i.field}: ${i.message}`);
      process.exit(2);
    }
    if (e instanceof AppError && e.status < 500) {
      console.error(e.message);
      process.exit(2);
    }
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      console.error(`${(e as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
