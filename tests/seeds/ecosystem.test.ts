// The seed dataset against its articles: valid, referentially sound, and every excerpt quoted verbatim.
import fs from 'node:fs';
import path from 'node:path';
import { checkDataset } from '../../server/dataset';
import type { Dataset } from '../../model/schema';

const ROOT = path.resolve(__dirname, '..', '..');
const raw: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'ecosystem.json'), 'utf8'));
const { dataset } = checkDataset(raw);

// The articles live beside the repository (../shared/seeds), not in it: excerpts only are ours to keep.
const ARTICLES = path.resolve(ROOT, '..', 'shared', 'seeds');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('seeds/ecosystem.json', () => {
  it('passes the dataset checks', () => {
    expect(dataset.actors.length).toBeGreaterThan(40);
  });

  it('uses each of the four relationship types', () => {
    const types = new Set(dataset.relationships.map((r) => r.type));
    expect([...types].sort()).toEqual(['FUNDS', 'LABELS', 'PARTNERS_WITH', 'PILOTS']);
  });

  it('connects all but a few actors: those the articles name without stating a tie', () => {
    const linked = new Set(dataset.relationships.flatMap((r) => [r.source, r.target]));
    const isolated = dataset.actors.filter((a) => !linked.has(a.id));
    expect(isolated.length).toBeLessThan(dataset.actors.length / 10);
    for (const a of isolated) expect(a.description).toBeDefined();
  });

  const withFiles = (dataset as Dataset).sources.filter((s) => s.file);
  const haveArticles = fs.existsSync(ARTICLES);
  (haveArticles ? it : it.skip)('quotes every excerpt verbatim from its article', () => {
    const text = new Map(withFiles.map((s) => [s.id, squash(fs.readFileSync(path.join(ARTICLES, s.file!), 'utf8'))]));
    const misquoted = dataset.relationships.flatMap((r, i) =>
      r.evidence.filter((e) => !text.get(e.source)?.includes(squash(e.excerpt))).map((e) => `relationships.${i} (${e.source}): ${e.excerpt}`),
    );
    expect(misquoted).toEqual([]);
  });

  it('keeps excerpts short: passages, never whole articles', () => {
    const long = dataset.relationships.flatMap((r) => r.evidence).filter((e) => e.excerpt.length > 400);
    expect(long).toEqual([]);
  });
});
