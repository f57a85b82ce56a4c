// The extractor across sentences and names, on invented French texts: unnamed groups, names written again,
// places standing for an actor, references back (definite, demonstrative, pronoun, title), missing ends read
// from the paragraph's topic, and the rules written for them. None of these names is an actor of the seeds.
import { extract, type Extraction } from '../../../server/extract';
import type { KnownActor } from '../../../server/extract/mentions';

function describe_(ex: Extraction): string[] {
  const name = new Map(ex.actors.map((a) => [a.key, a.name]));
  return ex.relationships.map((r) => `${r.type} ${name.get(r.from)} → ${name.get(r.to)} [${r.status}]`);
}
const ties = (text: string, opts: Parameters<typeof extract>[1] = {}) => describe_(extract(text, opts));

describe('extract: groups the text describes without naming them', () => {
  it('makes a plural description an actor, and "les collectivités" refer back to it', () => {
    const text = 'Ce sont les collectivités locales qui ont mis la main à la poche. Le festival Numérica a reçu 50 000 euros des collectivités.';
    const ex = extract(text);
    expect(describe_(ex)).toContain('FUNDS collectivités locales → Numérica [effective]');
    expect(ex.actors.find((a) => a.name === 'collectivités locales')).toMatchObject({ kind: 'local_authority' });
  });

  it('keeps the name a group is given ("dits « vitrines »") and reads what money is for', () => {
    expect(ties('Elle repose sur une enveloppe de 20 M€ de la Région Bretagne qui a pour objectif d’irriguer six projets publics dits « vitrines » sur le territoire.'))
      .toContain('FUNDS Région Bretagne → projets publics dits « vitrines » [effective]');
  });

  it('reads "de demander" after a group as a verb, not as part of its name', () => {
    const t = ties('Des dispositifs, « Chèque Innovation » et « Prêt Amorçage », permettent aux start-up de la région de demander directement des fonds.');
    expect(t).toEqual(expect.arrayContaining([
      'FUNDS Chèque Innovation → start-up de la région [effective]',
      'FUNDS Prêt Amorçage → start-up de la région [effective]',
    ]));
  });

  it('does not make a group of "les villes de" before two known cities', () => {
    const known: KnownActor[] = [
      { id: 'brest', name: 'Ville de Brest', aliases: ['Brest'], kind: 'local_authority' },
      { id: 'quimper', name: 'Ville de Quimper', aliases: ['Quimper'], kind: 'local_authority' },
    ];
    const ex = extract('Le dossier réunit les villes de Brest et de Quimper.', { known });
    expect(ex.actors.map((a) => a.name).sort()).toEqual(['Ville de Brest', 'Ville de Quimper']);
  });
});

describe('extract: names written again and places standing for actors', () => {
  it('finds a name of several words again where the text writes it otherwise', () => {
    const ex = extract('La société Nova Terra recrute. Nova terra est financée par la Banque Populaire.');
    expect(describe_(ex)).toContain('FUNDS Banque Populaire → Nova Terra [effective]');
    expect(ex.actors.filter((a) => /nova/i.test(a.name))).toHaveLength(1);
  });

  it('reads a place labelled as the actor named by the place and the label', () => {
    const text = 'Nancy-Metz a été labellisée Digital Valley par le gouvernement. Depuis, la Nancy-Metz Digital Valley fédère 300 entreprises.';
    expect(ties(text)).toContain('LABELS Digital Valley → Nancy-Metz Digital Valley [effective]');
  });

  it('does the same with the graph’s actors when the text never writes the full name', () => {
    const known: KnownActor[] = [
      { id: 'dv', name: 'Digital Valley', aliases: [], kind: 'label' },
      { id: 'nmdv', name: 'Nancy-Metz Digital Valley', aliases: [], kind: 'programme' },
      { id: 'nmu', name: 'Nancy-Metz Université', aliases: [], kind: 'university' },
    ];
    const ex = extract('Le 12 mars, Nancy-Metz a été labellisée Digital Valley par le gouvernement.', { known });
    expect(ex.relationships).toContainEqual(expect.objectContaining({ type: 'LABELS', from: 'db:dv', to: 'db:nmdv' }));
  });

  it('never takes a name that is not a place for a longer one ("Digital Valley" stays itself)', () => {
    const ex = extract('La Digital Valley est un label. La Nancy-Metz Digital Valley est financée par la Région Grand Est.');
    expect(ex.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Digital Valley', 'Nancy-Metz Digital Valley']));
  });

  it('keeps "de mai" in a name when no day or year makes it a date', () => {
    const names = (text: string) => extract(text).actors.map((a) => a.name);
    expect(names('La ville de Lorient veut mettre en avant son Pôle nautique de la Rade de mai.')).toContain('Pôle nautique de la Rade de mai');
    expect(names('La Région Bretagne de mai à juin a financé le festival Océanis.')).toContain('Région Bretagne');
    expect(names('Le festival Océanis de mai 2015 est financé par la Région Bretagne.')).toContain('Océanis');
  });

  it('ends an authority’s name with a lower-case "métropole" ("Lorient métropole")', () => {
    expect(ties('Le festival Océanis est porté par Lorient métropole et la Région Bretagne.')).toEqual([
      'PILOTS Lorient métropole → Océanis [effective]',
      'PILOTS Région Bretagne → Océanis [effective]',
    ]);
  });

  it('leaves "du groupe X" after "filiale" its own mention, and skips an apposition for the anchor', () => {
    expect(ties('La société Armor Énergies, filiale du groupe Armor Holding, a annoncé son intérêt pour le festival Océanis.')).toEqual([
      'PILOTS Armor Holding → Armor Énergies [effective]',
      'PARTNERS_WITH Armor Énergies → Océanis [interest]',
    ]);
  });

  it('reads a modal and an adverb before an infinitive in -dre ("devrait enfin rejoindre")', () => {
    expect(ties('La ville de Lorient devrait enfin rejoindre le réseau Océan Numérique.')).toEqual(['PARTNERS_WITH ville de Lorient → Océan Numérique [planned]']);
  });

  it('reads "secrétaire d’État" as a rank in the government, not a post in an organisation', () => {
    expect(ties('Le voyage a été organisé par la ministre de l’Économie Claire Morvan et Jean Morel, secrétaire d’État chargé du numérique.'))
      .toEqual(['PILOTS Claire Morvan → ministère de l’Économie [effective]']);
  });

  it('takes a city acting for the city itself ("Brest" and "la ville de Brest" are one actor)', () => {
    const ex = extract('La ville de Brest soutient les start-up. Brest finance aussi le festival Océanis.');
    expect(describe_(ex)).toContain('FUNDS ville de Brest → Océanis [effective]');
    expect(ex.actors.find((a) => a.name === 'ville de Brest')?.aliases).toContain('Brest');
  });
});

describe('extract: references back', () => {
  it('reads "l’université" as the university met before, named or not', () => {
    const ex = extract('Le programme Tremplin signe un partenariat avec une université bretonne. Université, qui elle assurera la formation, avec l’avènement d’un nouveau master of science data engineering, en partenariat avec Datalis.');
    const uni = ex.actors.find((a) => a.name === 'université bretonne');
    expect(uni?.mentions.length).toBe(2);
    expect(describe_(ex)).toContain('PARTNERS_WITH master of science data engineering → Datalis [effective]');
  });

  it('reads "l’association" as the actor the text introduced as "l’association X", past other associations', () => {
    const text = 'Organisé par l’association Ker Numérique, le festival Océanis grandit. La Fondation Armor rejoint ses mécènes. L’association envisage de créer une école de musique.';
    expect(ties(text)).toContain('PILOTS Ker Numérique → école de musique [interest]');
  });

  it('reads "ce lieu" as the actor the paragraph is about, past a place on the way', () => {
    const text = 'Le campus Océanis\nLe campus Océanis avance sur le technopôle de Plouzané. Sur le site internet de ce lieu hybride, le maire cohabite avec des partenaires fondateurs comme Armor Tech et Breizh Data.';
    expect(ties(text)).toEqual(expect.arrayContaining(['PARTNERS_WITH Armor Tech → Océanis [effective]', 'PARTNERS_WITH Breizh Data → Océanis [effective]']));
  });

  it('reads a title without a name as the person named just before', () => {
    const text = 'Le pôle Mer Bretagne veut exporter. Cette stratégie est celle de Claire Morvan. La directrice générale du cluster, nommée en mars, vise l’Asie.';
    const ex = extract(text);
    expect(describe_(ex)).toContain('PILOTS Claire Morvan → Mer Bretagne [effective]');
    // The tie needs both sentences: its evidence starts with the one that names her.
    const r = ex.relationships.find((x) => x.rule === 'title-reference')!;
    expect(r.sentence).toBe('Cette stratégie est celle de Claire Morvan. La directrice générale du cluster, nommée en mars, vise l’Asie.');
    expect(text.slice(r.start, r.end)).toBe(r.sentence);
  });

  it('reads "il" as the subject of the sentence before, with both sentences as evidence', () => {
    const text = 'Le campus Océanis ouvrira en 2026. Il a reçu 3 millions d’euros de la Région Bretagne.';
    const ex = extract(text);
    const [r] = ex.relationships;
    expect(describe_(ex)).toEqual(['FUNDS Région Bretagne → Océanis [effective]']);
    expect(text.slice(r.start, r.end)).toBe(text);
  });

  it('reads the patient of a passive from a pronoun subject ("Il sera géré par …", "Elle a depuis été reprise par …")', () => {
    expect(ties('Un incubateur baptisé Marée Haute ouvrira en septembre. Il sera géré par l’association Ker Numérique, dont la directrice, Claire Morvan, promet quarante projets.')).toEqual([
      'PILOTS Ker Numérique → Marée Haute [planned]',
      'PILOTS Claire Morvan → Ker Numérique [effective]',
    ]);
    expect(ties('La start-up Hydrolis avait été placée en redressement judiciaire. Elle a depuis été reprise par un fonds d’investissement breton, Armor Capital, qui a injecté 1,5 M€.'))
      .toEqual(['FUNDS Armor Capital → Hydrolis [effective]']);
  });

  it('reads investors of a funding round as funding the company raising it, and "l’entreprise" as that company', () => {
    expect(ties('La start-up Hydrolis lève 2 millions d’euros. Le tour de table est mené par le fonds Armor Capital, accompagné par la Banque Populaire et par la Région Bretagne. L’entreprise a aussi reçu 50 000 euros de la Caisse des Dépôts.')).toEqual([
      'FUNDS Armor Capital → Hydrolis [effective]',
      'FUNDS Banque Populaire → Hydrolis [effective]',
      'FUNDS Région Bretagne → Hydrolis [effective]',
      'FUNDS Caisse des Dépôts → Hydrolis [effective]',
    ]);
    expect(ties('La levée de fonds d’Hydrolis a été menée par le fonds Armor Capital.')).toEqual(['FUNDS Armor Capital → Hydrolis [effective]']);
  });

  it('reads "Son président, X" as X heading what the sentence before was about', () => {
    expect(ties('La ville de Lorient soutient le festival Océanis. Son président, Jean Morel, a salué le projet.')).toContain('PILOTS Jean Morel → ville de Lorient [effective]');
  });

  it('reads a fronted "Labellisée L …, X" and keeps the participle out of the label’s name', () => {
    expect(ties('Labellisée Cité Numérique en février, la start-up Hydrolis recrute.')).toEqual(['LABELS Cité Numérique → Hydrolis [effective]']);
    expect(ties('René Morel a fondé la société Hydrolis.')).toEqual(['PILOTS René Morel → Hydrolis [effective]']);
  });

  it('keeps a capitalised article inside a sentence in the name, and a name ending in "-era" is no future tense', () => {
    expect(ties('La société Hydrolis a signé un partenariat avec La Poste. Elle collabore également avec l’Ifremer sur la sécurité des vols.')).toEqual([
      'PARTNERS_WITH Hydrolis → La Poste [effective]',
      'PARTNERS_WITH Hydrolis → Ifremer [effective]',
    ]);
    expect(ties('Le festival Océanis accompagnera la start-up Hydrolis.')).toEqual(['PARTNERS_WITH Océanis → Hydrolis [planned]']);
    expect(ties('La start-up Hydrolis a été accélérée par Armor Lab.')).toEqual(['PARTNERS_WITH Armor Lab → Hydrolis [effective]']);
  });

  it('reads "tous" as the actors the sentence before lists', () => {
    const text = 'Les leaders locaux se nomment Alphatec et Bretonix. Tous sont impliqués dans la candidature de Brest Digital.';
    expect(ties(text)).toEqual(['PARTNERS_WITH Alphatec → Brest Digital [effective]', 'PARTNERS_WITH Bretonix → Brest Digital [effective]']);
  });

  it('gives no tie for a negated or hedged statement across sentences either', () => {
    expect(ties('Les leaders locaux se nomment Alphatec et Bretonix. Tous ne sont pas impliqués dans la candidature de Brest Digital.')).toEqual([]);
    for (const r of extract('Le campus Océanis ouvrira en 2026. Il aurait reçu 3 millions d’euros de la Région Bretagne.').relationships) expect(r.status).not.toBe('effective');
  });
});

describe('extract: ends read from the paragraph', () => {
  it('reads backers of a candidacy as its partners', () => {
    expect(ties('Portée par la Ville de Brest et la Région Bretagne, la candidature de Brest Digital a été retenue.')).toEqual([
      'PARTNERS_WITH Ville de Brest → Brest Digital [effective]',
      'PARTNERS_WITH Région Bretagne → Brest Digital [effective]',
    ]);
  });

  it('reads a place’s candidacy for a label the text names as the place’s programme under that label', () => {
    expect(ties('Le label Cité Numérique sera attribué en juin. La société Armor Tech et l’association Ker Numérique sont impliquées dans la candidature de Rennes-Saint-Malo.')).toEqual([
      'PARTNERS_WITH Armor Tech → Cité Numérique Rennes-Saint-Malo [effective]',
      'PARTNERS_WITH Ker Numérique → Cité Numérique Rennes-Saint-Malo [effective]',
    ]);
    expect(ties('Le label Cité Numérique sera attribué en juin. Rennes-Saint-Malo accueille des start-up. La société Armor Tech est d’ailleurs impliquée dans la candidature du territoire.'))
      .toEqual(['PARTNERS_WITH Armor Tech → Cité Numérique Rennes-Saint-Malo [effective]']);
  });

  it('reads "le label" without a name as the label the text is about: obtained, given to a place by an awarder', () => {
    expect(ties('Le label Cité Numérique récompense les territoires innovants. Le label obtenu, la Cité Numérique Rennes se met en place depuis mars.'))
      .toEqual(['LABELS Cité Numérique → Cité Numérique Rennes [effective]']);
    expect(ties('Le label Cité Numérique récompense les territoires innovants. C’est le premier voyage sous le label délivré au Pays de Morlaix par le ministère de la Culture en mars 2015.'))
      .toEqual(['LABELS Cité Numérique → Pays de Morlaix [effective]', 'PILOTS ministère de la Culture → Cité Numérique [effective]']);
    expect(ties('C’est le premier voyage sous le label délivré au Pays de Morlaix par le ministère de la Culture.')).toEqual([]);
  });

  it('reads "le territoire" as the place the whole text names most, not one it visits', () => {
    const text = 'Une délégation d’entreprises installées à Lorient est allée à Berlin. Le salon de Berlin a séduit les exposants venus à Berlin. Le territoire a reçu 50 000 euros de la Région Bretagne. Les start-up de Lorient grandissent. À Lorient, le port se modernise.';
    expect(ties(text)).toEqual(['FUNDS Région Bretagne → Lorient [effective]']);
  });

  it('leaves the place itself as the candidate when the text names no label', () => {
    expect(ties('La société Armor Tech est impliquée dans la candidature de Rennes-Saint-Malo.')).toEqual(['PARTNERS_WITH Armor Tech → Rennes-Saint-Malo [effective]']);
  });

  it('reads money for a part of something as money for what the paragraph is about', () => {
    const text = 'Le totem Océanis\nLa partie immobilière se chiffre à 30 millions d’euros dont un tiers financé par la Banque des Territoires. Sur les 40 millions d’euros prévus, 10 millions d’euros émanent des collectivités locales.';
    const ex = extract(text);
    expect(describe_(ex)).toEqual(expect.arrayContaining(['FUNDS Banque des Territoires → Océanis [effective]', expect.stringMatching(/^FUNDS collectivités locales → Océanis/)]));
    expect(ex.relationships.every((r) => r.confidence < 0.5)).toBe(true);
  });

  it('reads a cheque with no recipient as money for what the sentence before was about', () => {
    const t = ties('L’association Ker Numérique compte 300 membres. Pour 2024, un chèque de 30 000 euros de la chambre des métiers n’attend plus que la signature.');
    expect(t).toEqual(['FUNDS chambre des métiers → Ker Numérique [pending]']);
  });

  it('reads "y a été créée" as created within what the sentence before was about', () => {
    expect(ties('L’association Ker Numérique compte 300 membres. Une commission « export » y a été créée en 2023.')).toEqual(['PILOTS Ker Numérique → commission export [effective]']);
  });

  it('reads a steering committee as running what the paragraph is about', () => {
    expect(ties('Si la Région se charge du budget, le programme Open Lab s’est doté d’un conseil scientifique. Des comités de pilotage avec les financeurs se réunissent tous les mois.'))
      .toContain('PILOTS comités de pilotage → Open Lab [effective]');
  });

  it('reads "la mission nationale X" as running X', () => {
    expect(ties('Le territoire a reçu la visite de la mission nationale Digital Valley. La Digital Valley fédère 13 métropoles.')).toContain('PILOTS mission nationale Digital Valley → Digital Valley [effective]');
  });
});

describe('extract: possessives, projects and appositions', () => {
  it('reads what a subject calls its own, and the pairs that leave the verb out', () => {
    const t = ties('Comme Brest, Quimper attire des start-up. Chacun défend ses équipements : Quimper veut mettre en avant son pôle Creativ, la communauté d’agglomération le technopôle de Plouzané, et le Finistère un « Village numérique ».');
    expect(t).toEqual(expect.arrayContaining([
      'PILOTS Quimper → Creativ [effective]',
      'PILOTS communauté d’agglomération → technopôle de Plouzané [effective]',
      'PILOTS Finistère → Village numérique [effective]',
    ]));
  });

  it('does not read a person’s or a city’s belongings as what they run', () => {
    expect(ties('Claire Morvan présente son association Ker Numérique.')).toEqual([]);
    expect(ties('Le festival Océanis célèbre sa ville de Brest.')).toEqual([]);
  });

  it('makes one planned project for each owner of "les projets de …, tant de X que de Y"', () => {
    expect(ties('Les projets d’ateliers partagés, tant de la société Armor Tech à Lannion que de l’association Ker Numérique à Brest, tardent à sortir.')).toEqual([
      'PILOTS Armor Tech → projet d’atelier partagé de Armor Tech [planned]',
      'PILOTS Ker Numérique → projet d’atelier partagé de Ker Numérique [planned]',
    ]);
  });

  it('reads an organisation’s apposition after a shareholder’s title, and a sector word ending a name', () => {
    expect(ties('Le projet est piloté par Jean Morel, actionnaire de SUD médias, l’ancienne société éditrice de Midi Matin.')).toEqual(expect.arrayContaining([
      'FUNDS Jean Morel → SUD médias [effective]',
      'PILOTS SUD médias → Midi Matin [ended]',
    ]));
  });
});
