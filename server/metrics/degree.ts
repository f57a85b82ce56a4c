// Degree counts and known funding amounts per actor, straight from the relationships.
import { SYMMETRIC_TYPES } from '../../model/schema';
import type { IndexedGraph } from './graph';

/** Money in or out along FUNDS: the sum of known amounts (EUR), and how many ties have or lack an amount. */
export interface FundsFlow {
  amount: number;
  known: number;
  unknown: number;
}

export interface Degrees {
  /** Relationships touching the actor, each counted once whatever its direction. */
  degree: number;
  /** Relationships pointing at the actor; a PARTNERS_WITH tie counts here and in outDegree (it runs both ways). */
  inDegree: number;
  outDegree: number;
  fundsOut: FundsFlow;
  fundsIn: FundsFlow;
}

const flow = (): FundsFlow => ({ amount: 0, known: 0, unknown: 0 });

function addFunds(f: FundsFlow, amount: number | undefined): void {
  if (amount === undefined) f.unknown += 1;
  else {
    f.amount += amount;
    f.known += 1;
  }
}

/**
 * Counts every relationship the metric graph keeps, parallel ties included (two FUNDS from one funder in
 * different years are two ties). Unknown amounts are counted, never summed as 0.
 */
export function degrees(g: IndexedGraph): Degrees[] {
  const out: Degrees[] = g.ids.map(() => ({ degree: 0, inDegree: 0, outDegree: 0, fundsOut: flow(), fundsIn: flow() }));
  for (const e of g.edges) {
    const s = out[g.index.get(e.source)!];
    const t = out[g.index.get(e.target)!];
    s.degree += 1;
    t.degree += 1;
    s.outDegree += 1;
    t.inDegree += 1;
    if (SYMMETRIC_TYPES.has(e.type)) {
      s.inDegree += 1;
      t.outDegree += 1;
    }
    if (e.type === 'FUNDS') {
      addFunds(s.fundsOut, e.amount);
      addFunds(t.fundsIn, e.amount);
    }
  }
  return out;
}
