// GraphFilters (model/schema.ts) → the parameters of the cypher/graph/*.cypher queries, and a cache key.
import type { GraphFilters } from '../../model/schema';
import { REL_TYPES } from '../../model/vocabulary';

/** Every filter parameter is always present (null when unset): the queries test `$x IS NULL`. */
export interface FilterParams {
  [key: string]: unknown;
  kinds: string[] | null;
  types: string[];
  statuses: string[] | null;
  /** "As of" year + 1 as a string: a partial ISO date is after the year exactly when it is ≥ this. */
  before: string | null;
  amountMin: number | null;
  amountMax: number | null;
  hideIsolated: boolean;
}

export function filterParams(f: Partial<GraphFilters>): FilterParams {
  return {
    kinds: f.kinds ? [...new Set(f.kinds)].sort() : null,
    types: f.types ? [...new Set(f.types)].sort() : [...REL_TYPES],
    statuses: f.statuses ? [...new Set(f.statuses)].sort() : null,
    before: f.year !== undefined ? String(f.year + 1).padStart(4, '0') : null,
    amountMin: f.amountMin ?? null,
    amountMax: f.amountMax ?? null,
    hideIsolated: f.hideIsolated ?? false,
  };
}

/** True when nothing narrows the graph: counts then come from the count store, not a scan. */
export function isUnfiltered(p: FilterParams): boolean {
  return p.kinds === null && p.types.length === REL_TYPES.length && p.statuses === null && p.before === null &&
    p.amountMin === null && p.amountMax === null && !p.hideIsolated;
}

/** A stable key for caches: the same filters written in another order give the same key. */
export const filterKey = (p: FilterParams): string => JSON.stringify(p);
