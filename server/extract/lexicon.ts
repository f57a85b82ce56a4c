// French words the extractor reads by: nouns that head organisations, titles, relation verbs, status cues.
// No entry names an actor (tests/server/extract/lexicon.test.ts checks this against the seeds); actors come
// from the database's gazetteer at run time and from the text's own capitalised names.
import type { ActorKind, RelType } from '../../model/vocabulary';

/**
 * Nouns that head the name of an organisation, a place acting as one, a programme or an event, with the kind
 * they suggest. `strong` heads make an actor of their noun phrase even without a proper name
 * ("un fonds d'investissement suisse"); weak ones only describe a name that follows ("la filière X").
 */
export const HEADS: Record<string, { kind: ActorKind; strong: boolean; descriptor?: boolean }> = {
  association: { kind: 'association', strong: true, descriptor: true },
  fédération: { kind: 'association', strong: true, descriptor: true },
  syndicat: { kind: 'association', strong: true, descriptor: true },
  collectif: { kind: 'association', strong: false, descriptor: true },
  réseau: { kind: 'association', strong: false, descriptor: true },
  fondation: { kind: 'association', strong: true, descriptor: true },
  club: { kind: 'association', strong: false, descriptor: true },
  pôle: { kind: 'cluster', strong: true, descriptor: true },
  cluster: { kind: 'cluster', strong: true, descriptor: true },
  grappe: { kind: 'cluster', strong: false, descriptor: true },
  métropole: { kind: 'local_authority', strong: true },
  ville: { kind: 'local_authority', strong: true },
  commune: { kind: 'local_authority', strong: true },
  communauté: { kind: 'local_authority', strong: true },
  agglomération: { kind: 'local_authority', strong: true },
  agglo: { kind: 'local_authority', strong: true },
  département: { kind: 'local_authority', strong: true },
  région: { kind: 'local_authority', strong: true },
  mairie: { kind: 'local_authority', strong: true },
  collectivité: { kind: 'local_authority', strong: true },
  intercommunalité: { kind: 'local_authority', strong: true },
  ministère: { kind: 'public_body', strong: true },
  agence: { kind: 'public_body', strong: true },
  chambre: { kind: 'public_body', strong: true },
  caisse: { kind: 'public_body', strong: true },
  banque: { kind: 'public_body', strong: true },
  préfecture: { kind: 'public_body', strong: true },
  office: { kind: 'public_body', strong: false },
  mission: { kind: 'public_body', strong: false },
  établissement: { kind: 'public_body', strong: false },
  université: { kind: 'university', strong: true },
  école: { kind: 'university', strong: true },
  institut: { kind: 'university', strong: true },
  laboratoire: { kind: 'university', strong: true },
  faculté: { kind: 'university', strong: true },
  lycée: { kind: 'university', strong: true },
  fonds: { kind: 'investor', strong: true, descriptor: true },
  investisseur: { kind: 'investor', strong: false },
  accélérateur: { kind: 'accelerator', strong: true, descriptor: true },
  incubateur: { kind: 'accelerator', strong: true, descriptor: true },
  pépinière: { kind: 'accelerator', strong: true, descriptor: true },
  technopôle: { kind: 'accelerator', strong: true },
  technopole: { kind: 'accelerator', strong: true },
  campus: { kind: 'accelerator', strong: false, descriptor: true },
  label: { kind: 'label', strong: false, descriptor: true },
  prix: { kind: 'label', strong: true },
  trophée: { kind: 'label', strong: true },
  programme: { kind: 'programme', strong: false, descriptor: true },
  dispositif: { kind: 'programme', strong: false, descriptor: true },
  plan: { kind: 'programme', strong: false, descriptor: true },
  bourse: { kind: 'programme', strong: false },
  pass: { kind: 'programme', strong: false },
  master: { kind: 'programme', strong: true, descriptor: true },
  chaire: { kind: 'programme', strong: true },
  commission: { kind: 'programme', strong: true },
  comité: { kind: 'programme', strong: true },
  conseil: { kind: 'programme', strong: true },
  observatoire: { kind: 'programme', strong: true },
  filière: { kind: 'programme', strong: false, descriptor: true },
  projet: { kind: 'programme', strong: false, descriptor: true },
  marque: { kind: 'company', strong: false, descriptor: true },
  salon: { kind: 'event', strong: true, descriptor: true },
  festival: { kind: 'event', strong: true, descriptor: true },
  conférence: { kind: 'event', strong: true, descriptor: true },
  forum: { kind: 'event', strong: true, descriptor: true },
  sommet: { kind: 'event', strong: false },
  hackathon: { kind: 'event', strong: true, descriptor: true },
  congrès: { kind: 'event', strong: true, descriptor: true },
  site: { kind: 'site', strong: false, descriptor: true },
  quartier: { kind: 'site', strong: true },
  parc: { kind: 'site', strong: true },
  palais: { kind: 'site', strong: true },
  hôtel: { kind: 'site', strong: false },
  cité: { kind: 'site', strong: true },
  carrefour: { kind: 'site', strong: false },
  lieu: { kind: 'site', strong: false, descriptor: true },
  espace: { kind: 'site', strong: false },
  maison: { kind: 'site', strong: false },
  société: { kind: 'company', strong: false, descriptor: true },
  entreprise: { kind: 'company', strong: false, descriptor: true },
  groupe: { kind: 'company', strong: false, descriptor: true },
  startup: { kind: 'company', strong: false, descriptor: true },
  'start-up': { kind: 'company', strong: false, descriptor: true },
  filiale: { kind: 'company', strong: false, descriptor: true },
  application: { kind: 'company', strong: false, descriptor: true },
  plateforme: { kind: 'company', strong: false, descriptor: true },
  cabinet: { kind: 'company', strong: false, descriptor: true },
  structure: { kind: 'company', strong: false, descriptor: true },
  organisation: { kind: 'association', strong: false, descriptor: true },
  organisme: { kind: 'public_body', strong: false },
  territoire: { kind: 'local_authority', strong: false },
};

/** Nouns that stand for their complement as a party to a tie: "la candidature de X" is X's. */
export const STAND_FOR = new Set(['candidature', 'dossier']);

/** Words that may stand between an article and a plural head: "les autres sites", "neuf projets". */
export const QUANTIFIERS = new Set([
  'autres', 'différents', 'différentes', 'divers', 'diverses', 'principaux', 'principales', 'nombreux', 'nombreuses',
  'plusieurs', 'quelques', 'certains', 'certaines', 'premiers', 'premières', 'derniers', 'dernières', 'deux', 'trois',
  'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'douze', 'vingt', 'cent', 'mille', 'grands', 'grandes', 'jeunes',
]);

/** Lower-case words of a sector that end a company's name after an acronym or a capitalised word ("SUD médias"). */
export const SECTOR_WORDS = new Set([
  'médias', 'média', 'conseil', 'conseils', 'finance', 'finances', 'invest', 'investissement', 'développement',
  'immobilier', 'services', 'technologies', 'industries', 'industrie', 'énergie', 'énergies', 'santé', 'digital',
  'numérique', 'consulting', 'distribution', 'communication', 'productions', 'production', 'éditions', 'capital',
  'partners', 'ventures', 'solutions', 'systèmes', 'ingénierie', 'informatique', 'logistique', 'télécom', 'presse',
]);

/** Plural forms of heads ("les villes de X et d'Y" names two cities). */
export const PLURAL_HEADS: Record<string, string> = {
  villes: 'ville', communes: 'commune', communautés: 'communauté', métropoles: 'métropole', régions: 'région',
  départements: 'département', associations: 'association', universités: 'université', écoles: 'école',
  chambres: 'chambre', agences: 'agence', pôles: 'pôle', fonds: 'fonds', accélérateurs: 'accélérateur',
  incubateurs: 'incubateur', collectivités: 'collectivité', sociétés: 'société', entreprises: 'entreprise',
  projets: 'projet', sites: 'site', comités: 'comité', commissions: 'commission', conseils: 'conseil', programmes: 'programme',
  dispositifs: 'dispositif', laboratoires: 'laboratoire', instituts: 'institut', fondations: 'fondation', clusters: 'cluster',
  'start-ups': 'start-up', startups: 'startup', groupes: 'groupe', structures: 'structure', investisseurs: 'investisseur',
  missions: 'mission', établissements: 'établissement', organismes: 'organisme', réseaux: 'réseau', filières: 'filière',
};

/** What a definite noun phrase without a name may refer back to ("la structure", "le cluster régional"). */
export const ANAPHORA: Record<string, ActorKind[]> = {
  structure: ['company', 'association', 'accelerator', 'cluster', 'investor'],
  association: ['association'],
  cluster: ['cluster'],
  pôle: ['cluster'],
  entreprise: ['company'],
  société: ['company'],
  groupe: ['company'],
  'start-up': ['company'],
  startup: ['company'],
  label: ['label'],
  fonds: ['investor'],
  accélérateur: ['accelerator'],
  incubateur: ['accelerator'],
  campus: ['accelerator'],
  lieu: ['site', 'accelerator', 'programme'],
  site: ['site', 'accelerator'],
  projet: ['programme', 'accelerator'],
  université: ['university'],
  école: ['university'],
  métropole: ['local_authority'],
  ville: ['local_authority'],
  collectivité: ['local_authority'],
  territoire: ['local_authority'],
  événement: ['event'],
  salon: ['event'],
  festival: ['event'],
  programme: ['programme'],
  dispositif: ['programme'],
  organisation: ['association', 'public_body', 'company', 'cluster'],
};

/** Company legal forms written after a name ("Dupont SAS"). */
export const LEGAL_FORMS: Record<string, ActorKind> = {
  SA: 'company', SAS: 'company', SASU: 'company', SARL: 'company', EURL: 'company', SCOP: 'company',
  SCIC: 'company', GIE: 'company', SEM: 'public_body', SPL: 'public_body', EPIC: 'public_body',
  EPCI: 'local_authority', GIP: 'public_body',
};

/** Upper-case words that are not organisations (technical terms, currencies, roles). */
export const NOT_ACTOR_ACRONYMS = new Set([
  'NFC', 'RFID', 'IA', 'AI', 'TV', 'PME', 'PMI', 'TPE', 'ETI', 'PIB', 'CA', 'DG', 'PDG', 'CEO', 'CTO', 'COO', 'CFO',
  'HT', 'TTC', 'R&D', 'M', 'MD', 'K', 'EUR', 'USD', 'R', 'D', 'RD', 'IT', 'IoT', 'B2B', 'B2C', 'SaaS', 'API', 'ADN', 'DNA',
  'GAFA', 'GAFAM', 'CAC', 'XXIe', 'XXe', 'XIXe', 'OK', 'PS', 'NB', 'FAQ', 'PDF', 'URL', 'WEB', 'APP', 'VR', 'AR',
  'UX', 'UI', 'SMS', 'GPS', 'CV', 'RH', 'QR', 'LED', 'CO2', 'ESS', 'RSE', 'ONG', 'BTP', 'TGV', 'TER', 'SNCF',
]);

/** Titles of people and the tie they give with the organisation they are title of. */
export const TITLES: Record<string, RelType> = {
  président: 'PILOTS', présidente: 'PILOTS', 'vice-président': 'PILOTS', 'vice-présidente': 'PILOTS',
  directeur: 'PILOTS', directrice: 'PILOTS', dg: 'PILOTS', pdg: 'PILOTS', patron: 'PILOTS', patronne: 'PILOTS',
  fondateur: 'PILOTS', fondatrice: 'PILOTS', cofondateur: 'PILOTS', cofondatrice: 'PILOTS', 'co-fondateur': 'PILOTS',
  'co-fondatrice': 'PILOTS', dirigeant: 'PILOTS', dirigeante: 'PILOTS', gérant: 'PILOTS', gérante: 'PILOTS',
  maire: 'PILOTS', adjoint: 'PILOTS', adjointe: 'PILOTS', ministre: 'PILOTS', secrétaire: 'PILOTS',
  délégué: 'PILOTS', déléguée: 'PILOTS', responsable: 'PILOTS', chef: 'PILOTS', ceo: 'PILOTS',
  initiateur: 'PILOTS', initiatrice: 'PILOTS', porteur: 'PILOTS', porteuse: 'PILOTS', coordinateur: 'PILOTS',
  coordinatrice: 'PILOTS', animateur: 'PILOTS', animatrice: 'PILOTS', manager: 'PILOTS', administrateur: 'PILOTS',
  administratrice: 'PILOTS', conseiller: 'PILOTS', conseillère: 'PILOTS', chargé: 'PILOTS', chargée: 'PILOTS',
  actionnaire: 'FUNDS', investisseur: 'FUNDS', financeur: 'FUNDS', mécène: 'FUNDS',
  membre: 'PARTNERS_WITH', adhérent: 'PARTNERS_WITH', partenaire: 'PARTNERS_WITH', pilier: 'PARTNERS_WITH',
  ambassadeur: 'PARTNERS_WITH', ambassadrice: 'PARTNERS_WITH', parrain: 'PARTNERS_WITH', marraine: 'PARTNERS_WITH',
};

/** Titles that name the ministry they head: "ministre de l'Industrie" → "ministère de l'Industrie". */
export const MINISTER_TITLES = new Set(['ministre']);

/** Organisation-to-organisation descriptions in apposition ("X, l'ancienne société éditrice de Y"). */
export const ORG_ROLES: Record<string, { type: RelType; reverse?: boolean }> = {
  éditrice: { type: 'PILOTS' }, éditeur: { type: 'PILOTS' }, propriétaire: { type: 'PILOTS' },
  mère: { type: 'PILOTS' }, opérateur: { type: 'PILOTS' }, gestionnaire: { type: 'PILOTS' },
  organisateur: { type: 'PILOTS' }, organisatrice: { type: 'PILOTS' }, pilote: { type: 'PILOTS' },
  porteur: { type: 'PILOTS' }, porteuse: { type: 'PILOTS' }, fondateur: { type: 'PILOTS' },
  financeur: { type: 'FUNDS' }, actionnaire: { type: 'FUNDS' }, investisseur: { type: 'FUNDS' },
  partenaire: { type: 'PARTNERS_WITH' }, membre: { type: 'PARTNERS_WITH' }, pilier: { type: 'PARTNERS_WITH' },
  filiale: { type: 'PILOTS', reverse: true }, émanation: { type: 'PILOTS', reverse: true },
};

/**
 * Verbs by the tie they state, as stems of first-group verbs (conjugated by rules.ts) or as full forms.
 * `passive`: the participle followed by "par" gives agent → patient.
 */
export const VERBS: { type: RelType; stems: string[]; irregular?: string[]; status?: 'interest' }[] = [
  { type: 'FUNDS', stems: ['financ', 'cofinanc', 'co-financ', 'subventionn', 'abond', 'débloqu', 'investi', 'dot'] },
  // A buyer holds the capital of what it takes over, as a shareholder does.
  { type: 'FUNDS', stems: ['rachet', 'recapitalis'], irregular: ['repris', 'acquis'] },
  { type: 'PILOTS', stems: ['pilot', 'port', 'dirig', 'présid', 'gér', 'anim', 'organis', 'lanc', 'fond', 'cré', 'initi', 'coordonn', 'chapeaut', 'insuffl', 'impuls', 'driv', 'administr', 'emmen', 'opér', 'édit'], irregular: ['conduit', 'mené'] },
  { type: 'LABELS', stems: ['labellis', 'certifi', 'prim', 'récompens', 'distingu'] },
  { type: 'PARTNERS_WITH', stems: ['accompagn', 'épaul', 'appuy', 'parrain', 'incub', 'accélér', 'héberg', 'rejoin', 'associ'], irregular: ['soutenu'] },
  { type: 'PARTNERS_WITH', stems: ['approch', 'sollicit', 'contact', 'courtis'], status: 'interest' },
];

/** Active-voice verbs: subject VERB object (present, past, future, conditional forms generated). */
export const ACTIVE_VERBS: { type: RelType; stems: string[]; forms?: string[]; infinitives?: string[] }[] = [
  { type: 'FUNDS', stems: ['financ', 'cofinanc', 'subventionn', 'abond'], forms: ['soutient financièrement', 'soutiennent financièrement', 'investit dans', 'investissent dans', 'a investi dans', 'ont investi dans', 'entre au capital de', 'est entré au capital de', 'sont entrés au capital de', 'participe au financement de', 'participent au financement de'] },
  { type: 'PILOTS', stems: ['pilot', 'port', 'dirig', 'présid', 'anim', 'organis', 'lanc', 'fond', 'cré', 'coordonn', 'chapeaut', 'administr'], forms: ['gère', 'gèrent', 'a géré', 'conduit', 'mène', 'mènent', 'est à la tête de', 'sont à la tête de', 'prend la tête de', 'a pris la tête de', 'se charge de', 'est en charge de', 'en charge de'] },
  { type: 'LABELS', stems: ['labellis', 'certifi', 'récompens', 'prim'] },
  { type: 'PARTNERS_WITH', stems: ['accompagn', 'épaul', 'parrain', 'incub', 'accélèr', 'héberg', 'rejoin', 'associ'], forms: ['soutient', 'soutiennent', 'a soutenu', 'ont soutenu', 's’associe à', "s'associe à", 's’associe avec', "s'associe avec", 'collabore avec', 'collaborent avec', 'coopère avec', 'travaille avec', 'travaillent avec', 'est partenaire de', 'sont partenaires de', 'est membre de', 'sont membres de', 'adhère à', 'a rejoint', 'ont rejoint', 'rejoint', 'rejoignent', 'rejoindra', 'rejoindront', 's’appuie sur', "s'appuie sur"], infinitives: ['rejoindre'] },
];

/** Verbs of giving money: "X accorde 2 M€ à Y" (the amount sits between verb and recipient). */
export const GIVE_STEMS = ['accord', 'vers', 'allou', 'attribu', 'octroi', 'apport', 'prêt', 'inject', 'débloqu', 'consacr'];

/** Verbs of receiving money: "Y a reçu 200 000 euros de X", "Y lève 3 M€ auprès de X". */
export const RECEIVE_FORMS = ['a réuni', 'ont réuni', 'réunit', 'réunissent', 'a rassemblé', 'a collecté', 'a mobilisé', 'reçoit', 'reçoivent', 'a reçu', 'ont reçu', 'recevra', 'recevront', 'obtient', 'a obtenu', 'ont obtenu', 'bénéficie de', 'bénéficient de', 'a bénéficié de', 'ont bénéficié de', 'lève', 'a levé', 'ont levé', 'lèvera', 'touche', 'a touché', 'perçoit', 'a perçu'];

/** Nouns of a part of something ("la partie immobilière … financée par X" is a part of what the paragraph is about). */
export const PART_NOUNS = ['partie', 'phase', 'volet', 'tranche', 'première tranche', 'seconde tranche', 'part'];

/** Nouns of money granted ("une enveloppe de 130 000 euros", "un chèque de 50 000 euros de X"). */
export const MONEY_NOUNS = ['enveloppe', 'subvention', 'aide', 'aides', 'dotation', 'chèque', 'prêt', 'avance', 'avances', 'financement', 'financements', 'investissement', 'levée', 'apport', 'contribution', 'budget', 'crédit', 'crédits', 'bourse'];

/** Nouns of alliance whose members, listed after them, are all partners of one another. */
export const ALLIANCE_NOUNS = ['alliance', 'union', 'partenariat', 'consortium', 'coalition', 'regroupement', 'collaboration', 'groupement', 'association', 'rapprochement'];

/** Nouns that make an actor pilot what follows ("le pilotage de X a été confié à Y"). */
export const GOVERNANCE_NOUNS = ['pilotage', 'gestion', 'gouvernance', 'direction', 'présidence', 'animation', 'coordination', 'organisation', 'portage'];

/** Nouns of governance bodies: "X s'est doté d'un conseil …" → the body pilots X. */
export const BODY_NOUNS = ['conseil', 'comité', 'commission', 'bureau', 'directoire', 'board'];

/** Nouns of creation: "X souhaite la création d'un Y" → X pilots Y (interest or planned). */
export const CREATION_NOUNS = ['création', 'émergence', 'lancement', 'mise en place', 'ouverture', 'construction', 'installation', 'avènement'];

/** Status cues, read in the clause of the tie. Order matters: the first that matches wins. */
export const STATUS_CUES: { status: 'declined' | 'pending' | 'ended' | 'interest' | 'planned'; re: RegExp }[] = [
  { status: 'declined', re: /\b(?:a|ont|avait|avaient)\s+(?:finalement\s+)?(?:refusé|décliné|rejeté|renoncé)|\brefus(?:e|ent|é)\b|\brenonc(?:e|ent|é)\b|\bdécline(?:nt)?\b|\bont dit non\b/iu },
  { status: 'pending', re: /\bn['’](?:a|ont|avait|avaient)\s+pas\s+encore\b|\bpas encore (?:versé|signé|été versé|été signé|débloqué|attribué)|\bn['’]attend(?:ent)? plus que\b|\ben attente\b|\ben cours de (?:signature|négociation|versement|finalisation)\b|\battend(?:ent)? (?:la signature|le versement|le feu vert)/iu },
  { status: 'ended', re: /\b(?:ancien(?:ne)?s?|ex-)\b|\ba quitté\b|\bont quitté\b|\bn['’](?:est|sont) plus\b|\ba cessé\b|\bjusqu['’](?:en|à)\b/iu },
  { status: 'interest', re: /\benvisag(?:e|ent|eait|eaient|é)\b|\bréfléchi(?:t|ssent)\b|\bsouhait(?:e|ent|erait|eraient)\b|\bintérêt pour\b|\bs['’]intéress|\bapproch(?:é|ée|és|ées)\b|\bdiscussions?\b|\bétudie(?:nt)?\b|\bpiste\b|\bsonde\b/iu },
  { status: 'planned', re: /\bdevr(?:ait|aient|a|ont)\b|\bpourr(?:ait|aient|a|ont)\b|\bprévu(?:e|s|es)?\b|\bprévoi(?:t|ent)\b|\bva\s+\p{L}+er\b|\bvont\s+\p{L}+er\b|\bà venir\b|\bprochainement\b|\bd['’]ici\b|\bdoi(?:t|vent)\s+(?:être|\p{L}+er)\b|\bcompte(?:nt)?\s+\p{L}+er\b|\ben projet\b|\bprojet(?:s)? d['’]|\bsera(?:it|ient|nt)?\b|\bannonc(?:e|é|ée)\b|\battendu(?:e|s|es)?\b|\bà terme\b/iu },
  // The future tense of a verb in lower case ("accompagnera"; a name such as "Onera" is no verb).
  { status: 'planned', re: /(?<![\p{L}])\p{Ll}+er(?:a|ont)(?![\p{L}])/u },
];

/** Negation around a verb; with no status cue, a negated statement gives no tie at all. */
export const NEGATION = /\b(?:ne|n['’])\s*(?:\p{L}+['’]?\s+){0,3}?(?:pas|jamais|plus|aucun|aucune|guère|nullement)\b|\bsans\s+(?:le|la|les|l['’]|son|sa|leur)?\s*(?:soutien|financement|accord)\b|\bni\b/iu;

/** Reported or doubtful statements ("selon des rumeurs", conditional past): never an effective tie. */
export const HEDGES = /\b(?:aur(?:ait|aient)\s+\p{L}+(?:é|ée|és|ées|i|is|u|us)\b|selon (?:des|certaines) (?:rumeurs|sources)|il se murmure|peut-être|sans doute|éventuel(?:le)?(?:ment)?|rumeur)/iu;

/** Adjective endings: "Banque populaire", "Transport rapide" are names whose second word is not capitalised. */
export const NAME_ADJECTIVE = /(?:é|ée|és|ées|ique|iques|al|ale|aux|ien|ienne|ois|oise|ais|aise|aire|el|elle|if|ive|ain|aine|icole)$/u;

/** Function words: never part of a name when capitalised at the start of a sentence. */
export const FUNCTION_WORDS = new Set(
  `le la les l un une des du de d au aux à a ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos
  et ou mais donc or ni car que qu qui quoi dont où si comme quand lorsque puisque pour par sur sous dans en avec sans
  entre vers chez contre depuis pendant avant après selon malgré parmi hors outre voici voilà il elle ils elles on nous
  vous je tu lui eux y ne pas plus moins très trop tout tous toute toutes aussi encore déjà même autre autres
  chaque certains certaines plusieurs quelques aucun aucune rien personne cela ça ceci celui celle ceux celles
  est sont était été être avoir ont avait fait faire peut doit va vont c s n j m t qu ici là alors ainsi enfin puis
  ensuite bref oui non mercredi lundi mardi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
  août septembre octobre novembre décembre hier aujourd demain mis jour résultat résultats reste bien mieux tant
  pourtant cependant toutefois néanmoins quant seuls seul seule seules hop clairement désormais lire voir
  comment pourquoi combien quel quelle quels quelles certes surtout notamment également face grâce côté près loin
  mercredi tout`.split(/\s+/).filter(Boolean),
);

/** Given names (first word of a person's name), to tell people from organisations. */
export const GIVEN_NAMES = new Set(
  `adrien agnès alain alexandre alexandra alexis alice alix amandine amélie andré andrée anne annie antoine arnaud
  arthur audrey aurélie aurélien axel axelle baptiste béatrice benjamin benoît bernard bertrand brigitte bruno camille
  carole caroline catherine cécile céline charles charlotte chloé christian christine christophe claire claude
  clément corinne cyril damien daniel danielle david denis didier dominique édouard élisabeth élodie émilie emma
  emmanuel emmanuelle éric erik estelle étienne eva fabien fabienne fabrice florence florent florian francis franck
  françois françoise frédéric frédérique gabriel gaël geneviève georges gérard gilles grégoire grégory guillaume
  guy hélène henri hervé hugo hugues isabelle jacques jacqueline jean jeanne jérémie jérôme jérome joël jonathan
  joseph josiane julie julien juliette justine karine kevin kévin laetitia laure laurence laurent léa léo lionel
  loïc louis louise luc lucas lucie ludovic magali manon marc marcel margaux marguerite marianne marie marine
  marion martin martine mathieu mathilde matthieu maxime mélanie michael michaël michel michèle michelle mickaël
  monique muriel mylène nadia nadine natacha nathalie nicolas nicole noémie olivier pascal pascale patrice patricia
  patrick paul pauline philippe pierre quentin raphaël rémi rémy renaud richard robert roger romain sabine
  samuel sandrine sarah sébastien serge simon simone solène sophie stéphane stéphanie sylvain sylvie thierry thomas
  timothée valérie valentin vanessa véronique victor vincent virginie xavier yann yannick yves yvonne william
  james john peter mark sarah anna laura elena maria marco paolo carlos jose ahmed mohamed karim rachid samir
  nabil farid leila sonia yasmine mehdi`.split(/\s+/).filter(Boolean),
);

/** Words that introduce a person: civil titles before a name. */
export const CIVIL_TITLES = new Set(['m', 'mme', 'mlle', 'me', 'dr', 'pr', 'monsieur', 'madame', 'messieurs', 'mesdames']);

/** Verbs of saying: "…, explique X" makes X a person. */
export const SAYING_VERBS = new Set([
  'explique', 'souligne', 'affirme', 'indique', 'précise', 'déclare', 'estime', 'ajoute', 'confie', 'résume',
  'commente', 'expose', 'annonce', 'analyse', 'argumente', 'remarque', 'rappelle', 'assure', 'note', 'insiste',
  'poursuit', 'conclut', 'raconte', 'témoigne', 'sourit', 'lance', 'glisse', 'martèle', 'observe', 'reconnaît',
]);
