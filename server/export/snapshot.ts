// Reads the whole graph (actors, relationships, sources) in one query, in id order: the input of exports and metrics.
import type { GraphEdge, GraphNode, Source } from '../../model/schema';
import type { Db } from '../db';
import { toEdge, toNode, toSource, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';

export interface Snapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: Source[];
}


export async function readSnapshot(db: Db): Promise<Snapshot> {
  const [row] = await db.read(Q.exportGraph);
  return {
    nodes: ((row?.nodes as Record<string, unknown>[]) ?? []).map(toNode),
    edges: ((row?.edges as RawEdge[]) ?? []).map(toEdge),
    sources: ((row?.sources as Record<string, unknown>[]) ?? []).map(toSource),
  };
}
