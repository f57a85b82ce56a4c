// Conflicting claims: what a new source says about a tie is added beside what the others say, never over it.
import type { Claim, Evidence, RelationshipRecord } from '../../model/schema';

/** What one source states about a tie. */
export interface Statement {
  evidence: Evidence;
  amount?: number;
  date?: string;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** The tie's claims: the stored conflicting ones, or one claim made of its values and every source it cites. */
export function claimsOf(r: RelationshipRecord): Claim[] {
  if (r.claims?.length) return r.claims.map((c) => ({ ...c, sources: [...c.sources] }));
  const c: Claim = { sources: uniq(r.evidence.map((e) => e.source)) };
  if (r.amount !== undefined) c.amount = r.amount;
  if (r.date !== undefined) c.date = r.date;
  return [c];
}

/** The claims kept on the record (only when they conflict), and the tie's own values taken from the first. */
export function withClaims(r: RelationshipRecord, claims: Claim[]): RelationshipRecord {
  const out: RelationshipRecord = { ...r };
  delete out.claims;
  const [first] = claims;
  if (first) {
    if (first.amount !== undefined) out.amount = first.amount;
    else delete out.amount;
    if (first.date !== undefined) out.date = first.date;
    else delete out.date;
  }
  const distinct = new Set(claims.map((c) => `${c.amount ?? ''}|${c.date ?? ''}`));
  if (claims.length >= 2 && distinct.size >= 2) out.claims = claims;
  return out;
}

/**
 * Adds a statement to a tie. Its evidence is appended; an amount or date the tie lacks fills it; one that
 * agrees with a claim joins that claim; one that disagrees becomes a new claim (`claimAdded`), each with its
 * sources, so the tie shows both and funding totals can say so.
 */
export function addStatement(r: RelationshipRecord, s: Statement): { record: RelationshipRecord; claimAdded: boolean } {
  const evidence = r.evidence.some((e) => e.source === s.evidence.source && e.excerpt === s.evidence.excerpt) ? r.evidence : [...r.evidence, s.evidence];
  const base: RelationshipRecord = { ...r, evidence };
  if (s.amount === undefined && s.date === undefined) return { record: base, claimAdded: false };

  const claims = claimsOf(r);
  const src = s.evidence.source;
  const agrees = (c: Claim) =>
    (s.amount === undefined || c.amount === undefined || c.amount === s.amount) && (s.date === undefined || c.date === undefined || c.date === s.date);
  const match = claims.find(agrees);
  if (match) {
    // Agrees (or fills what was unknown): the values complete that claim, the source joins it.
    if (s.amount !== undefined) match.amount = s.amount;
    if (s.date !== undefined) match.date = s.date;
    if (!match.sources.includes(src)) match.sources.push(src);
    return { record: withClaims(base, claims), claimAdded: false };
  }
  const c: Claim = { sources: [src] };
  if (s.amount !== undefined) c.amount = s.amount;
  if (s.date !== undefined) c.date = s.date;
  return { record: withClaims(base, [...claims, c]), claimAdded: true };
}

/** A tie that no longer cites `source`: the source leaves every claim, and a claim no source states any more goes. */
export function dropSource(r: RelationshipRecord, source: string): RelationshipRecord {
  if (!r.claims?.length) return r;
  const claims = claimsOf(r)
    .map((c) => ({ ...c, sources: c.sources.filter((s) => s !== source) }))
    .filter((c) => c.sources.length > 0);
  return withClaims(r, claims);
}
