// GET /api/graph/stats: counts of the whole graph for the banner and the filters, read in one query.
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES, type GraphStats } from '../../model/schema';
import type { Db } from '../db';
import { Q } from '../queries';

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

/** Every count but the limits (the route adds those from its configuration). */
export async function readStats(db: Db, version: number): Promise<Omit<GraphStats, 'wholeLimit' | 'graphLimit'>> {
  const [row] = await db.read(Q.graphStats);
  const kinds = zeros(ACTOR_KINDS);
  let actors = 0;
  for (const k of (row?.kinds as { kind: string; n: number }[] | undefined) ?? []) {
    actors += k.n;
    if (k.kind in kinds) kinds[k.kind as keyof typeof kinds] += k.n;
  }
  const types = zeros(REL_TYPES);
  const statuses = zeros(REL_STATUSES);
  const byYear = new Map<number, number>();
  let relationships = 0;
  let undated = 0;
  const amounts: GraphStats['amounts'] = { min: null, max: null, known: 0, unknown: 0 };
  for (const g of (row?.groups as Group[] | undefined) ?? []) {
    relationships += g.n;
    if (g.type in types) types[g.type as keyof typeof types] += g.n;
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
    version,
    actors,
    relationships,
    sources: (row?.sources as number | undefined) ?? 0,
    kinds,
    types,
    statuses,
    years: { min: counts.length ? counts[0].year : null, max: counts.length ? counts[counts.length - 1].year : null, undated, counts },
    amounts,
  };
}
