import type { GraphLayout } from '../../../model/schema';
import { matchServerLayout } from '../../../client/graph/server-layout';

const ready = (over: Partial<Extract<GraphLayout, { status: 'ready' }>> = {}): GraphLayout => ({
  status: 'ready', version: 4, ids: ['b', 'a', 'c'], xy: [10, 11, 20, 21, 30, 31], iterations: 100, computedAt: '2026-11-28T10:00:00Z', scale: 1, ...over,
});
const g = { nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

describe('matchServerLayout', () => {
  it('gives the positions in the payload\'s order when they are of its version and cover every actor', () => {
    expect(Array.from(matchServerLayout(g, 4, ready())!)).toEqual([20, 21, 10, 11, 30, 31]);
  });

  it.each([
    ['another version', 5, ready()],
    ['no version known for the payload', undefined, ready()],
    ['an actor missing', 4, ready({ ids: ['b', 'a', 'd'] })],
    ['fewer actors', 4, ready({ ids: ['b', 'a'], xy: [10, 11, 20, 21] })],
    ['positions missing', 4, ready({ xy: [10, 11, 20] })],
    ['not ready', 4, { status: 'computing', version: 4 } as GraphLayout],
    ['no answer', 4, undefined],
  ])('gives nothing for %s (the page lays out itself)', (_what, version, answer) => {
    expect(matchServerLayout(g, version, answer)).toBeUndefined();
  });
});
