// Time of one extraction on a long text (the seed articles repeated up to 149,000 characters, just under the
// route's bound): npx tsx bench/extract/speed.ts [CHARS]
import fs from 'node:fs';
import path from 'node:path';
import { extract } from '../../server/extract';

const size = Number(process.argv[2] ?? 149_000);
let dir = path.resolve(__dirname);
while (!fs.existsSync(path.join(dir, 'shared', 'seeds')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
dir = path.join(dir, 'shared', 'seeds');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'));
let text = '';
while (text.length < size) text += files.join('\n\n') + '\n\n';
text = text.slice(0, size);
const t0 = performance.now();
const ex = extract(text, {});
console.log(`${text.length} characters: ${Math.round(performance.now() - t0)} ms, ${ex.actors.length} actors, ${ex.relationships.length} ties`);
