// A relationship row → its ends, its evidence (completed with the named source and the locator) and its record:
// the per-row part of the plan, shared by the planner and the threads that plan parts of a large CSV file.
import { SYMMETRIC_TYPES, type RelationshipRecord } from '../../model/schema';
import { issue, shorten } from './read/issues';
import type { ImportIssue, Loc, RelationshipInputRow } from './read/types';
import { keyHash } from './key-index';
import type { Resolver } from './resolve';

/** "Relations, ligne 42": where a row is, as the evidence of a row without an excerpt cites it. */
export function locator(loc: Loc): string {
  return `${loc.file}${loc.sheet ? `, ${loc.sheet}` : ''}, ligne ${loc.line}`;
}

export const relKey = (type: string, id: string) => `${type}\u0000${id}`;

/**
 * What tells apart two ties of one type between the same actors when the file gives no id: the date, else the
 * amount (a funder paying a beneficiary every year). As a number, kept per tie in typed arrays: a date
 * 2016-03-12 → -20160312 (2016 → -20160000), an amount (always > 0) as it is, NaN for neither.
 */
export function discriminant(rel: { date?: string; amount?: number }): number {
  const d = rel.date;
  if (d === undefined) return rel.amount ?? NaN;
  // Read from the characters, without a regex, a substring or a closure: every row pays it.
  const n = d.length;
  if (n === 4 || (n === 7 && d.charCodeAt(4) === 45) || (n === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45)) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (i === 4 || i === 7) continue;
      const c = d.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1e9 - keyHash(d);
      v = v * 10 + c;
    }
    return -(n === 4 ? v * 10000 : n === 7 ? v * 100 : v);
  }
  // Not an ISO date (the readers give one): still told apart by its text, below every date.
  return -1e9 - keyHash(d);
}

/** Whether two discriminants are the same (NaN, neither date nor amount, is the same as NaN). */
export const sameDiscriminant = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * The id of a further tie of a pair whose first row took `TYPE:source:target`: that id suffixed by the row's
 * date (`FUNDS:region-sud:cluster:2016-03-12`), else by its amount (`…:500000eur`); undefined when it has neither.
 */
export function distinctId(derived: string, rel: { date?: string; amount?: number }): string | undefined {
  if (rel.date !== undefined) return `${derived}:${rel.date}`;
  if (rel.amount !== undefined) return `${derived}:${rel.amount}eur`;
  return undefined;
}

/** A relationship row's ends and id, resolved (the cheap part, done for every row in both passes). */
export type Ends = { source: string; target: string; id: string; stored: boolean } | { issues: ImportIssue[] };

/** A relationship row's evidence: built (write pass, and hashes), or only checked (plan pass). */
export type Evidence = { evidence?: { source: string; excerpt: string }[] } | { issues: ImportIssue[] } | { unsourced: ImportIssue };
/** The evidence of a row already checked, built. */
export type Built = { evidence: { source: string; excerpt: string }[] };

/** A relationship row → its ends, its evidence (completed with the named source and the locator), its record. */
export function relBuilder(resolver: Resolver, namedSource: string | undefined) {
  const ends = (rel: RelationshipInputRow, loc: Loc): Ends => {
    const from = resolver.resolveRef(rel.from, loc, 'from');
    const to = resolver.resolveRef(rel.to, loc, 'to');
    if ('issue' in from || 'issue' in to) return { issues: [from, to].flatMap((x) => ('issue' in x ? [x.issue] : [])) };
    let [source, target] = [from.id, to.id];
    if (source === target) return { issues: [issue(loc, 'self-tie', `un acteur ne peut pas être relié à lui-même (${shorten(source)})`)] };
    // A symmetric tie is stored once, ends in a canonical order, so A–B and B–A are the same edge.
    if (SYMMETRIC_TYPES.has(rel.type) && source > target) [source, target] = [target, source];
    return { source, target, id: rel.id ?? `${rel.type}:${source}:${target}`, stored: isStored(from) && isStored(to) };
  };
  // Not a closure per row: tsx's keepNames names each closure it creates (a defineProperty per row).
  const isStored = (r: { id: string; stored?: boolean }) => r.stored ?? resolver.isStored(r.id);

  const evidence = (rel: RelationshipInputRow, loc: Loc, json: boolean, build: boolean): Evidence => {
    const out: { source: string; excerpt: string }[] | undefined = build ? [] : undefined;
    for (const e of rel.evidence) {
      if (json && e.source && !resolver.knowsSource(e.source)) {
        // A dataset file cites sources by id: an unknown one is a mistake, not a new document.
        return { issues: [issue(loc, 'source-unknown', `document source « ${shorten(e.source)} » inconnu : ajoutez-le à « sources »`, { field: 'evidence' })] };
      }
      let source: string;
      if (e.source || e.url) source = resolver.resolveSource(e.source, e.url, loc);
      else if (namedSource) source = namedSource;
      else return { unsourced: issue(loc, 'evidence-missing', `relation sans source : remplissez la colonne Source (ou nommez le document source de l'import, --source-title …)`, { field: 'source' }) };
      out?.push({ source, excerpt: e.excerpt ?? locator(loc) });
    }
    if (!rel.evidence.length) {
      if (!namedSource) return { unsourced: issue(loc, 'evidence-missing', `relation sans source ni extrait : remplissez les colonnes Extrait et Source, ou nommez le document source de l'import (--source-title …)`, { field: 'excerpt' }) };
      out?.push({ source: namedSource, excerpt: locator(loc) });
    }
    return { evidence: out };
  };

  const record = (rel: RelationshipInputRow, e: { source: string; target: string; id: string }, ev: { source: string; excerpt: string }[]): RelationshipRecord => {
    const r: RelationshipRecord = { id: e.id, type: rel.type, source: e.source, target: e.target, status: rel.status ?? 'effective', evidence: ev };
    if (rel.amount !== undefined) r.amount = rel.amount;
    // The raw text is kept only when it says more than the value (`1,5 M€`, `mars 2016`), not `50000`.
    if (rel.amountRaw !== undefined && rel.amountRaw !== String(rel.amount)) r.amountRaw = rel.amountRaw;
    if (rel.date !== undefined) r.date = rel.date;
    if (rel.dateRaw !== undefined && rel.dateRaw !== rel.date) r.dateRaw = rel.dateRaw;
    if (rel.role) r.role = rel.role;
    if (rel.note) r.note = rel.note;
    return r;
  };

  return { ends, evidence, record };
}
