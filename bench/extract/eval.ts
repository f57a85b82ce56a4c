// npm run eval:extract: runs the extractor on the seed articles and scores it against seeds/ecosystem.json,
// from an empty graph and leave-one-out. Options: --articles DIR --gold FILE --verbose --min-confidence N.
import fs from 'node:fs';
import path from 'node:path';
import { Dataset } from '../../model/schema';
import { extract } from '../../server/extract';
import { knownFromOthers, scoreArticle, type Scores } from './score';

const ROOT = path.resolve(__dirname, '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The articles folder: --articles, MAILLAGE_ARTICLES, or the first shared/seeds found above the repository. */
function articlesDir(): string {
  const given = arg('articles') ?? process.env.MAILLAGE_ARTICLES;
  if (given) return path.resolve(given);
  for (let d = ROOT; d !== path.dirname(d); d = path.dirname(d)) {
    const c = path.join(d, 'shared', 'seeds');
    if (fs.existsSync(c)) return c;
  }
  throw new Error('articles not found: pass --articles DIR (the folder of the seed articles, e.g. ../shared/seeds)');
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const pad = (s: string, n: number) => s.padEnd(n);

function main(): void {
  const gold = Dataset.parse(JSON.parse(fs.readFileSync(arg('gold') ?? path.join(ROOT, 'seeds', 'ecosystem.json'), 'utf8')));
  const dir = articlesDir();
  const verbose = process.argv.includes('--verbose');
  const minConfidence = arg('min-confidence') ? Number(arg('min-confidence')) : undefined;
  const articles = gold.sources.filter((s) => s.file && fs.existsSync(path.join(dir, s.file)));
  if (!articles.length) throw new Error(`no article of ${dir} is named by a source's "file" in the dataset`);

  for (const setting of ['empty graph', 'leave-one-out'] as const) {
    console.log(`\n## ${setting}\n`);
    console.log(`${pad('article', 30)} ${pad('actors', 16)} ${pad('rel. recall', 18)} ${pad('rel. precision', 18)} precision, any sentence`);
    const goldActors = new Set<string>();
    const goldRels = new Set<string>();
    const foundActors = new Set<string>();
    const foundRels = new Set<string>();
    let candidates = 0;
    let correct = 0;
    let sameTie = 0;
    const summed = { actorsGold: 0, actorsFound: 0, relsGold: 0, relsFound: 0 };
    const rules: Scores['rules'] = {};
    const rulesByArticle: Record<string, string[]> = {};
    const started = Date.now();
    for (const src of articles) {
      const text = fs.readFileSync(path.join(dir, src.file!), 'utf8');
      const known = setting === 'empty graph' ? [] : knownFromOthers(gold, src.id);
      const ex = extract(text, { known, sourceDate: src.date, minConfidence });
      const sc = scoreArticle(gold, src.id, text, ex);
      gold.relationships.filter((r) => r.evidence.some((e) => e.source === src.id)).forEach((r) => {
        goldRels.add(r.id ?? `${r.type}:${r.source}:${r.target}`);
        goldActors.add(r.source);
        goldActors.add(r.target);
      });
      sc.foundActorIds.forEach((id) => foundActors.add(id));
      sc.foundRelIds.forEach((id) => foundRels.add(id));
      candidates += sc.relationships.candidates;
      correct += sc.relationships.correct;
      sameTie += sc.relationships.sameTie;
      summed.actorsGold += sc.actors.gold;
      summed.actorsFound += sc.actors.found;
      summed.relsGold += sc.relationships.gold;
      summed.relsFound += sc.relationships.found;
      for (const [r, v] of Object.entries(sc.rules)) {
        rules[r] = rules[r] ?? { candidates: 0, correct: 0 };
        rules[r].candidates += v.candidates;
        rules[r].correct += v.correct;
        (rulesByArticle[r] = rulesByArticle[r] ?? []).push(`${src.id.split('-')[0]} ${v.correct}/${v.candidates}`);
      }
      console.log(
        `${pad(src.id, 30)} ${pad(`${pct(sc.actors.found, sc.actors.gold)} (${sc.actors.found}/${sc.actors.gold})`, 16)} ` +
          `${pad(`${pct(sc.relationships.found, sc.relationships.gold)} (${sc.relationships.found}/${sc.relationships.gold})`, 18)} ` +
          `${pad(`${pct(sc.relationships.correct, sc.relationships.candidates)} (${sc.relationships.correct}/${sc.relationships.candidates})`, 18)} ` +
          `${pct(sc.relationships.sameTie, sc.relationships.candidates)}`,
      );
      if (verbose) {
        console.log(`  missed actors: ${sc.missedActors.join(', ')}`);
        console.log(`  missed ties: ${sc.missedRelationships.join(', ')}`);
        for (const w of sc.wrong) console.log(`  ✗ ${w}`);
      }
    }
    console.log(
      `${pad('overall', 30)} ${pad(`${pct(foundActors.size, goldActors.size)} (${foundActors.size}/${goldActors.size})`, 16)} ` +
        `${pad(`${pct(foundRels.size, goldRels.size)} (${foundRels.size}/${goldRels.size})`, 18)} ${pad(`${pct(correct, candidates)} (${correct}/${candidates})`, 18)} ${pct(sameTie, candidates)}`,
    );
    console.log(
      `${pad('summed over articles', 30)} ${pad(`${pct(summed.actorsFound, summed.actorsGold)} (${summed.actorsFound}/${summed.actorsGold})`, 16)} ` +
        `${pad(`${pct(summed.relsFound, summed.relsGold)} (${summed.relsFound}/${summed.relsGold})`, 18)}`,
    );
    console.log(`(${articles.length} articles in ${Date.now() - started} ms; "overall" counts each seed actor and tie once, found in any of its articles)`);
    if (verbose) {
      console.log(`\nmissed in every article: ${[...goldRels].filter((k) => !foundRels.has(k)).join(', ')}`);
      console.log('\nper rule: correct/candidates (per article)');
      for (const [r, v] of Object.entries(rules).sort((a, b) => b[1].candidates - a[1].candidates)) console.log(`  ${pad(r, 22)} ${pad(`${v.correct}/${v.candidates}`, 6)} ${rulesByArticle[r].join(', ')}`);
    }
  }
}

main();
