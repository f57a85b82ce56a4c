// Nodes and edges as two CSV tables (RFC 4180), for spreadsheets and Gephi's spreadsheet import.
import { SYMMETRIC_TYPES } from '../../model/schema';
import { serialize, type PieceFormat } from './format';
import type { Snapshot } from './snapshot';
import { evidenceText, joinList } from './text';

/** Excel reads UTF-8 only with a byte-order mark; without it "Métropole" turns into "MÃ©tropole". */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | undefined;

/** RFC 4180: quote a field holding a comma, quote, CR or LF (or edge spaces), doubling its quotes; absent is empty. */
export function csvCell(v: Cell): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with its CRLF line end (RFC 4180). */
const line = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const NODE_COLUMNS = ['id', 'name', 'kind', 'aliases', 'territory', 'description'] as const;
/** "relationship", not "type": Gephi's import reads a "type" column as Directed/Undirected. */
export const EDGE_COLUMNS = ['id', 'source', 'target', 'relationship', 'directed', 'amount', 'date', 'status', 'role', 'note', 'evidence'] as const;

/** The actors table, BOM and header first. */
export const NODES_CSV: PieceFormat = {
  sections: ['nodes'],
  head: BOM + line(NODE_COLUMNS),
  node: (n) => line([n.id, n.name, n.kind, joinList(n.aliases), n.territory, n.description]),
  tail: '',
};

/** The relationships table, BOM and header first. */
export const EDGES_CSV: PieceFormat = {
  sections: ['edges'],
  head: BOM + line(EDGE_COLUMNS),
  edge: (e) => line([e.id, e.source, e.target, e.type, !SYMMETRIC_TYPES.has(e.type), e.amount, e.date, e.status, e.role, e.note, evidenceText(e.evidence)]),
  tail: '',
};

export const nodesCsv = (s: Snapshot): string => serialize(NODES_CSV, s);
export const edgesCsv = (s: Snapshot): string => serialize(EDGES_CSV, s);
