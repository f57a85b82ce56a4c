// GET /api/actors/:id/funding: FUNDS chains reaching or leaving an actor, hop by hop, with totals per far end.
import { Router } from 'express';
import { ActorIdParams, FundingQuery, type GraphEdge, type GraphNode } from '../../model/schema';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { filterByDates, sortChains, toChain, totals } from '../funding/chains';
import { toEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import { parseInput } from '../validate';

type Props = Record<string, unknown>;

/** Chains read per request; past it the answer says truncated (a hub's downstream at depth 6 can be huge). */
export const FUNDING_MAX_CHAINS = 1000;

export function fundingRoutes(db: Db): Router {
  const r = Router();

  r.get('/actors/:id/funding', async (req, res) => {
    const { id } = parseInput(ActorIdParams, req.params, 'params');
    const { direction, maxDepth, respectDates } = parseInput(FundingQuery, req.query, 'query');
    const [start] = await db.read(Q.actorNode, { id });
    if (!start) throw new NotFoundError('Actor', id);

    const query = direction === 'upstream' ? Q.fundingUpstream : Q.fundingDownstream;
    // Rows of three kinds: each actor and tie of the chains once, then each chain as the keys of its ties.
    const rows = (await db.read(query, { id, maxDepth, limit: FUNDING_MAX_CHAINS + 1 })) as unknown as { node: Props | null; rel: (RawEdge & { key: string }) | null; chain: string[] | null }[];
    const nodes = new Map<string, GraphNode>([[id, toNode(start.actor as Props)]]);
    const ties = new Map<string, GraphEdge>();
    const keys: string[][] = [];
    for (const row of rows) {
      if (row.node) nodes.set(row.node.id as string, toNode(row.node));
      else if (row.rel) ties.set(row.rel.key, toEdge(row.rel));
      else if (row.chain) keys.push(row.chain);
    }
    const truncated = keys.length > FUNDING_MAX_CHAINS;
    // Both queries return hops from the funder toward the beneficiary: money-flow order already.
    const all = keys.slice(0, FUNDING_MAX_CHAINS).map((chain) => toChain(chain.map((k) => ties.get(k)!)));
    const { kept, dropped } = filterByDates(all, respectDates);
    const chains = sortChains(kept, direction, nodes);

    const edges = new Map<string, GraphEdge>();
    const used = new Set<string>([id]);
    for (const c of chains) for (const h of c.hops) { edges.set(h.id, h); used.add(h.source); used.add(h.target); }
    res.json({
      actor: id,
      direction,
      nodes: [...nodes.values()].filter((n) => used.has(n.id)),
      edges: [...edges.values()],
      chains,
      totals: totals(chains, direction),
      droppedByDates: dropped,
      truncated,
    });
  });

  return r;
}
