// GET /api/graph/elements: the filtered network in keyset pages (actors by id, then ties by source actor),
// each page one short query, the position carried by an opaque cursor that also pins the graph version.
import { z } from 'zod';
import type { CompactEdge, CompactNode, ElementsPage } from '../../model/schema';
import type { Db } from '../db';
import { GraphChangedError, ValidationError } from '../errors';
import { toCompactEdge, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import type { FilterParams } from './filters';

/** Where a walk stands: in the actors after `a`, or in the ties after (source `a`, tie `r`, type `t`). */
const Cursor = z.object({
  v: z.number().int().min(0),
  p: z.enum(['n', 'e']),
  a: z.string(),
  r: z.string().optional(),
  t: z.string().optional(),
  /** The filters the walk began with: a cursor is only valid with them. */
  f: z.string(),
  /** The number of the page it leads to (the first is 0): the name a kept page is found by (routes/graph.ts). */
  i: z.number().int().min(1).optional(),
});
type Cursor = z.infer<typeof Cursor>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function badCursor(message: string): ValidationError {
  return new ValidationError([{ field: 'query.cursor', message }]);
}

/** Decodes a cursor and checks it belongs to this walk (same filters) and to the current graph version. */
export function decodeCursor(text: string, filterKey: string, version: number): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a cursor from a previous page: pass the `next` of the last page as it was');
  }
  const c = Cursor.safeParse(json);
  if (!c.success) throw badCursor('not a cursor from a previous page: pass the `next` of the last page as it was');
  if (c.data.f !== filterKey) throw badCursor('this cursor was made with other filters: keep the filters of the first page');
  if (c.data.v !== version) throw new GraphChangedError(c.data.v, version);
  return c.data;
}

/**
 * One page from where `cursor` stands (the start when undefined): actors first, then ties once the actors
 * are exhausted, so a page can hold the last actors and the first ties. `next` is null after the last tie.
 */
export async function readPage(
  db: Db,
  p: FilterParams,
  opts: { version: number; filterKey: string; size: number; cursor?: Cursor },
): Promise<Pick<ElementsPage, 'nodes' | 'edges' | 'next'>> {
  const { version, filterKey: f, size } = opts;
  let cur: Cursor = opts.cursor ?? { v: version, p: 'n', a: '', f };
  // The next page's number, carried by its cursor (a cursor of older code has none: its pages are not kept).
  const i = opts.cursor ? (opts.cursor.i === undefined ? undefined : opts.cursor.i + 1) : 1;
  const nodes: CompactNode[] = [];
  const edges: CompactEdge[] = [];
  if (cur.p === 'n') {
    const rows = (await db.read(Q.elementsActors, { ...p, after: cur.a, size })) as unknown as CompactNode[];
    for (const r of rows) nodes.push({ id: r.id, name: r.name, kind: r.kind });
    if (rows.length === size) return { nodes, edges, next: encodeCursor({ ...cur, a: rows[rows.length - 1].id, i }) };
    cur = { v: version, p: 'e', a: '', r: '', t: '', f };
  }
  const room = size - nodes.length;
  if (room === 0) return { nodes, edges, next: encodeCursor({ ...cur, i }) };
  const rows = (await db.read(Q.elementsTies, { ...p, after: cur.a, afterRel: cur.r ?? '', afterType: cur.t ?? '', size: room })) as unknown as RawEdge[];
  for (const r of rows) edges.push(toCompactEdge(r));
  if (rows.length < room) return { nodes, edges, next: null };
  const last = rows[rows.length - 1];
  return { nodes, edges, next: encodeCursor({ ...cur, a: last.source, r: last.props.id as string, t: last.type, i }) };
}
