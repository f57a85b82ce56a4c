// Generality: the extractor's lexicons and rules name no actor of the seeds; known actors come from the database.
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../../../model/text';
import { Dataset } from '../../../model/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'server', 'extract');
const seeds = Dataset.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'ecosystem.json'), 'utf8')));
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));

/** Every name and alias of the seed actors, with the actor it names. */
const names = seeds.actors.flatMap((a) => [a.name, ...a.aliases].map((n) => ({ id: a.id, n })));

describe('server/extract lexicons and rules', () => {
  it('are read from the extractor folder', () => {
    expect(files).toEqual(expect.arrayContaining(['lexicon.ts', 'rules.ts', 'mentions.ts']));
  });

  it.each(files)('%s names no seed actor', (file) => {
    const raw = fs.readFileSync(path.join(DIR, file), 'utf8');
    const folded = ` ${fold(raw)} `;
    const hits = names.filter(({ n }) => {
      // Acronyms compare in upper case ("CES", not the article "ces"); names compare folded, word by word.
      if (n === n.toUpperCase() && /^[\p{Lu}\d&-]+$/u.test(n)) return new RegExp(`(?<![\\p{L}])${n}(?![\\p{L}])`, 'u').test(raw);
      const f = fold(n);
      return f.length > 0 && folded.includes(` ${f} `);
    });
    expect(hits.map((h) => `${h.n} (${h.id})`)).toEqual([]);
  });
});
