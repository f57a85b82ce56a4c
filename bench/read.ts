// npm run bench:read [-- ROWS]: the import's reading layer alone (no database) on a French Excel CSV of 1M
// relationships: detection (openInput) and one rows() pass, with rows/s and the process's peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openInput } from '../server/import/read';
import { writeImportFiles } from './read-files';

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
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
