// Choosing a table's header among its first rows: titles, blank bands and merged labels above it are skipped.
import { headerIndex, type RawRecord } from '../../../../server/import/read/table';

const recs = (...rows: string[][]): RawRecord[] => rows.map((cells, i) => ({ line: i + 1, cells }));

describe('headerIndex', () => {
  it('skips a one-cell title above a relationships header', () => {
    expect(headerIndex(recs(['Financements 2023', '', ''], ['Financeur', 'Bénéficiaire', 'Montant'], ['Région Sud', 'Ynov', '1 M€']))).toBe(1);
  });

  it('skips a merged band whose labels name no actor column', () => {
    expect(headerIndex(recs(['Acteurs', '', 'Financement'], ['De', 'Vers', 'Montant'], ['a', 'b', '1']), 'relationships')).toBe(1);
  });

  it('takes the header without its type column (the missing type is reported on it, not on a data row)', () => {
    expect(headerIndex(recs(['Titre'], ['De', 'Vers', 'Montant']))).toBe(1);
  });

  it('keeps a one-column actors table whose header is its only cell', () => {
    expect(headerIndex(recs(['Nom'], ['Bpifrance'], ['Ynov Campus']), 'actors')).toBe(0);
  });

  it('falls back to the first row when none names the key columns, so its mapping says what is missing', () => {
    expect(headerIndex(recs(['x', 'y'], ['1', '2']))).toBe(0);
  });
});
