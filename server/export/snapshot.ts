// Reads the whole graph (actors, relationships, sources) in one query, in id order: the input of exports and metrics.
import type { GraphEdge, GraphNode, Source } from '../../model/schema';
import type { Db } from '../db';
import { toEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';

export interface Snapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: Source[];
}

const SOURCE_KEYS = ['id', 'title', 'publisher', 'date', 'language', 'author', 'url', 'file'] as const;

/** Keeps the properties the Source schema knows, so an export re-imports even if a node gained extra ones. */
function toSource(p: Record<string, unknown>): Source {
  const s: Record<string, unknown> = {};
  for (const k of SOURCE_KEYS) if (typeof p[k] === 'string') s[k] = p[k];
  return s as Source;
}

export async function readSnapshot(db: Db): Promise<Snapshot> {
  const [row] = await db.read(Q.exportGraph);
  return {
    nodes: ((row?.nodes as Record<string, unknown>[]) ?? []).map(toNode),
    edges: ((row?.edges as RawEdge[]) ?? []).map(toEdge),
    sources: ((row?.sources as Record<string, unknown>[]) ?? []).map(toSource),
  };
}
