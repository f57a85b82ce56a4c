// GET /api/graph/stats: the totals from the count store (constant time, always exact) and the breakdown by
// kind, status, year and amount (a scan of every tie: computed in the background, server/graph/digest.ts).
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES, type GraphStats } from '../../model/schema';
import type { Db } from '../db';
import { Q } from '../queries';
import type { DigestSpec } from './digest';

/** What the count store answers: actors, sources, ties in all and by type. */
export type Totals = Pick<GraphStats, 'actors' | 'relationships' | 'sources' | 'types'>;

/** What takes a scan of every actor and tie. */
export type Breakdown = Pick<GraphStats, 'kinds' | 'statuses' | 'years' | 'amounts'>;

interface Group {
  type: string;
  status: string;
  year: string | null;
  known: boolean;
  minAmount: number | null;
  maxAmount: number | null;
  n: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Actors, sources and ties (by type) of the whole graph, from the count store. */
export async function readTotals(db: Db): Promise<Totals> {
  const [row] = await db.read(Q.graphTotals);
  const types = zeros(REL_TYPES);
  for (const t of REL_TYPES) types[t] = ((row?.types as Record<string, number> | undefined)?.[t]) ?? 0;
  return {
    actors: (row?.actors as number | undefined) ?? 0,
    relationships: (row?.relationships as number | undefined) ?? 0,
    sources: (row?.sources as number | undefined) ?? 0,
    types,
  };
}

/** Actors by kind, ties by status and year, FUNDS amounts: one scan, folded from a few hundred groups. */
export async function readBreakdown(db: Db): Promise<Breakdown> {
  let row: Record<string, unknown> | undefined;
  // Streamed: the background scan of a million ties gets the write timeout (minutes), not a route's 30 s.
  await db.stream(Q.graphBreakdown, {}, (r) => { row = r; });
  const kinds = zeros(ACTOR_KINDS);
  for (const k of (row?.kinds as { kind: string; n: number }[] | undefined) ?? []) {
    if (k.kind in kinds) kinds[k.kind as keyof typeof kinds] += k.n;
  }
  const statuses = zeros(REL_STATUSES);
  const byYear = new Map<number, number>();
  let undated = 0;
  const amounts: GraphStats['amounts'] = { min: null, max: null, known: 0, unknown: 0 };
  for (const g of (row?.groups as Group[] | undefined) ?? []) {
    if (g.status in statuses) statuses[g.status as keyof typeof statuses] += g.n;
    const year = g.year !== null && /^\d{4}$/.test(g.year) ? Number(g.year) : undefined;
    if (year === undefined) undated += g.n;
    else byYear.set(year, (byYear.get(year) ?? 0) + g.n);
    if (g.type !== 'FUNDS') continue;
    if (!g.known) amounts.unknown += g.n;
    else {
      amounts.known += g.n;
      if (g.minAmount !== null && (amounts.min === null || g.minAmount < amounts.min)) amounts.min = g.minAmount;
      if (g.maxAmount !== null && (amounts.max === null || g.maxAmount > amounts.max)) amounts.max = g.maxAmount;
    }
  }
  const counts = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, relationships: n }));
  return {
    kinds,
    statuses,
    years: { min: counts.length ? counts[0].year : null, max: counts.length ? counts[counts.length - 1].year : null, undated, counts },
    amounts,
  };
}

/** The breakdown as a background digest (kept as JSON text). */
export const breakdownDigest: DigestSpec<Breakdown> = {
  key: 'stats-breakdown',
  compute: readBreakdown,
  encode: (b) => JSON.stringify(b),
  decode: (text) => JSON.parse(text) as Breakdown,
};
