// Streams the whole graph in an export format: read from Neo4j in keyset pages, each page written to the
// response as one chunk, waiting for the client to drain it (backpressure) before reading the next.
import type { Response } from 'express';
import type { GraphEdge, GraphNode, Source } from '../../model/schema';
import type { Db } from '../db';
import { toEdge, toNode, toSource, type RawEdge } from '../graph-mapper';
import { graphVersion } from '../graph/version';
import { Q } from '../queries';
import { piece, type PieceFormat, type Section } from './format';

/** Elements read per query and written per chunk (a few MB at most with evidence). */
export const EXPORT_PAGE = 5000;

type Props = Record<string, unknown>;

/** The pages of one section, in order; each page one short read transaction. */
async function* pages(db: Db, s: Section, size: number): AsyncGenerator<(Source | GraphNode | GraphEdge)[]> {
  if (s === 'edges') {
    let cursor = { after: '', afterRel: '', afterType: '' };
    for (;;) {
      const rows = (await db.read(Q.exportTiesPage, { ...cursor, size })) as unknown as RawEdge[];
      if (rows.length) yield rows.map(toEdge);
      if (rows.length < size) return;
      const last = rows[rows.length - 1];
      cursor = { after: last.source, afterRel: last.props.id as string, afterType: last.type };
    }
  }
  const [query, key, map] = s === 'nodes' ? [Q.exportActorsPage, 'actor', toNode] as const : [Q.exportSourcesPage, 'source', toSource] as const;
  for (let after = ''; ;) {
    const rows = await db.read(query, { after, size });
    if (rows.length) yield rows.map((r) => map(r[key] as Props));
    if (rows.length < size) return;
    after = (rows[rows.length - 1][key] as Props).id as string;
  }
}

/** Writes a chunk; when the socket's buffer is full, waits until it drains (or the client is gone). */
export function writeChunk(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export interface StreamOptions {
  contentType: string;
  filename: string;
  pageSize?: number;
}

/**
 * Sends the graph as an attachment, page by page. Errors before the first byte go to the error handler as
 * usual; after it the response is cut (the download fails rather than ending with a partial file), and so
 * it is when the graph changes during the export (its version moves), since a page could then miss ties.
 */
export async function streamExport(db: Db, res: Response, f: PieceFormat, opts: StreamOptions): Promise<void> {
  const size = opts.pageSize ?? EXPORT_PAGE;
  const version = await graphVersion(db);
  res.set('Content-Type', opts.contentType);
  res.set('Content-Disposition', `attachment; filename="${opts.filename}"`);
  res.set('X-Graph-Version', String(version));
  try {
    await writeChunk(res, f.head);
    for (const s of f.sections) {
      await writeChunk(res, f.open?.(s) ?? '');
      let count = 0;
      for await (const page of pages(db, s, size)) {
        if (res.destroyed) return;
        let chunk = '';
        for (const x of page) chunk += piece(f, s, x, count++);
        await writeChunk(res, chunk);
        const now = await graphVersion(db);
        if (now !== version) throw new Error(`the graph changed during the export (version ${version}, now ${now})`);
      }
      await writeChunk(res, f.close?.(s, count) ?? '');
    }
    res.end(f.tail);
  } catch (e) {
    console.error(`[maillage] export cut short: ${(e as Error).message}`);
    res.destroy(e as Error);
  }
}
