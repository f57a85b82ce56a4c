// Importing a user's files (CSV, XLSX, ODS, JSON): read, validate and plan every row, then write the plan as one
// change set in batches of 10k with three writers — all or nothing, at any size. Serves the CLI and the API.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActorKind, ChangeSetKind } from '../../model/schema';
import { begin, processAlive, rollbackQuietly, writeAll, type ChangeSetHandle } from '../changes';
import type { Db } from '../db';
import { planImport, type ImportCounts, type ImportPlan, type NamedSource, type PlanOptions } from './plan';
import { openInput } from './read';
import type { DateOrder, Field, ImportIssue, InputFile, InputFormat, InputRow, OpenedInput, TableInfo } from './read/types';

export type { ImportCounts, NamedSource } from './plan';

/** Reading options (server/import/read) and what the import adds: its named source, dry run, who runs it. */
export interface ImportOptions {
  encoding?: string;
  delimiter?: string;
  dateOrder?: DateOrder;
  defaultKind?: string;
  mapping?: Record<string, Field | null>;
  /** The document rows without evidence cite (with their locator, "Relations, ligne 42"). */
  source?: NamedSource;
  dryRun?: boolean;
  author?: string;
  kind?: ChangeSetKind;
  /** Concurrent write transactions (default 2). */
  writers?: number;
  /** Elements per write transaction (default 10,000). */
  batchSize?: number;
  /** Compare with the stored elements by one scan (true) or by lookups (false); default: by size (plan.ts). */
  scan?: boolean;
  /** Ties find their ends by element id (true) or by actor id (false); default: by size (plan.ts). */
  actorNodes?: boolean;
  /** When a large relationships CSV is planned in parts by threads (plan.ts PlanOptions.split). */
  split?: PlanOptions['split'];
  /** Run this previewed change set (POST /api/imports/:id/commit) instead of a new one. */
  previewed?: string;
  /**
   * A folder for the plan's spill file (the ties' records, streamed to the writers; removed at the end).
   * Default: a temporary folder of its own.
   */
  workDir?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Called (and awaited) once the change set exists, before its first write: a caller reports its id. */
  onBegin?: (id: string) => void | Promise<void>;
}

export interface ImportProgress {
  phase: 'plan' | 'write';
  /** Rows read in this phase, of `total`; `written` elements committed so far. */
  rows: number;
  total: number;
  written: number;
}

export interface FileInfo {
  name: string;
  sha256: string;
  size: number;
  format: InputFormat;
  encoding: string;
  delimiter?: string;
  dateOrder?: DateOrder;
  sheets: { used: string[]; ignored: string[] };
  /** The reader's tables: each column's header, letter and field (what the Importer panel's mapping edits). */
  tables: TableInfo[];
  /** The first rows of each table as parsed, with their issues (set once the files are planned). */
  sample?: InputRow[];
}

/** What `npm run import -- --json` prints and the API answers. */
export interface ImportReport {
  /** The change set written (or previewed); null for a dry run, a refusal, or when nothing changed. */
  importId: string | null;
  dryRun: boolean;
  /** What was detected in the first file (per file in `files`). */
  detected: { encoding: string; delimiter: string | null; dateOrder: DateOrder | null };
  counts: ImportCounts;
  /** The first 1000 issues (errors and warnings), in reading order. */
  issues: ImportIssue[];
  issueCount: { errors: number; warnings: number };
  files: FileInfo[];
  rows: number;
  /** Wall time of each phase: reading and planning every row, then writing (0 for a dry run). */
  seconds: { plan: number; write: number };
}

/** A refusal: the report says every problem found. */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super(`import refused: ${report.issueCount.errors} problem(s)`);
    this.name = 'ImportRefused';
  }
}

async function sha256(path: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Opens every file (detection), hashing each: what the history records. */
export async function openFiles(files: InputFile[], opts: ImportOptions): Promise<{ inputs: OpenedInput[]; infos: FileInfo[] }> {
  const inputs: OpenedInput[] = [];
  const infos: FileInfo[] = [];
  for (const f of files) {
    const input = await openInput(f, { encoding: opts.encoding, delimiter: opts.delimiter, dateOrder: opts.dateOrder, defaultKind: opts.defaultKind, mapping: opts.mapping });
    const d = input.detected;
    inputs.push(input);
    infos.push({
      name: f.name,
      sha256: await sha256(f.path),
      size: (await fs.promises.stat(f.path)).size,
      format: d.format,
      encoding: d.encoding,
      ...(d.delimiter ? { delimiter: d.delimiter } : {}),
      ...(d.dateOrder ? { dateOrder: d.dateOrder } : {}),
      sheets: input.sheets,
      tables: d.tables,
    });
  }
  return { inputs, infos };
}

function report(plan: ImportPlan, infos: FileInfo[], opts: ImportOptions, importId: string | null, planSeconds: number): ImportReport {
  const first = infos[0];
  return {
    importId,
    dryRun: opts.dryRun ?? false,
    detected: { encoding: first?.encoding ?? 'utf-8', delimiter: first?.delimiter ?? null, dateOrder: first?.dateOrder ?? null },
    counts: plan.counts,
    issues: plan.issues.list,
    issueCount: { errors: plan.issues.errors, warnings: plan.issues.warnings },
    files: infos.map((f, i) => ({ ...f, sample: plan.samples[i] ?? [] })),
    rows: plan.rows,
    seconds: { plan: Math.round(planSeconds * 10) / 10, write: 0 },
  };
}

/** The change set's summary: what the history lists. */
function summary(r: ImportReport, opts: ImportOptions): Record<string, unknown> {
  return {
    files: r.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size, format: f.format, encoding: f.encoding, delimiter: f.delimiter, dateOrder: f.dateOrder, sheets: f.sheets })),
    counts: r.counts,
    rows: r.rows,
    seconds: r.seconds,
    warnings: r.issueCount.warnings,
    ...(opts.source ? { source: opts.source } : {}),
    ...(opts.defaultKind ? { defaultKind: opts.defaultKind } : {}),
  };
}

/** Temporary folders of spill files: `maillage-spill-<pid>-…`, so that a killed import's can be told apart. */
const SPILL_PREFIX = 'maillage-spill-';

/** Removes the spill folders of imports whose process is gone (killed half-way; recovery rolls their writes back). */
async function removeStaleSpills(): Promise<void> {
  const tmp = os.tmpdir();
  for (const name of await fs.promises.readdir(tmp).catch(() => [] as string[])) {
    const pid = Number(new RegExp(`^${SPILL_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) await fs.promises.rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

const changed = (c: ImportCounts) => Object.values(c).some((e) => e.created + e.updated > 0);
const toWrite = (c: ImportCounts) => Object.values(c).reduce((s, e) => s + e.created + e.updated, 0);

/**
 * Plans the files and, unless it is a dry run or a problem was found, writes the plan as one change set.
 * Refusals (any error issue) throw ImportRefused with the report; a failure while writing rolls back and
 * rethrows. Returns the report (importId null when nothing changed).
 */
export async function runImport(db: Db, files: InputFile[], opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const { inputs, infos } = await openFiles(files, opts);
  const defaultKind = inputs[0]?.detected.defaultKind as ActorKind | undefined;
  let written = 0;
  const progress = (p: { phase: 'plan' | 'write'; rows: number; total: number }) => opts.onProgress?.({ ...p, written });

  // A previewed change set is re-planned after it starts, so that its state says running while it plans.
  let handle: ChangeSetHandle | undefined;
  if (opts.previewed && !opts.dryRun) {
    handle = await begin(db, { kind: opts.kind ?? 'import', author: opts.author ?? 'local' }, opts.previewed);
    await opts.onBegin?.(handle.id);
  }
  // A dry run writes nothing, not even a spill file.
  if (!opts.dryRun && !opts.workDir) await removeStaleSpills();
  const dir = opts.dryRun ? undefined : (opts.workDir ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), `${SPILL_PREFIX}${process.pid}-`))));
  const spill = dir && path.join(dir, `ties-${process.pid}-${Date.now()}.jsonl`);
  try {
    const plan = await planImport(db, inputs, { defaultKind, source: opts.source, onProgress: progress, batchSize: opts.batchSize, spill, scan: opts.scan, actorNodes: opts.actorNodes, split: opts.split });
    const r = report(plan, infos, opts, null, (performance.now() - t0) / 1000);
    if (plan.issues.errors) throw new ImportRefused(r);
    if (opts.dryRun) return r;
    if (!changed(plan.counts)) {
      if (handle) await handle.commit(summary(r, opts));
      return { ...r, importId: handle?.id ?? null };
    }
    handle ??= await begin(db, { kind: opts.kind ?? 'import', author: opts.author ?? 'local', summary: summary(r, opts), total: toWrite(plan.counts) });
    if (!opts.previewed) await opts.onBegin?.(handle.id);
    const h = handle;
    const t1 = performance.now();
    await writeAll(h, plan.batches(), {
      writers: opts.writers ?? 3,
      onWritten: () => {
        written = h.written;
      },
    });
    r.seconds.write = Math.round((performance.now() - t1) / 100) / 10;
    await h.commit(summary(r, opts));
    return { ...r, importId: h.id };
  } catch (e) {
    if (handle) await rollbackQuietly(handle, e instanceof ImportRefused ? `refusé : ${e.report.issueCount.errors} problème(s)` : e);
    throw e;
  } finally {
    if (dir && !opts.workDir) await fs.promises.rm(dir, { recursive: true, force: true });
    else if (spill) await fs.promises.rm(spill, { force: true });
  }
}
