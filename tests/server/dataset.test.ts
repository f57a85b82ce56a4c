import { toStored } from '../../server/changes/records';
import { checkDataset, parseJson } from '../../server/dataset';
import { ValidationError } from '../../server/errors';
import { actor, dataset, rel } from '../support/fixtures';

/** The field paths a failing check names. */
function fieldsOf(input: unknown): string[] {
  try {
    checkDataset(input);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.field);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const valid = () => dataset([actor('a', 'public_body'), actor('b'), actor('c')], [rel('FUNDS', 'a', 'b', { amount: 1000, date: '2015-02' })]);

describe('checkDataset', () => {
  it('accepts a valid dataset and derives relationship ids', () => {
    const { rows } = checkDataset(valid());
    expect(rows.relationships).toHaveLength(1);
    expect(rows.relationships[0]).toMatchObject({ id: 'FUNDS:a:b', type: 'FUNDS', source: 'a', target: 'b' });
    expect(rows.relationships[0]).toMatchObject({ amount: 1000, date: '2015-02', status: 'effective', evidence: [{ source: 'fixture' }] });
  });

  it('stores searchable folded names and aliases on actors', () => {
    const ds = dataset([actor('x', 'company', { name: 'Crédit Agricole', aliases: ['CA'] })], []);
    expect(toStored('actor', checkDataset(ds).rows.actors[0], 'cs-test')).toMatchObject({ searchKeys: ['credit agricole', 'ca'], searchText: 'credit agricole | ca' });
  });

  it('stores a symmetric tie once, whichever way it is written', () => {
    const ds = dataset([actor('a'), actor('b')], [rel('PARTNERS_WITH', 'b', 'a')]);
    expect(checkDataset(ds).rows.relationships[0]).toMatchObject({ id: 'PARTNERS_WITH:a:b', source: 'a', target: 'b' });
  });

  it('names a relationship written twice, in both directions of a symmetric tie', () => {
    const ds = dataset([actor('a'), actor('b')], [rel('PARTNERS_WITH', 'a', 'b'), rel('PARTNERS_WITH', 'b', 'a')]);
    expect(fieldsOf(ds)).toEqual(['relationships.1']);
  });

  it('keeps two ties of one type between one pair when they have their own ids', () => {
    const ds = dataset([actor('a'), actor('b')], [rel('FUNDS', 'a', 'b', { id: 'grant-2015' }), rel('FUNDS', 'a', 'b', { id: 'grant-2016' })]);
    expect(checkDataset(ds).rows.relationships.map((r) => r.id)).toEqual(['grant-2015', 'grant-2016']);
  });

  it('tells two ties of one pair apart by their date, else their amount, as the importer does', () => {
    const ds = dataset(
      [actor('a'), actor('b'), actor('c')],
      [rel('FUNDS', 'a', 'b', { date: '2016', amount: 10 }), rel('FUNDS', 'a', 'b', { date: '2017-03-12', amount: 10 }), rel('FUNDS', 'a', 'c', { amount: 10 }), rel('FUNDS', 'a', 'c', { amount: 20 })],
    );
    expect(checkDataset(ds).rows.relationships.map((r) => r.id)).toEqual(['FUNDS:a:b', 'FUNDS:a:b:2017-03-12', 'FUNDS:a:c', 'FUNDS:a:c:20eur']);
  });

  it.each([
    ['the same date', [{ date: '2016' }, { date: '2016', amount: 5 }]],
    ['the same date as a further tie', [{ date: '2016' }, { date: '2017' }, { date: '2017' }]],
    ['no date and the same amount', [{ amount: 5 }, { amount: 5 }]],
    ['neither a date nor an amount', [{}, {}]],
  ])('refuses a second tie of a pair with %s, naming it', (_, props) => {
    const ds = dataset([actor('a'), actor('b')], props.map((p) => rel('FUNDS', 'a', 'b', p)));
    expect(fieldsOf(ds)).toEqual([`relationships.${props.length - 1}`]);
  });

  it.each([
    ['a relationship without evidence', (d: ReturnType<typeof valid>) => { d.relationships[0].evidence = []; }, 'relationships.0.evidence'],
    ['an unknown relationship type', (d: ReturnType<typeof valid>) => { (d.relationships[0] as { type: string }).type = 'OWNS'; }, 'relationships.0.type'],
    ['an unknown actor kind', (d: ReturnType<typeof valid>) => { (d.actors[1] as { kind: string }).kind = 'alien'; }, 'actors.1.kind'],
    ['a malformed date', (d: ReturnType<typeof valid>) => { d.relationships[0].date = '2015-13'; }, 'relationships.0.date'],
    ['a zero amount (unknown amounts are left out)', (d: ReturnType<typeof valid>) => { d.relationships[0].amount = 0; }, 'relationships.0.amount'],
    ['an unknown status', (d: ReturnType<typeof valid>) => { (d.relationships[0] as { status: string }).status = 'rumour'; }, 'relationships.0.status'],
    ['evidence citing an unknown source', (d: ReturnType<typeof valid>) => { d.relationships[0].evidence[0].source = 'nowhere'; }, 'relationships.0.evidence.0.source'],
    ['a duplicate actor id', (d: ReturnType<typeof valid>) => { d.actors.push(actor('b')); }, 'actors.3.id'],
    ['an id that is not a slug', (d: ReturnType<typeof valid>) => { d.actors[0].id = 'Caisse des dépôts'; }, 'actors.0.id'],
    ['an unexpected field', (d: ReturnType<typeof valid>) => { (d.actors[0] as Record<string, unknown>).colour = 'red'; }, 'actors.0'],
    ['a self-loop', (d: ReturnType<typeof valid>) => { d.relationships[0].target = 'a'; }, 'relationships.0.target'],
  ])('rejects %s and names the field', (_what, spoil, field) => {
    const d = valid();
    spoil(d);
    expect(fieldsOf(d)).toContain(field);
  });

  it('reports every problem at once, not only the first', () => {
    const d = valid();
    d.relationships[0].evidence[0].source = 'nowhere';
    d.actors.push(actor('c'));
    expect(fieldsOf(d).sort()).toEqual(['actors.3.id', 'relationships.0.evidence.0.source']);
  });

  it('leaves relationship ends that the file does not define to be checked against the database', () => {
    const ds = dataset([actor('a')], [rel('FUNDS', 'a', 'elsewhere')]);
    expect(checkDataset(ds).rows.externalActorIds).toEqual(['elsewhere']);
  });
});

describe('parseJson', () => {
  it('names the line and column of a syntax error', () => {
    try {
      parseJson('{\n  "actors": [\n    {"id": "a",}\n  ]\n}', 'mine.json');
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues[0];
      expect(issue.field).toBe('mine.json');
      expect(issue.message).toMatch(/line 3, column \d+/);
    }
  });
});
