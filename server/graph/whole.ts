// GET /api/graph's answer (the whole graph with its evidence, as sent), kept for the one database, graph version and
// size it was read at: the next page (a reload, another user) gets it without the read and its serialisation (~0.8 s
// at 7,000 elements), and the warm-up (server/warm-up.ts) reads it before any page asks, so that the first page of a
// server that has been up gets it too. Given KeptAnswers (server/graph/answers.ts), it is also kept on disk, so that
// the first page of a server started again on the same graph gets it without waiting for Neo4j.
import type { Db } from '../db';
import { readSnapshot } from '../export/snapshot';
import type { GraphIdentity, KeptAnswers } from './answers';

/** The whole graph's answer and the counts it holds (what a limit is checked against). */
export interface WholeAnswer {
  actors: number;
  relationships: number;
  body: string;
}

const keyOf = (id: GraphIdentity) => `${id.database}/${id.version}`;

export class WholeGraph {
  private kept?: { key: string; actors: number; relationships: number; answer: Promise<WholeAnswer> };
  constructor(private readonly db: Db, private readonly answers?: KeptAnswers) {}

  /** The answer for this database and version when one is at hand (read, or kept on disk), without reading the graph. */
  async known(id: GraphIdentity): Promise<WholeAnswer | undefined> {
    const key = keyOf(id);
    if (this.kept?.key === key) return this.kept.answer.catch(() => undefined);
    const a = await this.answers?.get('graph', id);
    if (!a || typeof a.meta.actors !== 'number' || typeof a.meta.relationships !== 'number') return undefined;
    const answer: WholeAnswer = { actors: a.meta.actors, relationships: a.meta.relationships, body: a.body };
    this.kept ??= { key, actors: answer.actors, relationships: answer.relationships, answer: Promise.resolve(answer) };
    return answer;
  }

  /**
   * The JSON body for the graph of `id` holding `actors` and `relationships` (counted before, so that a write landing
   * meanwhile keys a newer graph under an older version, never the reverse): read once per such key, requests for
   * it meanwhile sharing the read.
   */
  body(id: GraphIdentity, actors: number, relationships: number): Promise<string> {
    const key = keyOf(id);
    const k = this.kept;
    if (k?.key === key && k.actors === actors && k.relationships === relationships) return k.answer.then((a) => a.body);
    const entry = { key, actors, relationships, answer: this.load(id, actors, relationships) };
    this.kept = entry;
    // A failed read is not kept: the next request reads again.
    entry.answer.catch(() => { if (this.kept === entry) this.kept = undefined; });
    return entry.answer.then((a) => a.body);
  }

  private async load(id: GraphIdentity, actors: number, relationships: number): Promise<WholeAnswer> {
    const a = await this.answers?.get('graph', id);
    if (a && a.meta.actors === actors && a.meta.relationships === relationships) return { actors, relationships, body: a.body };
    const { nodes, edges } = await readSnapshot(this.db);
    const answer = { actors, relationships, body: JSON.stringify({ nodes, edges }) };
    void this.answers?.put('graph', id, { meta: { actors, relationships }, body: answer.body });
    return answer;
  }
}
