// Experiment: actor recall of spaCy's entities (ner.json from spacy_ner.py) against the rules', with the
// eval's matching (names and aliases folded). npx tsx bench/extract/ner-compare.ts ner.json [--articles DIR]
import fs from 'node:fs';
import path from 'node:path';
import { Dataset } from '../../model/schema';
import { extract } from '../../server/extract';
import { nameKey } from './score';

const ROOT = path.resolve(__dirname, '..', '..');
const ner = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, { text: string; label: string }[]>;
const i = process.argv.indexOf('--articles');
const dir = i > 0 ? process.argv[i + 1] : path.resolve(ROOT, '..', '..', 'shared', 'seeds');
const gold = Dataset.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'ecosystem.json'), 'utf8')));
const forms = new Map(gold.actors.map((a) => [a.id, new Set([a.name, ...a.aliases].map(nameKey))]));
let total = 0;
const found = { spacy: 0, rules: 0, union: 0 };
for (const src of gold.sources) {
  if (!src.file || !ner[src.file]) continue;
  const ids = new Set(gold.relationships.filter((r) => r.evidence.some((e) => e.source === src.id)).flatMap((r) => [r.source, r.target]));
  const spacyNames = new Set(ner[src.file].map((e) => nameKey(e.text)));
  const ex = extract(fs.readFileSync(path.join(dir, src.file), 'utf8'), { sourceDate: src.date });
  const ruleNames = new Set(ex.actors.flatMap((a) => [a.name, ...a.aliases]).map(nameKey));
  for (const id of ids) {
    total++;
    const f = [...forms.get(id)!];
    const s = f.some((x) => spacyNames.has(x));
    const r = f.some((x) => ruleNames.has(x));
    found.spacy += +s;
    found.rules += +r;
    found.union += +(s || r);
  }
}
const pct = (n: number) => `${((100 * n) / total).toFixed(1)} % (${n}/${total})`;
console.log(`actor recall, per article then summed: spaCy ${pct(found.spacy)} · rules ${pct(found.rules)} · both ${pct(found.union)} · spaCy ran ${ner._seconds} s`);
