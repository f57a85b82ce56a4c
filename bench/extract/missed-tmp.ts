import fs from 'node:fs';
import path from 'node:path';
import { Dataset } from '../../model/schema';
import { extract } from '../../server/extract';
import { knownFromOthers, scoreArticle } from '../../bench/extract/score';
const ROOT = '/work/wt/extract2';
const gold = Dataset.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'ecosystem.json'), 'utf8')));
const setting = process.argv[2] ?? 'empty';
const found = new Set<string>();
for (const src of gold.sources) {
  const text = fs.readFileSync(path.join('/work/shared/seeds', src.file!), 'utf8');
  const known = setting === 'empty' ? [] : knownFromOthers(gold, src.id);
  const ex = extract(text, { known, sourceDate: src.date });
  const sc = scoreArticle(gold, src.id, text, ex);
  sc.foundRelIds.forEach((x) => found.add(x));
}
for (const r of gold.relationships) {
  const k = r.id ?? `${r.type}:${r.source}:${r.target}`;
  if (found.has(k)) continue;
  console.log(`${k}  [${[...new Set(r.evidence.map((e) => e.source.slice(0, 8)))].join(',')}]`);
}
console.log(found.size);
