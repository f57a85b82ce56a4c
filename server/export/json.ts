// The whole graph in Maillage's dataset format (re-importable with npm run load), written piece by piece
// with the same layout as JSON.stringify(dataset, null, 2).
import { toDatasetActor, toDatasetRelationship } from '../../model/to-dataset';
import type { PieceFormat, Section } from './format';

const KEYS: Record<Section, string> = { sources: 'sources', nodes: 'actors', edges: 'relationships' };

/** One array element at depth 2: indented by four spaces, its inner lines too. */
const element = (x: unknown, i: number) => `${i ? ',' : ''}\n    ${JSON.stringify(x, null, 2).replace(/\n/g, '\n    ')}`;

export const DATASET_JSON: PieceFormat = {
  sections: ['sources', 'nodes', 'edges'],
  head: '{',
  open: (s) => `${s === 'sources' ? '' : ','}\n  "${KEYS[s]}": [`,
  close: (_s, count) => (count ? '\n  ]' : ']'),
  source: (x, i) => element(x, i),
  node: (n, i) => element(toDatasetActor(n), i),
  edge: (e, i) => element(toDatasetRelationship(e), i),
  tail: '\n}\n',
};
