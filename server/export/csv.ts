// Nodes and edges as two CSV tables (RFC 4180), for spreadsheets and Gephi's spreadsheet import.
import { SYMMETRIC_TYPES } from '../../model/schema';
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

/** A table with a header row, CRLF line ends (RFC 4180), BOM first. */
export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const NODE_COLUMNS = ['id', 'name', 'kind', 'aliases', 'territory', 'description'] as const;
/** "relationship", not "type": Gephi's import reads a "type" column as Directed/Undirected. */
export const EDGE_COLUMNS = ['id', 'source', 'target', 'relationship', 'directed', 'amount', 'date', 'status', 'role', 'note', 'evidence'] as const;

export function nodesCsv(s: Snapshot): string {
  return csvTable(NODE_COLUMNS, s.nodes.map((n) => [n.id, n.name, n.kind, joinList(n.aliases), n.territory, n.description]));
}

export function edgesCsv(s: Snapshot): string {
  return csvTable(
    EDGE_COLUMNS,
    s.edges.map((e) => [
      e.id, e.source, e.target, e.type, !SYMMETRIC_TYPES.has(e.type), e.amount, e.date, e.status, e.role, e.note, evidenceText(e.evidence),
    ]),
  );
}
