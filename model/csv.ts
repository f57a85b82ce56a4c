// The one CSV writer (RFC 4180, UTF-8 BOM, one column set) for the server's whole-graph export and the
// client's view export. Pure and zod-free, so the client bundle can import it.
import type { Claim, Evidence, GraphEdge, GraphNode } from './schema';
import { SYMMETRIC_TYPES } from './vocabulary';

/** Excel reads UTF-8 only with a byte-order mark; without it "Métropole" turns into "MÃ©tropole". */
export const BOM = '\uFEFF';

/** " | " rarely occurs in names or excerpts, and reads as a separator to a person. */
export const LIST_SEPARATOR = ' | ';
export const joinList = (xs: readonly string[]): string => xs.join(LIST_SEPARATOR);

/** Evidence as "source: excerpt | source: excerpt", so each excerpt stays next to the document it quotes. */
export const evidenceText = (ev: readonly Evidence[]): string => joinList(ev.map((e) => `${e.source}: ${e.excerpt}`));

/**
 * Conflicting claims as "amount=50000 date=2016 sources=a,b | amount=60000 sources=c": what each group of
 * sources states, in the tie's order (the first is the tie's own amount and date).
 */
export const claimsText = (claims: readonly Claim[]): string =>
  joinList(claims.map((c) => [c.amount !== undefined && `amount=${c.amount}`, c.date !== undefined && `date=${c.date}`, `sources=${c.sources.join(',')}`].filter(Boolean).join(' ')));

export type Cell = string | number | boolean | undefined | null;

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or CR before one) as a formula: a name such as
 * =HYPERLINK("http://evil", "click") would. Such text cells get a leading apostrophe, which Excel, LibreOffice
 * and Sheets read as "this is text" (OWASP's CSV-injection advice). Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote a field holding a comma, quote, CR or LF (or edge spaces), doubling its quotes; absent is empty. */
export function csvCell(v: Cell): string {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with its CRLF line end (RFC 4180). */
export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A table with a header row, CRLF line ends (RFC 4180), BOM first. */
export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  return BOM + [header, ...rows].map(csvLine).join('');
}

/** `mergedIds`: ids of actors merged into this one (they still resolve to it), separated like aliases. */
export const NODE_COLUMNS = ['id', 'name', 'kind', 'aliases', 'territory', 'description', 'mergedIds'] as const;
/** "relationship", not "type": Gephi's import reads a "type" column as Directed/Undirected. */
/** `claims`: empty unless sources disagree on the amount or date (claimsText). */
export const EDGE_COLUMNS = ['id', 'source', 'target', 'relationship', 'directed', 'amount', 'date', 'status', 'role', 'note', 'evidence', 'claims'] as const;

/** The tables' first bytes: the BOM and the header. */
export const NODES_HEAD = BOM + csvLine(NODE_COLUMNS);
export const EDGES_HEAD = BOM + csvLine(EDGE_COLUMNS);

/** One actor's record; only the payload's own fields (Cytoscape's drawing data is ignored). */
export const nodeLine = (n: GraphNode): string => csvLine([n.id, n.name, n.kind, joinList(n.aliases ?? []), n.territory, n.description, n.mergedIds?.length ? joinList(n.mergedIds) : undefined]);

/** One relationship's record, evidence flattened with its sources. */
export const edgeLine = (e: GraphEdge): string =>
  csvLine([e.id, e.source, e.target, e.type, !SYMMETRIC_TYPES.has(e.type), e.amount, e.date, e.status, e.role, e.note, evidenceText(e.evidence ?? []), e.claims?.length ? claimsText(e.claims) : undefined]);

/** Actors as a CSV table. */
export const nodesCsv = (nodes: readonly GraphNode[]): string => NODES_HEAD + nodes.map(nodeLine).join('');

/** Relationships as a CSV table. */
export const edgesCsv = (edges: readonly GraphEdge[]): string => EDGES_HEAD + edges.map(edgeLine).join('');
