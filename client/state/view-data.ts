// The data of the current view in Maillage's dataset format (re-importable with `npm run load`) and as
// two CSV tables. Pure: the export menu hands it the visible nodes and edges.
import type { Dataset, GraphEdge, GraphNode, Source } from '../../model/schema';
import { toDataset } from '../../model/to-dataset';

/**
 * Only the dataset's own fields (Cytoscape data also carries sizes, colours and metrics), and only the
 * sources the view cites: the same conversion as the server's whole-graph export.
 */
export function viewDataset(nodes: GraphNode[], edges: GraphEdge[], sources: Source[]): Dataset {
  const cited = new Set(edges.flatMap((e) => e.evidence.map((ev) => ev.source)));
  return toDataset({ nodes, edges, sources: sources.filter((s) => cited.has(s.id)) });
}

/** The view's CSV tables: the same writer, columns and BOM as the server's export (model/csv.ts). */
export { edgesCsv, nodesCsv } from '../../model/csv';
