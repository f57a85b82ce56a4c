// An actor's details read a hub's large groups from the relationship indexes (cypher/queries/actor.cypher): the
// walked answer must be the sorted one, ties of equal amounts or dates and absent keys included.
import type { Db, Row } from '../../../server/db';
import { actorParams } from '../../../server/routes/actors';
import { Q } from '../../../server/queries';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;

const N = 40;
const targets = Array.from({ length: N }, (_, i) => `t${String(i).padStart(2, '0')}`);
// Few distinct keys, so that most ranks are decided by the next key: amounts in 4 values (a quarter absent),
// dates in 3 values (a quarter absent), the rest by the tie's id.
const AMOUNTS = [500_000, 300_000, 300_000, undefined];
const DATES = ['2020', '2020-05', undefined, '2019'];
const pick = <T>(xs: T[], i: number, k: number) => xs[Math.floor(i / k) % xs.length];
const keys = (i: number, k = 1) => ({
  ...(pick(AMOUNTS, i, k) !== undefined ? { amount: pick(AMOUNTS, i, k) } : {}),
  ...(pick(DATES, i + 1, k) !== undefined ? { date: pick(DATES, i + 1, k) } : {}),
});
const dateOnly = (i: number) => (pick(DATES, i, 3) !== undefined ? { date: pick(DATES, i, 3) } : {});

const graph = dataset(
  [actor('a-hub', 'public_body'), actor('b-other', 'investor'), ...targets.map((t) => actor(t))],
  [
    // The hub's groups, and another funder's ties with the same keys between them in each index.
    ...targets.map((t, i) => rel('FUNDS', 'a-hub', t, keys(i, 2))),
    ...targets.map((t, i) => rel('FUNDS', 'b-other', t, keys(i + 1))),
    ...targets.map((t, i) => rel('PILOTS', 'a-hub', t, dateOnly(i))),
    ...targets.map((t, i) => rel('PILOTS', 'b-other', t, dateOnly(i + 2))),
    ...targets.map((t, i) => rel('LABELS', 'a-hub', t, dateOnly(i * 7))),
    // Dated ties too few to walk: the group is sorted whole.
    ...targets.map((t, i) => rel('PARTNERS_WITH', 'a-hub', t, i % 16 === 0 ? { date: '2021' } : {})),
    rel('FUNDS', 't00', 'a-hub', { amount: 1000 }),
  ],
);

beforeAll(async () => {
  db = testDb();
  await resetTo(db, graph);
});
afterAll(async () => { await db.close(); });

type Group = { type: string; direction: string; total: number; walked: boolean; rels: { props: { id: string } }[] };
const groups = async (limit: number, walkFrom: number) => {
  const [row]: Row[] = await db.read(Q.actor, actorParams('a-hub', limit, walkFrom));
  return (row.groups as Group[]).sort((x, y) => `${x.type}${x.direction}`.localeCompare(`${y.type}${y.direction}`));
};

describe('the details query on a hub (walked from the relationship indexes or sorted whole)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('gives the same ties in the same order with a limit of %i', async (limit) => {
    const walked = await groups(limit, 0);
    const sorted = await groups(limit, 1_000_000);
    expect(sorted.every((g) => !g.walked)).toBe(true);
    const strip = (gs: Group[]) => gs.map(({ walked: _w, ...g }) => g);
    expect(strip(walked)).toEqual(strip(sorted));
    // The hub's FUNDS, PILOTS and LABELS were walked; its PARTNERS_WITH (3 dated of 40) and its incoming ties were not.
    expect(walked.filter((g) => g.walked).map((g) => g.type)).toEqual(['FUNDS', 'LABELS', 'PILOTS']);
    expect(walked.find((g) => g.type === 'FUNDS' && g.direction === 'out')!.rels).toHaveLength(limit);
  });

  it('sorts the group whole when the limit asks for more keyed ties than there are', async () => {
    const gs = await groups(30, 0);
    expect(gs.some((g) => g.walked)).toBe(false);
    expect(gs.map(({ walked: _w, ...g }) => g)).toEqual((await groups(30, 1_000_000)).map(({ walked: _w, ...g }) => g));
  });

  it('ranks absent amounts after every amount, and equal amounts by date then id (absent dates last)', async () => {
    const [funds] = (await groups(7, 0)).filter((g) => g.type === 'FUNDS' && g.direction === 'out');
    const [all] = (await groups(N, 1_000_000)).filter((g) => g.type === 'FUNDS' && g.direction === 'out');
    expect(all.rels.map((r) => r.props.id).slice(0, 7)).toEqual(funds.rels.map((r) => r.props.id));
    const key = (r: { props: { amount?: number; date?: string; id: string } }) => [r.props.amount ?? -1, r.props.date ?? '', r.props.id] as const;
    const ks = (all.rels as unknown as { props: { amount?: number; date?: string; id: string } }[]).map(key);
    for (let i = 1; i < ks.length; i++) {
      const [a, b] = [ks[i - 1], ks[i]];
      expect(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
    }
  });
});
