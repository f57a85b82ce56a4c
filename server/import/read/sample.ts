// The first rows of each table as parsed, for a preview: collected during a pass the caller makes anyway, or alone.
import type { InputRow, OpenedInput } from './types';

/** Keeps the first `n` data rows of each table (by sheet) and the issues of those lines. */
export class RowSampler {
  readonly rows: InputRow[] = [];
  /** Data rows kept so far. */
  kept = 0;
  private readonly perTable = new Map<string, number>();
  private readonly issuesPerTable = new Map<string, number>();

  constructor(private readonly n = 10) {}

  /** Offers one row of rows(); returns false once nothing more would be kept from this table. */
  add(row: InputRow): boolean {
    if (row.kind === 'issue') {
      const i = row.issue;
      // Issues about a whole file or table (line 1 or none), and those met before the table's n-th row, are
      // kept, within bounds: a table whose every line is wrong must not fill the sample with a million issues.
      const key = `${i.file}|${i.sheet ?? ''}`;
      const head = i.line === undefined || i.line === 1;
      const kept = this.issuesPerTable.get(key) ?? 0;
      if (head ? kept < 5 * this.n : (this.perTable.get(key) ?? 0) < this.n && kept < 2 * this.n) {
        this.issuesPerTable.set(key, kept + 1);
        this.rows.push(row);
      }
      return true;
    }
    const key = `${row.loc.file}|${row.loc.sheet ?? ''}`;
    const k = this.perTable.get(key) ?? 0;
    if (k >= this.n) return false;
    this.perTable.set(key, k + 1);
    this.kept++;
    this.rows.push(row);
    return true;
  }
}

/** The first `n` rows of each table of an input (reading on to the last table when there are several). */
export async function sampleRows(input: OpenedInput, n = 10): Promise<InputRow[]> {
  const s = new RowSampler(n);
  const wanted = Math.max(1, input.detected.tables.length) * n;
  for await (const row of input.rows()) {
    s.add(row);
    if (s.kept >= wanted) break;
  }
  return s.rows;
}
