// GET /api/relationships/:id: one tie with its evidence, its two ends and the sources it cites (large views
// draw ties without evidence and ask for it here when one is selected).
import { Router } from 'express';
import { RelationshipIdParams, RelationshipQuery, type RelationshipDetail} from '../../model/schema';
import { storedHash } from '../changes/records';
import type { Db } from '../db';
import { AmbiguousIdError, NotFoundError } from '../errors';
import { toEdge, toNode, toSource, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import { parseInput } from '../validate';

type Props = Record<string, unknown>;

export function relationshipRoutes(db: Db): Router {
  const r = Router();
  r.get('/relationships/:id', async (req, res) => {
    const { id } = parseInput(RelationshipIdParams, req.params, 'params');
    const { type } = parseInput(RelationshipQuery, req.query, 'query');
    const rows = (await db.read(Q.relationship, { id, type: type ?? null })) as unknown as (RawEdge & {
      sourceActor: Props;
      targetActor: Props;
      sources: Props[];
    })[];
    if (!rows.length) throw new NotFoundError('Relationship', id);
    if (rows.length > 1) throw new AmbiguousIdError('relationship', id, rows.map((x) => x.type).sort(), 'query.type');
    const [row] = rows;
    const body: RelationshipDetail = {
      relationship: toEdge(row),
      ends: { source: toNode(row.sourceActor), target: toNode(row.targetActor) },
      sources: row.sources.map(toSource),
      version: storedHash('relationship', { props: row.props, type: row.type, source: row.source, target: row.target }),
    };
    res.json(body);
  });
  return r;
}
