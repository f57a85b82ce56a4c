// Run as its own process (TMPDIR set by the caller): reads each workbook given as argument, sampled five times (the
// reader left early) then whole, and prints what it read and the temporary files it left at that point, as JSON.
// A process of its own because jest's sandboxed process.env does not reach os.tmpdir(), and exceljs's temporary
// files are removed at exit (tmp's graceful cleanup): they are listed before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openInput, type InputRow } from '../../server/import/read';
import { sampleRows } from '../../server/import/read/sample';

const where = (rows: InputRow[]) => rows.map((r) => (r.kind === 'issue' ? (r.issue.code ?? 'issue') : `${r.loc.sheet}:${r.loc.line}`));

async function main(): Promise<void> {
  // tsx keeps its cache there (tsx-<uid>), made before this line runs.
  const before = new Set(fs.readdirSync(os.tmpdir()));
  const files: Record<string, { samples: string[][]; rows: Record<string, number>; codes: string[] }> = {};
  for (const p of process.argv.slice(2)) {
    const input = await openInput({ path: p, name: path.basename(p) });
    const samples: string[][] = [];
    for (let i = 0; i < 5; i++) samples.push(where(await sampleRows(input, 2)));
    const rows: Record<string, number> = {};
    const codes: string[] = [];
    for await (const r of input.rows()) {
      rows[r.kind] = (rows[r.kind] ?? 0) + 1;
      if (r.kind === 'issue') codes.push(r.issue.code ?? 'issue');
    }
    files[path.basename(p)] = { samples, rows, codes };
  }
  process.stdout.write(JSON.stringify({ tmpdir: os.tmpdir(), files, leftovers: fs.readdirSync(os.tmpdir()).filter((f) => !before.has(f)) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
