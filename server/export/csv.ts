// Nodes and edges as two CSV tables for the whole-graph export: the writer shared with the client (model/csv.ts).
import { edgesCsv as edges, nodesCsv as nodes } from '../../model/csv';
import type { Snapshot } from './snapshot';

export { BOM, csvCell, csvTable, EDGE_COLUMNS, NODE_COLUMNS } from '../../model/csv';

export const nodesCsv = (s: Snapshot): string => nodes(s.nodes);
export const edgesCsv = (s: Snapshot): string => edges(s.edges);
