// Brokers: the actors through which public funders reach companies, a betweenness restricted by kind.
import type { ActorKind } from '../../model/schema';

/** Public funders: the State, ministries, public banks, CCIs (public_body) and local authorities. */
export const FUNDER_KINDS: readonly ActorKind[] = ['public_body', 'local_authority'];
/** Companies and startups: the seed models startups as companies too. */
export const COMPANY_KINDS: readonly ActorKind[] = ['company'];
/** Past four hops (funder → programme → accelerator → partner → company) a "connection" means little here. */
export const BROKER_MAX_HOPS = 4;

export interface BrokerScore {
  /** Funder–company pairs (F, C) with B on at least one shortest F → C path of at most maxHops arcs, B ≠ F, C. */
  pairs: number;
  /** The same pairs weighted by the fraction of their shortest paths through B (Brandes' pair dependency). */
  share: number;
}

export interface BrokerInput {
  /** Distinct successors per node, symmetric ties as two arcs. */
  out: number[][];
  isFunder: boolean[];
  isCompany: boolean[];
  maxHops?: number;
}

/**
 * For every funder F, a breadth-first search along the arcs (money, piloting and labels flow from F;
 * partnerships both ways), cut at maxHops. Paths follow arc direction because "F funds X which pilots C"
 * connects F to C, while "F and C are both funded by X" does not. Only shortest paths count, as in
 * betweenness: a long detour through a hub is not how F reaches C when a shorter chain exists.
 *
 * pairs counts distinct connections, the ranking the issue asks for; share splits each connection among
 * its alternative routes, so a broker on one route of five scores 0.2 for that pair, not 1.
 */
export function brokers({ out, isFunder, isCompany, maxHops = BROKER_MAX_HOPS }: BrokerInput): BrokerScore[] {
  const n = out.length;
  const score: BrokerScore[] = out.map(() => ({ pairs: 0, share: 0 }));
  const dist = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const preds: number[][] = out.map(() => []);
  const stamp = new Int32Array(n).fill(-1);
  let stampNo = 0;
  for (let f = 0; f < n; f++) {
    if (!isFunder[f]) continue;
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    const order = [f];
    dist[f] = 0;
    sigma[f] = 1;
    for (let head = 0; head < order.length; head++) {
      const v = order[head];
      if (dist[v] === maxHops) continue;
      for (const w of out[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push(w);
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[w].push(v);
        }
      }
    }
    for (let i = order.length - 1; i > 0; i--) {
      const w = order[i];
      const target = isCompany[w] ? 1 : 0;
      for (const v of preds[w]) delta[v] += (sigma[v] / sigma[w]) * (target + delta[w]);
      score[w].share += delta[w];
      if (!target) continue;
      // Every node on some shortest f → w path: walk the predecessor DAG back from w once.
      stampNo += 1;
      const stack = [...preds[w]];
      while (stack.length) {
        const v = stack.pop()!;
        if (v === f || stamp[v] === stampNo) continue;
        stamp[v] = stampNo;
        score[v].pairs += 1;
        stack.push(...preds[v]);
      }
    }
  }
  return score;
}
