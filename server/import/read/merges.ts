// Merged cells over several rows (XLSX <mergeCells>, ODS number-rows-spanned): each row reads the block's value.
import { issue, shorten } from './issues';
import type { Cell, RecordItem } from './table';
import type { MergedBlock } from './zip-parts';

export const letters = (col: number): string => (col > 26 ? letters(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

/** Cells a sheet's merged blocks may fill in all (ten columns merged down a million rows): past it, a few bytes of merges are a bomb. */
export const MAX_MERGE_FILLS = 10_000_000;

/** A sheet whose merged blocks would fill more than MAX_MERGE_FILLS cells. */
export class MergeBombError extends Error {
  readonly code = 'zip-bomb';
}

/**
 * Fills each block of merged cells with its top-left cell's value, row by row as the rows stream past: Excel
 * keeps the value in that cell alone, and a funder written once over three fundings is the funder of each.
 * A warning says so once per block, on its first line. Only the blocks over the current line are looked at
 * (`blocks` is sorted in place by first line; the ODS reader appends to it, in that order, as it reads); a block
 * overlapping one already open is left out (neither Excel nor LibreOffice saves such a thing), and the cells filled
 * are counted: past MAX_MERGE_FILLS the sheet is refused (MergeBombError).
 */
export function mergeFiller(blocks: MergedBlock[], at: { file: string; sheet: string }) {
  blocks.sort((a, b) => a.top - b.top);
  const values = new Map<MergedBlock, Cell>();
  let next = 0;
  let open: MergedBlock[] = [];
  let fills = 0;
  return (line: number, cells: Cell[], out: RecordItem[]): void => {
    while (next < blocks.length && blocks[next].top <= line) {
      const b = blocks[next++];
      if (b.bottom >= line && !open.some((o) => o.left <= b.right && b.left <= o.right)) open.push(b);
    }
    if (!open.length) return;
    if (open.some((b) => b.bottom < line)) open = open.filter((b) => b.bottom >= line);
    for (const b of open) {
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
      for (let c = b.left; c <= b.right; c++) {
        if (cells[c - 1] == null && !(line === b.top && c === b.left)) {
          cells[c - 1] = v;
          fills++;
        }
      }
      if (fills > MAX_MERGE_FILLS) {
        throw new MergeBombError(`ses cellules fusionnées en rempliraient plus de ${MAX_MERGE_FILLS.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} (ligne ${line}) : refusé (bombe ?)`);
      }
    }
  };
}
