// The candidate ties of one article, one a line, with their rule, confidence and sentence: for debugging rules.
// npx tsx bench/extract/ties.ts FILE|TEXT [REGEXP] [--loo SOURCE_ID]
import fs from 'node:fs';
import path from 'node:path';
import { Dataset } from '../../model/schema';
import { extract } from '../../server/extract';
import { knownFromOthers } from './score';
const text = process.argv[2].endsWith('.txt') ? fs.readFileSync(process.argv[2], 'utf8') : process.argv[2];
const loo = process.argv.indexOf('--loo');
const seeds = Dataset.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../seeds/ecosystem.json'), 'utf8')));
const ex = extract(text, { known: loo > 0 ? knownFromOthers(seeds, process.argv[loo + 1]) : [] });
const name = new Map(ex.actors.map((a) => [a.key, a.name]));
const grep = process.argv[3] && !process.argv[3].startsWith('--') ? new RegExp(process.argv[3], 'i') : undefined;
for (const r of ex.relationships) {
  const line = `${r.type} ${name.get(r.from) ?? r.from} → ${name.get(r.to) ?? r.to} [${r.rule} ${r.confidence} ${r.status}] « ${r.sentence.slice(0, 90)} »`;
  if (!grep || grep.test(line)) console.log(line);
}
