// /api/imports: upload files for a preview (nothing written), commit it as a change set, follow its progress,
// list the history, undo an import. The files of a preview wait in the import folder until it is committed.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { ImportFocusQuery, ImportIdParams, ImportListQuery, type ImportFocus, type ImportList, type ImportStatus } from '../../model/schema';
import { mayActFor, principal, requireRole } from '../auth';
import { get, list, preview, undo } from '../changes';
import type { Db } from '../db';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { ImportRefused, runImport, type ImportOptions, type ImportProgress, type ImportReport } from '../import';
import { importFocus } from '../import/focus';
import { importOptions } from '../import/options';
import { Q } from '../queries';
import { parseInput } from '../validate';

export interface ImportsConfig {
  /** Where uploaded files wait between preview and commit (one folder per import). */
  dir: string;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Files per import. */
  maxFiles: number;
  /** Elements per write transaction. */
  batchSize?: number;
  /** Write transactions an import runs at once. */
  writers?: number;
}

export const DEFAULT_IMPORTS_CONFIG: ImportsConfig = { dir: path.resolve('.data', 'imports'), maxFileBytes: 512 * 1024 * 1024, maxFiles: 10 };

/** 400 with the report: every problem the files have, nothing written. */
class ImportRefusedError extends AppError {
  constructor(report: ImportReport) {
    super('ImportRefused', 400, `import refused: ${report.issueCount.errors} problem(s) in the files; nothing was written`, { report });
  }
}

interface Upload {
  dir: string;
  files: { path: string; name: string }[];
  fields: Record<string, string>;
}

const SAFE_NAME = /[^\p{L}\p{N} ._()-]+/gu;

/** Streams a multipart upload to disk (never into memory), within the size and count limits. */
function receive(req: Request, cfg: ImportsConfig, dir: string): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: cfg.maxFileBytes, files: cfg.maxFiles, fields: 20, fieldSize: 64 * 1024 } });
    } catch {
      reject(new AppError('UnsupportedMediaType', 415, 'send the files as multipart/form-data (field "files")'));
      return;
    }
    const up: Upload = { dir, files: [], fields: {} };
    const writes: Promise<void>[] = [];
    const outs: fs.WriteStream[] = [];
    let failed: AppError | undefined;
    let done = false;
    const fail = (e: AppError) => {
      failed ??= e;
    };
    const malformed = (e: Error) => fail(new ValidationError([{ field: 'body', message: `malformed multipart body: ${e.message}` }]));
    bb.on('file', (_field: string, stream: Readable & { truncated?: boolean }, info: { filename: string }) => {
      // After an error the parser may go on with the parts already received: their folder is being removed.
      if (done || failed) {
        stream.resume();
        return;
      }
      const name = (path.basename(info.filename || 'fichier').replace(SAFE_NAME, '_').slice(0, 120) || 'fichier').trim();
      const target = path.join(dir, `${up.files.length}-${name}`);
      up.files.push({ path: target, name });
      const out = fs.createWriteStream(target);
      stream.on('limit', () => fail(new AppError('PayloadTooLarge', 413, `"${name}" is larger than ${Math.round(cfg.maxFileBytes / 1024 / 1024)} MB`, { file: name, maxBytes: cfg.maxFileBytes })));
      // The parser destroys a file's stream with an error when the body ends inside it.
      stream.on('error', malformed);
      outs.push(out);
      const written = new Promise<void>((res, rej) => {
        out.on('error', rej);
        out.on('close', res); // after 'finish', or after a destroy (the body broke off)
        stream.pipe(out);
      });
      written.catch(() => undefined); // read by finish(); never an unhandled rejection that would stop the server
      writes.push(written);
    });
    bb.on('field', (name: string, value: string) => {
      up.fields[name] = value;
    });
    bb.on('filesLimit', () => fail(new AppError('PayloadTooLarge', 413, `at most ${cfg.maxFiles} files per import`, { maxFiles: cfg.maxFiles })));
    // Settles once, after the files being written are closed (so that the caller may delete the folder).
    const finish = () => {
      if (done) return;
      done = true;
      if (failed) for (const out of outs) if (!out.writableFinished) out.destroy();
      Promise.allSettled(writes).then((results) => {
        const broken = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) reject(failed);
        else if (broken) reject(broken.reason);
        else resolve(up);
      });
    };
    // busboy emits 'error' and then never 'close' (a malformed part header, a truncated body): without
    // this the request would wait forever.
    bb.on('error', (e: Error) => {
      malformed(e);
      req.unpipe(bb);
      req.resume(); // drain what is left, so that the 400 can be sent on this connection
      finish();
    });
    bb.on('close', finish);
    // The client went away before the end of the body: nothing to answer, but the folder must go.
    req.on('close', () => {
      if (!req.complete) {
        fail(new AppError('BadRequest', 400, 'the upload was interrupted'));
        finish();
      }
    });
    req.pipe(bb);
  });
}

interface Job {
  progress?: ImportProgress;
  promise: Promise<void>;
}

export function importRoutes(db: Db, cfg: ImportsConfig = DEFAULT_IMPORTS_CONFIG): Router {
  const r = Router();
  const jobs = new Map<string, Job>();
  const dirOf = (id: string) => path.join(cfg.dir, id);

  r.post('/imports', requireRole('editor'), async (req, res) => {
    if (!req.is('multipart/form-data')) throw new AppError('UnsupportedMediaType', 415, 'send the files as multipart/form-data (field "files")');
    fs.mkdirSync(cfg.dir, { recursive: true });
    const tmp = fs.mkdtempSync(path.join(cfg.dir, 'upload-'));
    try {
      const up = await receive(req, cfg, tmp);
      if (!up.files.length) throw new ValidationError([{ field: 'body.files', message: 'send at least one file' }]);
      const opts = importOptions(up.fields, 'body');
      let report: ImportReport;
      try {
        report = await runImport(db, up.files, { ...opts, dryRun: true });
      } catch (e) {
        if (e instanceof ImportRefused) throw new ImportRefusedError(e.report);
        throw e;
      }
      const who = principal(res).name;
      const id = await preview(db, { kind: 'import', author: who, summary: { preview: { ...report, importId: null }, options: up.fields, files: report.files } });
      fs.renameSync(tmp, dirOf(id));
      res.status(201).json({ ...report, importId: id });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  r.post('/imports/:id/commit', requireRole('editor'), async (req, res) => {
    const { id } = parseInput(ImportIdParams, req.params, 'params');
    const info = await get(db, id);
    if (info.kind !== 'import') throw new NotFoundError('Import', id);
    if (info.state !== 'previewed') throw new ConflictError(`import ${id} is ${info.state}: only a previewed import can be committed`, { id, state: info.state });
    const dir = dirOf(id);
    const files = (info.summary.files as { name: string }[] | undefined) ?? [];
    const stored = fs.existsSync(dir) ? fs.readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b)) : [];
    if (stored.length !== files.length) throw new ConflictError(`the files of import ${id} are no longer here: upload them again`, { id });
    const opts: ImportOptions = { ...importOptions(info.summary.options ?? {}, 'body'), previewed: id, author: principal(res).name, batchSize: cfg.batchSize, writers: cfg.writers, workDir: dir };
    const job: Job = { promise: Promise.resolve() };
    let started!: () => void;
    const begun = new Promise<void>((res) => (started = res));
    job.promise = runImport(db, stored.map((f, i) => ({ path: path.join(dir, f), name: files[i].name })), { ...opts, onBegin: () => started(), onProgress: (p) => (job.progress = p) })
      .then(() => undefined)
      .catch((e: unknown) => {
        // The change set says why (state rolled_back, error); an unexpected failure is logged as well.
        if (!(e instanceof ImportRefused)) console.error(`[maillage] import ${id} failed:`, e);
      })
      .finally(() => {
        started();
        jobs.delete(id);
        fs.rmSync(dir, { recursive: true, force: true });
      });
    jobs.set(id, job);
    // Answer once the change set is running (or the job ended early): the client follows GET /imports/:id.
    await begun;
    res.status(202).json({ import: await get(db, id) } satisfies ImportStatus);
  });

  r.get('/imports', async (req, res) => {
    const q = parseInput(ImportListQuery, req.query, 'query');
    const body: ImportList = { imports: await list(db, { kinds: ['import', 'seed'], limit: q.limit, before: q.before }) };
    res.json(body);
  });

  r.get('/imports/:id', async (req, res) => {
    const { id } = parseInput(ImportIdParams, req.params, 'params');
    const info = await get(db, id);
    if (info.kind !== 'import' && info.kind !== 'seed') throw new NotFoundError('Import', id);
    const body: ImportStatus = { import: info };
    const live = jobs.get(id)?.progress;
    if (live) body.live = live;
    if (info.state === 'previewed' && info.summary.preview) body.preview = info.summary.preview as ImportStatus['preview'];
    res.json(body);
  });

  r.get('/imports/:id/focus', async (req, res) => {
    const { id } = parseInput(ImportIdParams, req.params, 'params');
    const { limit } = parseInput(ImportFocusQuery, req.query, 'query');
    const info = await get(db, id);
    if (info.kind !== 'import' && info.kind !== 'seed') throw new NotFoundError('Import', id);
    // Before its commit an import wrote nothing; after its undo, what it wrote is gone.
    if (info.state !== 'committed') throw new ConflictError(`import ${id} is ${info.state}: only a committed import has elements to show`, { state: info.state });
    const body: ImportFocus = await importFocus(db, id, limit);
    res.json(body);
  });

  r.delete('/imports/:id', requireRole('editor'), async (req, res) => {
    const { id } = parseInput(ImportIdParams, req.params, 'params');
    const info = await get(db, id);
    if (info.kind !== 'import' && info.kind !== 'seed') throw new NotFoundError('Import', id);
    const p = principal(res);
    if (!mayActFor(p, info.author)) throw new AppError('Forbidden', 403, `only an admin or ${info.author} may undo this import`, { author: info.author });
    if (info.state === 'previewed') {
      // Nothing was written: the preview is dropped with its files.
      await db.write(Q.csTransition, { id, from: ['previewed'], set: { state: 'rolled_back', finishedAt: new Date().toISOString(), error: `discarded by ${p.name}` } });
      fs.rmSync(dirOf(id), { recursive: true, force: true });
    } else await undo(db, id, p.name);
    res.json({ import: await get(db, id) } satisfies ImportStatus);
  });

  return r;
}
