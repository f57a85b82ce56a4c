// A graph payload (whole graph or the current view) in Maillage's own dataset format, the one loadDataset
// reads back. Pure and zod-free: the server's export and the client's view export share it.
import type { Actor, Dataset, GraphEdge, GraphNode, Relationship, Source } from './schema';

/** One actor of the dataset format. */
export const toDatasetActor = (n: GraphNode): Actor => ({
  id: n.id,
  name: n.name,
  aliases: n.aliases,
  kind: n.kind,
  ...(n.description !== undefined && { description: n.description }),
  ...(n.territory !== undefined && { territory: n.territory }),
  ...(n.mergedIds?.length && { mergedIds: n.mergedIds }),
});

/** One relationship of the dataset format; it keeps its id, so a re-import lands on the same edge (parallel ties included). */
export const toDatasetRelationship = (e: GraphEdge): Relationship => ({
  id: e.id,
  type: e.type,
  source: e.source,
  target: e.target,
  ...(e.amount !== undefined && { amount: e.amount }),
  ...(e.date !== undefined && { date: e.date }),
  status: e.status,
  ...(e.role !== undefined && { role: e.role }),
  ...(e.note !== undefined && { note: e.note }),
  evidence: e.evidence,
  ...(e.claims && e.claims.length >= 2 && { claims: e.claims }),
});

export function toDataset(s: { nodes: GraphNode[]; edges: GraphEdge[]; sources: Source[] }): Dataset {
  return { sources: s.sources, actors: s.nodes.map(toDatasetActor), relationships: s.edges.map(toDatasetRelationship) };
}
