// Merged cells over several rows (XLSX <mergeCells>, ODS number-rows-spanned): each row reads the block's value.
import { issue, shorten } from './issues';
import type { Cell, RecordItem } from './table';
import type { MergedBlock } from './zip-parts';

export const letters = (col: number): string => (col > 26 ? letters(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

/**
 * Fills each block of merged cells with its top-left cell's value, row by row as the rows stream past: Excel
 * keeps the value in that cell alone, and a funder written once over three fundings is the funder of each.
 * A warning says so once per block, on its first line.
 */
export function mergeFiller(blocks: MergedBlock[], at: { file: string; sheet: string }) {
  const values = new Map<MergedBlock, Cell>();
  return (line: number, cells: Cell[], out: RecordItem[]): void => {
    for (const b of blocks) {
      if (line < b.top || line > b.bottom) continue;
      if (line === b.top) {
        const v = cells[b.left - 1];
        if (v == null || (typeof v === 'string' && !v.trim())) continue;
        values.set(b, v);
        const text = typeof v === 'string' ? v : v.text;
        const range = `${letters(b.left)}${b.top}:${letters(b.right)}${b.bottom}`;
        out.push({ issue: issue({ ...at, line }, 'merged-cells', `cellules fusionnées ${range} : « ${shorten(text)} » est lu sur chacune de leurs lignes (${b.top} à ${b.bottom})`, { severity: 'warning', column: letters(b.left) }) });
      }
      const v = values.get(b);
      if (v === undefined) continue;
      for (let c = b.left; c <= b.right; c++) if (cells[c - 1] == null && !(line === b.top && c === b.left)) cells[c - 1] = v;
    }
  };
}

