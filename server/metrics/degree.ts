// Degree counts and known funding amounts per actor, straight from the tie columns.
import { FUNDS, TYPE_INDEX, type MetricsInput } from './graph';

/** Money in or out along FUNDS: the sum of known amounts (EUR), and how many ties have or lack an amount. */
export interface FundsFlow {
  amount: number;
  known: number;
  unknown: number;
}

/** Per actor (same index as the input's ids), as columns. */
export interface DegreeColumns {
  /** Relationships touching the actor, each counted once whatever its direction. */
  degree: Int32Array;
  /** Relationships pointing at the actor; a PARTNERS_WITH tie counts here and in outDegree (it runs both ways). */
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** FUNDS out / in: sum of known amounts (EUR), ties with an amount, ties without. */
  fundsOutAmount: Float64Array;
  fundsOutKnown: Int32Array;
  fundsOutUnknown: Int32Array;
  fundsInAmount: Float64Array;
  fundsInKnown: Int32Array;
  fundsInUnknown: Int32Array;
}

const PARTNERS = TYPE_INDEX.get('PARTNERS_WITH')!;

/**
 * Counts every relationship of the input, parallel ties included (two FUNDS from one funder in different
 * years are two ties). Unknown amounts are counted, never summed as 0.
 */
export function degrees(g: MetricsInput): DegreeColumns {
  const n = g.ids.length;
  const d: DegreeColumns = {
    degree: new Int32Array(n), inDegree: new Int32Array(n), outDegree: new Int32Array(n),
    fundsOutAmount: new Float64Array(n), fundsOutKnown: new Int32Array(n), fundsOutUnknown: new Int32Array(n),
    fundsInAmount: new Float64Array(n), fundsInKnown: new Int32Array(n), fundsInUnknown: new Int32Array(n),
  };
  for (let i = 0; i < g.m; i++) {
    const s = g.src[i];
    const t = g.dst[i];
    d.degree[s] += 1;
    d.degree[t] += 1;
    d.outDegree[s] += 1;
    d.inDegree[t] += 1;
    if (g.type[i] === PARTNERS) {
      d.inDegree[s] += 1;
      d.outDegree[t] += 1;
    }
    if (g.type[i] !== FUNDS) continue;
    const a = g.amount[i];
    if (Number.isNaN(a)) {
      d.fundsOutUnknown[s] += 1;
      d.fundsInUnknown[t] += 1;
    } else {
      d.fundsOutAmount[s] += a;
      d.fundsOutKnown[s] += 1;
      d.fundsInAmount[t] += a;
      d.fundsInKnown[t] += 1;
    }
  }
  return d;
}

/** The funding flows of actor i as the API gives them. */
export function fundsOf(d: DegreeColumns, i: number): { fundsOut: FundsFlow; fundsIn: FundsFlow } {
  return {
    fundsOut: { amount: d.fundsOutAmount[i], known: d.fundsOutKnown[i], unknown: d.fundsOutUnknown[i] },
    fundsIn: { amount: d.fundsInAmount[i], known: d.fundsInKnown[i], unknown: d.fundsInUnknown[i] },
  };
}
