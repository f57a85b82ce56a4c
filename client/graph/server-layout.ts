// Positions the server laid out for the whole network (GET /api/graph/layout, server/layout), matched to a payload:
// used only when they are of the payload's graph version and place every actor it holds — anything else (another
// version, an actor missing, no answer, an error) is undefined, and the page lays the network out itself.
import type { GraphLayout } from '../../model/schema';

/** x, y per node of `g`, in its order, from `answer` when it is of `version` and covers every node; else undefined. */
export function matchServerLayout(g: { nodes: { id: string }[] }, version: number | undefined, answer: GraphLayout | undefined): Float32Array | undefined {
  if (!answer || answer.status !== 'ready' || version === undefined || answer.version !== version) return undefined;
  if (answer.ids.length !== g.nodes.length || answer.xy.length !== 2 * answer.ids.length) return undefined;
  const at = new Map<string, number>();
  answer.ids.forEach((id, i) => at.set(id, i));
  const pos = new Float32Array(2 * g.nodes.length);
  for (let i = 0; i < g.nodes.length; i++) {
    const j = at.get(g.nodes[i].id);
    if (j === undefined) return undefined;
    pos[2 * i] = answer.xy[2 * j];
    pos[2 * i + 1] = answer.xy[2 * j + 1];
  }
  return pos.every(Number.isFinite) ? pos : undefined;
}

/** What showGraph is given to try the server's positions: the answer on its way, and the payload's graph version. */
export interface ServerLayoutAsk {
  answer: Promise<GraphLayout | undefined>;
  version: number | undefined;
}
