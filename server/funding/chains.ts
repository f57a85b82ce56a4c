// Pure funding-chain arithmetic: partial-date order, chain amounts, per-actor totals and ordering; no database.
import type { FundingChain, FundingTotal, GraphEdge, GraphNode, RelStatus } from '../../model/schema';

/**
 * Compares two partial ISO dates ('2015', '2015-03', '2015-03-12') at their common precision:
 * '2015' and '2015-03' are equal (neither is known to be earlier). Returns -1, 0 or 1.
 */
export function comparePartialDates(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when no dated FUNDS hop is earlier than a dated FUNDS hop before it in money-flow order. */
export function datesInOrder(hops: readonly GraphEdge[]): boolean {
  // PILOTS dates are when a standing role began, not when money moved: only FUNDS hops are compared.
  const dated = hops.filter((h) => h.type === 'FUNDS' && h.date).map((h) => h.date as string);
  return dated.every((d, i) => dated.slice(0, i).every((earlier) => comparePartialDates(d, earlier) >= 0));
}

/**
 * Builds a chain from its hops in money-flow order. The amount is known only when one FUNDS hop carries
 * the money (the funder pays the beneficiary, or the structure that pilots it): past one FUNDS hop, how
 * much of the first funder's money reached the end is not known, so it is not guessed.
 */
export function toChain(hops: GraphEdge[]): FundingChain {
  const funds = hops.filter((h) => h.type === 'FUNDS');
  const chain: FundingChain = {
    hops,
    funder: hops[0].source,
    beneficiary: hops[hops.length - 1].target,
    viaPilots: hops.some((h) => h.type === 'PILOTS'),
    undatedHops: funds.filter((h) => !h.date).map((h) => h.id),
    datesInOrder: datesInOrder(hops),
  };
  if (funds.length === 1 && funds[0].amount !== undefined) chain.amount = funds[0].amount;
  return chain;
}

/** The far end of a chain seen from the focal actor: its ultimate funder (upstream) or beneficiary (downstream). */
export function farEnd(chain: FundingChain, direction: 'upstream' | 'downstream'): string {
  return direction === 'upstream' ? chain.funder : chain.beneficiary;
}

/**
 * Per far-end actor: the sum of known chain amounts and the count of unknown parts. Money is counted once
 * per distinct sequence of FUNDS ties (two pilot routes after one grant are one grant), and chains with a
 * declined FUNDS hop are left out (that money never moved).
 */
export function totals(chains: readonly FundingChain[], direction: 'upstream' | 'downstream'): FundingTotal[] {
  const by = new Map<string, { known: number; unknownParts: number; chains: number; viaPilots: boolean; statuses: Set<RelStatus>; seen: Set<string>; disputed: number; min: number; max: number }>();
  for (const c of chains) {
    const funds = c.hops.filter((h) => h.type === 'FUNDS');
    if (funds.some((h) => h.status === 'declined')) continue;
    const actor = farEnd(c, direction);
    const t = by.get(actor) ?? { known: 0, unknownParts: 0, chains: 0, viaPilots: true, statuses: new Set<RelStatus>(), seen: new Set<string>(), disputed: 0, min: 0, max: 0 };
    by.set(actor, t);
    t.chains++;
    t.viaPilots &&= c.viaPilots;
    const key = funds.map((h) => h.id).join('>');
    if (t.seen.has(key)) continue;
    t.seen.add(key);
    funds.forEach((h) => t.statuses.add(h.status));
    if (c.amount === undefined) { t.unknownParts++; continue; }
    t.known += c.amount;
    // Sources disagree on this grant's amount: the total says so, with the range the claims allow.
    const amounts = funds.length === 1 ? (funds[0].claims ?? []).map((x) => x.amount).filter((a): a is number => a !== undefined) : [];
    if (new Set(amounts).size > 1) {
      t.disputed++;
      t.min += Math.min(...amounts);
      t.max += Math.max(...amounts);
    } else {
      t.min += c.amount;
      t.max += c.amount;
    }
  }
  return [...by.entries()]
    .map(([actor, t]) => ({
      actor,
      known: t.known,
      unknownParts: t.unknownParts,
      complete: t.unknownParts === 0,
      chains: t.chains,
      viaPilots: t.viaPilots,
      statuses: [...t.statuses].sort(),
      ...(t.disputed ? { disputed: { parts: t.disputed, min: t.min, max: t.max } } : {}),
    }))
    .sort((a, b) => b.known - a.known || a.unknownParts - b.unknownParts || a.actor.localeCompare(b.actor));
}

/** Chains with known amounts first (largest first), then shorter before longer, then by far-end name and ties. */
export function sortChains(chains: FundingChain[], direction: 'upstream' | 'downstream', nodes: ReadonlyMap<string, GraphNode>): FundingChain[] {
  const name = (c: FundingChain) => nodes.get(farEnd(c, direction))?.name ?? farEnd(c, direction);
  const key = (c: FundingChain) => c.hops.map((h) => h.id).join('>');
  return [...chains].sort(
    (a, b) =>
      (b.amount ?? -1) - (a.amount ?? -1) ||
      a.hops.length - b.hops.length ||
      name(a).localeCompare(name(b), 'fr') ||
      key(a).localeCompare(key(b)),
  );
}

/** Keeps the chains whose dates are in order (respectDates) and says how many were dropped. */
export function filterByDates(chains: FundingChain[], respectDates: boolean): { kept: FundingChain[]; dropped: number } {
  if (!respectDates) return { kept: chains, dropped: 0 };
  const kept = chains.filter((c) => c.datesInOrder);
  return { kept, dropped: chains.length - kept.length };
}
