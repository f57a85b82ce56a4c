// The header synonym table: French, English, Kumu and Gephi headers map to fields; the table's kind follows.
import { HEADER_SYNONYMS, columnLetter, fieldOfHeader, fundingRoleOfHeader, mapHeaders, tableKindOfSheet } from '../../../../server/import/read/headers';

describe('fieldOfHeader', () => {
  it.each([
    ['De', 'relationships', 'from'],
    ['À', 'relationships', 'to'],
    ['Bénéficiaire', 'relationships', 'to'],
    ['FINANCEUR', 'relationships', 'from'],
    ['Type de relation', 'relationships', 'type'],
    ['Montant (k€)', 'relationships', 'amount'],
    ["Montant en millions d'euros", 'relationships', 'amount'],
    ['Date de début', 'relationships', 'date'],
    ['État', 'relationships', 'status'],
    ['Extrait', 'relationships', 'excerpt'],
    ['URL source', 'relationships', 'sourceUrl'],
    ['Id source', 'relationships', 'fromId'],
    ['Nom', 'actors', 'name'],
    ['Label', 'actors', 'name'],
    ['Type', 'actors', 'kind'],
    ['Nature', 'actors', 'kind'],
    ['Autres noms', 'actors', 'aliases'],
    ['Titre', 'sources', 'title'],
    ['Éditeur', 'sources', 'publisher'],
    ["Nom de l'organisme", 'actors', 'name'],
    ['Organisme', 'actors', 'name'],
    ["Type d'organisme", 'actors', 'kind'],
    ['Catégorie', 'actors', 'kind'],
    ['Organisme financeur', 'relationships', 'from'],
    ['Financeurs', 'relationships', 'from'],
    ['Structure bénéficiaire', 'relationships', 'to'],
    ['Lauréat', 'relationships', 'to'],
    ['Montant (€)', 'relationships', 'amount'],
    ['Montant accordé', 'relationships', 'amount'],
    ["Montant de l'aide (k€)", 'relationships', 'amount'],
    ['Date de la décision', 'relationships', 'date'],
    ['Nature du lien', 'relationships', 'type'],
  ] as const)('%j in a %s table is %s', (header, kind, field) => {
    expect(fieldOfHeader(header, kind)).toBe(field);
  });

  it('lists every header once per table kind (no synonym feeds two fields)', () => {
    for (const fields of Object.values(HEADER_SYNONYMS)) {
      const all = fields.flatMap((f) => f.headers);
      expect(all.length).toBe(new Set(all).size);
    }
  });
});

describe('mapHeaders', () => {
  const fields = (headers: string[]) => mapHeaders(headers).columns.map((c) => c.field);

  it('sees a relationships table in From/To/Type (Kumu)', () => {
    const m = mapHeaders(['From', 'To', 'Type', 'Description', 'Tags']);
    expect(m.kind).toBe('relationships');
    expect(m.columns.map((c) => c.field)).toEqual(['from', 'to', 'type', 'note', null]);
    expect(m.unknown).toEqual([]);
  });

  it('reads Gephi Source/Target as the actors, and Label as the type when no Type column gives one', () => {
    expect(fields(['Source', 'Target', 'Label'])).toEqual(['from', 'to', 'type']);
  });

  it('reads "Source" as the evidence document when another column names the first actor', () => {
    expect(fields(['De', 'Vers', 'Type', 'Source'])).toEqual(['from', 'to', 'type', 'source']);
  });

  it('sees an actors table in Nom/Nature and a sources table in Titre/URL', () => {
    expect(mapHeaders(['Nom', 'Nature']).kind).toBe('actors');
    expect(mapHeaders(['Titre', 'URL', 'Date']).kind).toBe('sources');
    expect(mapHeaders(['Foo', 'Bar']).kind).toBeNull();
  });

  it('keeps the first of two columns for one field and reports the second', () => {
    const m = mapHeaders(['Nom', 'Label', 'Nature']);
    expect(m.columns.map((c) => c.field)).toEqual(['name', null, 'kind']);
    expect(m.duplicates).toEqual([{ index: 1, field: 'name', first: 0 }]);
  });

  it.each([
    [['Nom', 'De', 'Vers', 'Type'], ['from', 'to', 'type'], 1, 0],
    [['Nom', 'Source', 'Target', 'Type'], ['from', 'to', 'type'], 1, 0],
    [['Structure', 'Financeur', 'Bénéficiaire', 'Montant'], ['from', 'to', 'amount'], 1, 0],
    [['De', 'Acteur', 'Vers', 'Type'], ['from', 'to', 'type'], 0, 1],
  ])('lets the explicit first-actor column of %j win over a generic name column, reported as ignored', (headers, kept, from, dropped) => {
    const m = mapHeaders(headers, 'relationships');
    expect(m.columns.filter((c) => c.field).map((c) => c.field)).toEqual(kept);
    expect(m.columns[from].field).toBe('from');
    expect(m.duplicates).toEqual([{ index: dropped, field: 'from', first: from }]);
  });

  it('keeps a generic name column as the first actor when nothing else names it, and when the user maps it', () => {
    expect(fields(['Nom', 'Vers', 'Type'])).toEqual(['from', 'to', 'type']);
    // "Source" beside it is the document, unless a Target column makes the table Gephi's.
    expect(fields(['Acteur', 'Partenaire', 'Source'])).toEqual(['from', 'to', 'source']);
    const m = mapHeaders(['Nom', 'De', 'Vers'], 'relationships', { Nom: 'from' });
    expect(m.columns.map((c) => c.field)).toEqual(['from', null, 'to']);
  });

  it('applies overrides by header: a field, or null to ignore', () => {
    const m = mapHeaders(['Qui', 'Pour qui', 'Quoi', 'Divers'], undefined, { 'Pour qui': 'to', Quoi: 'type', Divers: null });
    expect(m.kind).toBe('relationships');
    expect(m.columns.map((c) => [c.field, c.auto])).toEqual([
      ['from', 'from'],
      ['to', null],
      ['type', null],
      [null, null],
    ]);
    expect(m.unknown).toEqual([]);
  });
});

describe('sheet names and column letters', () => {
  it.each([
    ['Acteurs', 'actors'],
    ['ACTEURS', 'actors'],
    ['Actors', 'actors'],
    ['Relations', 'relationships'],
    ['relationships', 'relationships'],
    ['Sources', 'sources'],
    ['Feuil1', undefined],
    ['Acteurs ', 'actors'],
    ['Relations (2024)', 'relationships'],
    ['Liste des acteurs', 'actors'],
    ['Financements 2023', 'relationships'],
    ['Acteurs et relations', undefined],
  ])('%j holds %s', (name, kind) => {
    expect(tableKindOfSheet(name)).toBe(kind);
  });
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %d is %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});

describe('mapHeaders on tables as users head them', () => {
  it.each([
    [['Partenaire 1', 'Partenaire 2', 'Type de partenariat'], 'relationships', ['from', 'to', 'role']],
    [['Structure', 'Partenaire', 'Nature du partenariat'], 'relationships', ['from', 'to', 'role']],
    [['Qui', 'Fait quoi', 'À qui', 'Combien', 'Quand'], 'relationships', ['from', 'type', 'to', 'amount', 'date']],
    [['Financeur ', 'Bénéficiaire ', 'Montant\u00a0(€)', 'Année '], 'relationships', ['from', 'to', 'amount', 'date']],
    [['Nom', 'Type', 'Ville'], 'actors', ['name', 'kind', 'territory']],
    [["Nom de l'organisme", 'Catégorie', 'Description'], 'actors', ['name', 'kind', 'description']],
  ] as const)('%j is a %s table: %j', (headers, kind, fields) => {
    const m = mapHeaders([...headers]);
    expect(m.kind).toBe(kind);
    expect(m.columns.map((c) => c.field)).toEqual(fields);
  });
});

describe('fundingRoleOfHeader', () => {
  it.each([
    ['Financeur', 'from'],
    ['Organisme financeur', 'from'],
    ['Bénéficiaire (structure)', 'to'],
    ['BÉNÉFICIAIRES', 'to'],
    ['De', undefined],
    ['Acteur 2', undefined],
  ] as const)('%j names the %s of a funding by its role', (header, role) => {
    expect(fundingRoleOfHeader(header)).toBe(role);
  });
});
