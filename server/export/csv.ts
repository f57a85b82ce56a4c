// Nodes and edges as two CSV tables for the whole-graph export, streamed piece by piece: the records are
// the writer shared with the client's view export (model/csv.ts: RFC 4180, BOM, formula cells neutralised).
import { EDGES_HEAD, NODES_HEAD, edgeLine, nodeLine } from '../../model/csv';
import { serialize, type PieceFormat } from './format';
import type { Snapshot } from './snapshot';

export { BOM, csvCell, EDGE_COLUMNS, NODE_COLUMNS } from '../../model/csv';

/** The actors table, BOM and header first. */
export const NODES_CSV: PieceFormat = { sections: ['nodes'], head: NODES_HEAD, node: nodeLine, tail: '' };

/** The relationships table, BOM and header first. */
export const EDGES_CSV: PieceFormat = { sections: ['edges'], head: EDGES_HEAD, edge: edgeLine, tail: '' };

export const nodesCsv = (s: Snapshot): string => serialize(NODES_CSV, s);
export const edgesCsv = (s: Snapshot): string => serialize(EDGES_CSV, s);
