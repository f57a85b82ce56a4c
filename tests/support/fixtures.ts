// Small hand-made datasets for tests, built with helpers so each test states only what it is about.
import type { ActorInput, RelationshipInput, Source } from '../../model/schema';

export interface DatasetInput {
  sources: Source[];
  actors: ActorInput[];
  relationships: RelationshipInput[];
}

export const FIXTURE_SOURCE: Source = { id: 'fixture', title: 'Fixture document', publisher: 'Tests', date: '2020-01-01', language: 'en' };

export function actor(id: string, kind: ActorInput['kind'] = 'company', extra: Partial<ActorInput> = {}): ActorInput {
  return { id, name: extra.name ?? id.toUpperCase(), kind, aliases: [], ...extra };
}

export function rel(
  type: RelationshipInput['type'],
  source: string,
  target: string,
  extra: Partial<RelationshipInput> = {},
): RelationshipInput {
  return { type, source, target, evidence: [{ source: FIXTURE_SOURCE.id, excerpt: `${source} ${type} ${target}` }], ...extra };
}

export function dataset(actors: ActorInput[], relationships: RelationshipInput[]): DatasetInput {
  return { sources: [FIXTURE_SOURCE], actors, relationships };
}
