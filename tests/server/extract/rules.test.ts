// The pattern layer on short invented French sentences: voices, lists, titles, amounts, dates, hedges, negations.
import { extract, type Extraction } from '../../../server/extract';

/** The ties of a text as "TYPE from → to [status]" with actor names, for readable expectations. */
function ties(text: string, opts: Parameters<typeof extract>[1] = {}): string[] {
  const ex = extract(text, opts);
  return describe_(ex);
}
function describe_(ex: Extraction): string[] {
  const name = new Map(ex.actors.map((a) => [a.key, a.name]));
  return ex.relationships.map((r) => `${r.type} ${name.get(r.from)} → ${name.get(r.to)} [${r.status}]`);
}

describe('extract: voices', () => {
  it.each([
    ['Le festival Numérica est financé par la Région Occitanie.', 'FUNDS Région Occitanie → Numérica [effective]'],
    ['La start-up Bioxa, soutenue par Bpifrance Occitanie, recrute.', 'PARTNERS_WITH Bpifrance Occitanie → Bioxa [effective]'],
    ['Le programme Tremplin est piloté par l’association Alpes Innovation.', 'PILOTS Alpes Innovation → Tremplin [effective]'],
    ['Organisées par la Chambre de commerce de Savoie, les Rencontres Alpines réunissent 300 dirigeants.', 'PILOTS Chambre de commerce de Savoie → Rencontres Alpines [effective]'],
    ['Épaulée par le Crédit Mutuel Arkéa, la société Nautilia se développe vite.', 'PARTNERS_WITH Crédit Mutuel Arkéa → Nautilia [effective]'],
    ['La Métropole de Lyon finance le campus Rhône Tech.', 'FUNDS Métropole de Lyon → Rhône Tech [effective]'],
    ['La Chambre des métiers, qui porte le salon Artisans Demain, ouvre ses portes.', 'PILOTS Chambre des métiers → Artisans Demain [effective]'],
  ])('%s', (text, expected) => {
    expect(ties(text)).toContain(expected);
  });

  it('reads an unnamed agent after "par" as an actor of its own', () => {
    expect(ties('La marque Occitanie Sud, lancée par le département, séduit les exportateurs.')).toContain('PILOTS département → Occitanie Sud [effective]');
  });
});

describe('extract: titles and appositions', () => {
  it('reads a chain of titles after a person', () => {
    const t = ties('« Nous changeons d’échelle », explique Hélène Martin, directrice générale de Quadria et présidente de l’association Vallée Numérique.');
    expect(t).toEqual(expect.arrayContaining(['PILOTS Hélène Martin → Quadria [effective]', 'PILOTS Hélène Martin → Vallée Numérique [effective]']));
  });

  it('reads a title before the name', () => {
    expect(ties('Selon le président du pôle Mer Bretagne, Yann Le Goff, la filière résiste.')).toContain('PILOTS Yann Le Goff → Mer Bretagne [effective]');
  });

  it('names the ministry a minister heads', () => {
    expect(ties('Le plan a été présenté par le ministre de l’Agriculture Marc Fesneau.')).toEqual(['PILOTS Marc Fesneau → ministère de l’Agriculture [effective]']);
    expect(ties('Marc Fesneau, ministre de l’Agriculture, a visité Agrilab.')).toContain('PILOTS Marc Fesneau → ministère de l’Agriculture [effective]');
  });

  it('marks a former publisher as ended', () => {
    expect(ties('Le titre appartient à Presse Sud, l’ancienne société éditrice de Midi Matin.')).toContain('PILOTS Presse Sud → Midi Matin [ended]');
  });

  it('gives an actor the kind its head noun says', () => {
    const ex = extract('Le pôle Aquaterra et l’association Les Cordées ont signé un partenariat avec la Communauté de communes du Val Vert.');
    const kinds = Object.fromEntries(ex.actors.map((a) => [a.name, a.kind]));
    expect(kinds).toMatchObject({ Aquaterra: 'cluster', 'Les Cordées': 'association', 'Communauté de communes du Val Vert': 'local_authority' });
  });
});

describe('extract: lists of partners', () => {
  it('makes every member of an alliance a partner of the others', () => {
    const t = ties('Le projet est né de l’alliance de trois acteurs : la Ville de Brest, l’Université de Bretagne Occidentale et la société Océanix.');
    expect(t).toHaveLength(3);
    expect(t).toEqual(expect.arrayContaining([expect.stringMatching(/^PARTNERS_WITH (Ville de Brest|Océanix|Université de Bretagne Occidentale) → /)]));
  });

  it('links each partner of a list to the thing they are partners of', () => {
    const t = ties('Le Village by CA compte des partenaires fondateurs comme Orange, Thales ou la Caisse d’Épargne.');
    expect(t).toEqual(expect.arrayContaining([
      'PARTNERS_WITH Orange → Village by CA [effective]',
      'PARTNERS_WITH Thales → Village by CA [effective]',
      'PARTNERS_WITH Caisse d’Épargne → Village by CA [effective]',
    ]));
  });

  it('splits "les villes de X et d’Y" into two cities', () => {
    const ex = extract('Le dossier est porté par les villes de Rennes et de Vannes.');
    expect(ex.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['ville de Rennes', 'ville de Vannes']));
  });
});

describe('extract: amounts and dates', () => {
  it.each([
    ['La Région Grand Est a accordé 1,5 M€ à la start-up Lumio en janvier 2016.', 1_500_000, '2016-01'],
    ['La société Lumio a reçu 19 millions d’euros de la Banque des Territoires depuis 2014.', 19_000_000, '2014'],
    ['La société Lumio a reçu 130 000 euros de la Région Grand Est le 3 mars 2015.', 130_000, '2015-03-03'],
  ])('%s', (text, amount, date) => {
    const [r] = extract(text).relationships;
    expect(r).toMatchObject({ type: 'FUNDS', amount, date });
  });

  it('notes a share of a stated amount as derived', () => {
    const [r] = extract('Le chantier coûte 34 millions d’euros dont un tiers financé par la Caisse des Dépôts, pour le campus Hélios.').relationships;
    expect(r).toMatchObject({ type: 'FUNDS', amount: 11_333_333, derived: expect.stringContaining('un tiers') });
  });

  it('reads "février dernier" against the source date', () => {
    const [r] = extract('Le pilotage du label Tech Loire a été confié en février dernier à l’association Nantes Digitale.', { sourceDate: '2016-01' }).relationships;
    expect(r).toMatchObject({ type: 'PILOTS', date: '2015-02' });
  });
});

describe('extract: status, hedges and negations', () => {
  it.each([
    ['La Région Bretagne devrait financer le campus Ker Lab.', 'planned'],
    ['La Région Bretagne envisage de financer le campus Ker Lab.', 'interest'],
    ['La Région Bretagne n’a pas encore versé les 2 M€ promis au campus Ker Lab.', 'pending'],
    ['La Région Bretagne a refusé de financer le campus Ker Lab.', 'declined'],
    ['Le campus Ker Lab sera financé par la Région Bretagne.', 'planned'],
  ])('%s → %s', (text, status) => {
    const r = extract(text).relationships.find((x) => x.type === 'FUNDS' || x.type === 'PARTNERS_WITH');
    expect(r?.status).toBe(status);
  });

  it('turns a negation into no tie at all', () => {
    expect(extract('La Région Bretagne ne finance pas le campus Ker Lab.').relationships).toEqual([]);
    expect(extract('Le campus Ker Lab n’est pas financé par la Région Bretagne.').relationships).toEqual([]);
  });

  it('never makes a hedged statement effective', () => {
    const rs = extract('Selon des rumeurs, le fonds Armor Capital aurait financé la société Brezh Data.').relationships;
    for (const r of rs) expect(r.status).not.toBe('effective');
  });
});

describe('extract: known actors and offsets', () => {
  const known = [{ id: 'bpi', name: 'Bpifrance', aliases: ['BPI', 'Banque publique d’investissement'], kind: 'public_body' as const }];

  it('finds a known actor by alias, folded, and keeps the others new', () => {
    const ex = extract('La jeune pousse Vetia, accompagnée par la banque publique d’investissement, lève des fonds.', { known });
    expect(ex.actors.find((a) => a.existing?.id === 'bpi')).toBeDefined();
    expect(ex.relationships[0]).toMatchObject({ type: 'PARTNERS_WITH', from: 'db:bpi' });
  });

  it('does not take the article "ces" for an acronym that reads CES', () => {
    const ex = extract('Ces entreprises exposent au CES de Las Vegas.', { known: [{ id: 'ces', name: 'CES', aliases: [], kind: 'event' }] });
    const ces = ex.actors.find((a) => a.existing?.id === 'ces')!;
    expect(ces.mentions).toHaveLength(1);
    expect(ces.mentions[0].text).toBe('CES');
  });

  it('gives each tie its sentence and the sentence its offsets in the text', () => {
    const text = 'Premier paragraphe sans acteur.\n\nLe festival Numérica est financé par la Région Occitanie. Fin.';
    const [r] = extract(text).relationships;
    expect(text.slice(r.start, r.end)).toBe('Le festival Numérica est financé par la Région Occitanie.');
    expect(r.sentence).toBe(text.slice(r.start, r.end));
  });

  it('links an acronym to the name whose initials it gives', () => {
    const ex = extract('L’Agence régionale d’innovation (ARI) soutient Neurotek. L’ARI finance aussi Biosanté.');
    const ari = ex.actors.find((a) => a.name === 'Agence régionale d’innovation');
    expect(ari?.aliases).toContain('ARI');
  });
});
