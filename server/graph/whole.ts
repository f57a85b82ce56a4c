// GET /api/graph's answer (the whole graph with its evidence, as sent), kept for the one graph version and size it
// was read at: the next page (a reload, another user) gets it without the read and its serialisation (~0.8 s at
// 7,000 elements), and the warm-up (server/warm-up.ts) reads it before any page asks, so that the first page of a
// server that has been up gets it too. Every write moves the version (docs/design.md); the size also tells a graph
// reset and loaded again at the same version.
import type { Db } from '../db';
import { readSnapshot } from '../export/snapshot';

export class WholeGraph {
  private kept?: { key: string; body: Promise<string> };
  constructor(private readonly db: Db) {}

  /** The JSON body for the graph at `version` holding `actors` and `relationships`: read once per such key. */
  body(version: number, actors: number, relationships: number): Promise<string> {
    const key = `${version}/${actors}/${relationships}`;
    if (this.kept?.key === key) return this.kept.body;
    const body = readSnapshot(this.db).then(({ nodes, edges }) => JSON.stringify({ nodes, edges }));
    const entry = { key, body };
    this.kept = entry;
    // A failed read is not kept: the next request reads again.
    body.catch(() => { if (this.kept === entry) this.kept = undefined; });
    return body;
  }
}
