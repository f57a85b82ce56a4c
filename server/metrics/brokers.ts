// Brokers: the actors through which public funders reach companies, a betweenness restricted by kind.
import type { ActorKind } from '../../model/vocabulary';
import { sourceOrder } from './betweenness';
import { asCsr, type Csr } from './graph';

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
  out: Csr | readonly (readonly number[])[];
  isFunder: ArrayLike<boolean | number>;
  isCompany: ArrayLike<boolean | number>;
  maxHops?: number;
  /**
   * Search from this many funders only, evenly spaced, and scale the scores up by funders / sample (an
   * estimate, like betweenness pivots); every funder when absent or ≥ their number.
   */
  sample?: number;
  /** Stop starting new searches at this time (performance.now()) once `minSample` are done; scores scale by what was done. */
  deadline?: number;
  minSample?: number;
}

export interface BrokerColumns {
  pairs: Float64Array;
  share: Float64Array;
  /** Funders searched from (fewer than the sample when a deadline cut the searches), and how many there are. */
  searched: number;
  funders: number;
}

/**
 * For every funder F (or a sample of them), a breadth-first search along the arcs (money, piloting and
 * labels flow from F; partnerships both ways), cut at maxHops. Paths follow arc direction because "F funds
 * X which pilots C" connects F to C, while "F and C are both funded by X" does not. Only shortest paths
 * count, as in betweenness: a long detour through a hub is not how F reaches C when a shorter chain exists.
 *
 * pairs counts distinct connections, the ranking the issue asks for; share splits each connection among
 * its alternative routes, so a broker on one route of five scores 0.2 for that pair, not 1.
 */
export function brokerColumns({ out, isFunder, isCompany, maxHops = BROKER_MAX_HOPS, sample, deadline, minSample }: BrokerInput): BrokerColumns {
  const { offset, nbr } = asCsr(out);
  const n = offset.length - 1;
  const pairs = new Float64Array(n);
  const share = new Float64Array(n);
  const funderList: number[] = [];
  for (let v = 0; v < n; v++) if (isFunder[v]) funderList.push(v);
  const F = funderList.length;
  const k = sample !== undefined && sample < F ? Math.max(1, sample) : F;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // Predecessors on shortest paths, in one flat pool per search: predNext links a node's entries.
  const predHead = new Int32Array(n).fill(-1);
  let predNode: Int32Array = new Int32Array(1024);
  let predNext: Int32Array = new Int32Array(1024);
  const stamp = new Int32Array(n).fill(-1);
  let stack: Int32Array = new Int32Array(1024);
  let stampNo = 0;
  const minDone = Math.min(k, Math.max(1, minSample ?? 1));
  let done = 0;
  for (const p of sourceOrder(F, k)) {
    if (deadline !== undefined && done >= minDone && performance.now() > deadline) break;
    done += 1;
    const f = funderList[p];
    let tail = 0;
    let pool = 0;
    order[tail++] = f;
    dist[f] = 0;
    sigma[f] = 1;
    for (let head = 0; head < tail; head++) {
      const v = order[head];
      if (dist[v] === maxHops) continue;
      for (let e = offset[v]; e < offset[v + 1]; e++) {
        const w = nbr[e];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          if (pool === predNode.length) {
            predNode = grow(predNode);
            predNext = grow(predNext);
          }
          predNode[pool] = v;
          predNext[pool] = predHead[w];
          predHead[w] = pool++;
        }
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const target = isCompany[w] ? 1 : 0;
      for (let q = predHead[w]; q >= 0; q = predNext[q]) {
        const v = predNode[q];
        delta[v] += (sigma[v] / sigma[w]) * (target + delta[w]);
      }
      share[w] += delta[w];
      if (!target) continue;
      // Every node on some shortest f → w path: walk the predecessor DAG back from w once (explicit stack).
      stampNo += 1;
      let top = 0;
      for (let q = predHead[w]; q >= 0; q = predNext[q]) {
        if (top === stack.length) stack = grow(stack);
        stack[top++] = predNode[q];
      }
      while (top > 0) {
        const v = stack[--top];
        if (v === f || stamp[v] === stampNo) continue;
        stamp[v] = stampNo;
        pairs[v] += 1;
        for (let q = predHead[v]; q >= 0; q = predNext[q]) {
          if (top === stack.length) stack = grow(stack);
          stack[top++] = predNode[q];
        }
      }
    }
    // Reset only what this search touched.
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      predHead[v] = -1;
    }
  }
  if (done < F && done > 0) {
    const scale = F / done;
    for (let v = 0; v < n; v++) {
      pairs[v] *= scale;
      share[v] *= scale;
    }
  }
  return { pairs, share, searched: done, funders: F };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Broker scores as objects (small graphs and tests): every funder searched. */
export function brokers(input: BrokerInput): BrokerScore[] {
  const c = brokerColumns(input);
  return Array.from(c.pairs, (p, i) => ({ pairs: p, share: c.share[i] }));
}
