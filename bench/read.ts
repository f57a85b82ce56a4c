// npm run bench:read [-- ROWS [XLSX_ROWS]]: the import's reading layer alone (no database) on a French Excel CSV of 1M
// relationships: detection (openInput) and one rows() pass, with rows/s and the process's peak RSS; then the same
// relationships (200k by default) as an Excel workbook, read by the importer and by exceljs's own streaming reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openInput } from '../server/import/read';
import { xlsxPartsStream } from '../server/import/read/zip-parts';
import { writeImportFiles, writeImportWorkbook } from './read-files';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

async function main(): Promise<void> {
  const rels = Number(process.argv[2] ?? 1_000_000);
  const dir = path.join(__dirname, '..', '.data', 'bench-read');
  const files = await writeImportFiles(dir, 100_000, rels);
  const size = fs.statSync(files.relationships).size;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  console.log(`# read: ${rels.toLocaleString('en')} relationships, ${mb(size)} (${os.cpus().length} cores, Node ${process.version})`);

  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const input = await openInput({ path: files.relationships, name: path.basename(files.relationships) });
  const t1 = performance.now();
  const cpuDetect = process.cpuUsage(cpu0);
  console.log(`  detect (openInput: bytes, charset, header, every date)  ${((t1 - t0) / 1000).toFixed(2)} s (CPU ${((cpuDetect.user + cpuDetect.system) / 1e6).toFixed(2)} s)   ${input.detected.encoding}, "${input.detected.delimiter}", ${input.detected.dateOrder}, ${input.detected.tables[0].rows} rows`);
  for (const pass of [1, 2]) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    let n = 0;
    let issues = 0;
    for await (const r of input.rows()) {
      if (r.kind === 'issue') issues++;
      else n++;
    }
    const s = (performance.now() - t) / 1000;
    const c = process.cpuUsage(cpu);
    const cs = (c.user + c.system) / 1e6;
    console.log(`  rows() pass ${pass}                                          ${s.toFixed(2)} s   ${Math.round(n / s).toLocaleString('en')} rows/s (CPU ${cs.toFixed(2)} s: ${Math.round(n / cs).toLocaleString('en')} rows/CPU-s), ${issues} issues`);
  }
  const total = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const cpuAll = process.cpuUsage(cpu0);
  console.log(`  detect + 2 passes (what a dry run then a write read)      ${total.toFixed(2)} s (CPU ${((cpuAll.user + cpuAll.system) / 1e6).toFixed(2)} s)   peak RSS ${mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))}`);

  const actors = await openInput({ path: files.actors, name: path.basename(files.actors) });
  const ta = performance.now();
  let na = 0;
  for await (const r of actors.rows()) if (r.kind === 'actor') na++;
  console.log(`  actors file: ${na.toLocaleString('en')} actors in one pass                  ${((performance.now() - ta) / 1000).toFixed(2)} s`);

  const xlsxRows = Number(process.argv[3] ?? 200_000);
  if (xlsxRows > 0) await benchXlsx(dir, xlsxRows);
}

const secs = (t: number, cpu: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(cpu);
  return { wall: (performance.now() - t) / 1000, cpu: (c.user + c.system) / 1e6 };
};

/** The importer's XLSX reading (its own zip reading, shared strings first) beside exceljs reading the file itself. */
async function benchXlsx(dir: string, rels: number): Promise<void> {
  const file = await writeImportWorkbook(dir, 100_000, rels);
  console.log(`# read: ${rels.toLocaleString('en')} relationships as XLSX, ${mb(fs.statSync(file).size)}`);
  let t = performance.now();
  let cpu = process.cpuUsage();
  const input = await openInput({ path: file, name: path.basename(file) });
  let m = secs(t, cpu);
  console.log(`  detect (openInput: zip checks, one sample pass)           ${m.wall.toFixed(2)} s (CPU ${m.cpu.toFixed(2)} s)   ${input.detected.tables[0]?.rows} rows`);
  t = performance.now();
  cpu = process.cpuUsage();
  let n = 0;
  for await (const r of input.rows()) if (r.kind === 'relationship') n++;
  m = secs(t, cpu);
  console.log(`  rows() pass                                               ${m.wall.toFixed(2)} s   ${Math.round(n / m.wall).toLocaleString('en')} rows/s (CPU ${m.cpu.toFixed(2)} s: ${Math.round(n / m.cpu).toLocaleString('en')} rows/CPU-s)`);
  // exceljs alone, on the file (as the importer read it before, sheets buffered in temporary files when they
  // precede the shared strings) and on the parts stream the importer now gives it (shared strings first).
  for (const [label, source] of [
    ['exceljs WorkbookReader on the file (before), one pass    ', () => file],
    ['exceljs WorkbookReader on xlsxPartsStream (now), one pass', () => xlsxPartsStream(file)],
  ] as const) {
    t = performance.now();
    cpu = process.cpuUsage();
    let raw = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source(), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const ws of reader) for await (const _row of ws as unknown as AsyncIterable<unknown>) raw++;
    m = secs(t, cpu);
    console.log(`  ${label}  ${m.wall.toFixed(2)} s   ${Math.round(raw / m.wall).toLocaleString('en')} rows/s (CPU ${m.cpu.toFixed(2)} s: ${Math.round(raw / m.cpu).toLocaleString('en')} rows/CPU-s)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
