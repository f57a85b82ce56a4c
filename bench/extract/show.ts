// Prints each sentence of an article with its actor mentions as slots: for writing and debugging rules.
// npx tsx bench/extract/show.ts FILE [--known | --loo SOURCE_ID] (known: the seed actors as gazetteer; loo: those
// of the other articles, as in the eval's leave-one-out)
import fs from 'node:fs';
import path from 'node:path';
import { Dataset } from '../../model/schema';
import { findMentions, Gazetteer } from '../../server/extract/mentions';
import { knownFromOthers } from './score';
import { tag } from '../../server/extract/rules';
import { sentences } from '../../server/extract/segment';

const file = process.argv[2];
const seeds = Dataset.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../seeds/ecosystem.json'), 'utf8')));
const loo = process.argv.indexOf('--loo');
const known = process.argv.includes('--known') ? seeds.actors : loo > 0 ? knownFromOthers(seeds, process.argv[loo + 1]) : [];
const text = fs.readFileSync(file, 'utf8');
const sents = sentences(text);
const ms = findMentions(sents, new Gazetteer(known));
for (const s of sents) {
  const t = tag(s.index, s.text, s.start, ms.filter((m) => m.sentence === s.index));
  console.log(`[${s.index}] ${t.text}`);
  t.slots.forEach((m, i) => console.log(`     ${i}: ${m.name} (${m.kind ?? '?'}, ${m.via}) ${m.actor}`));
}
