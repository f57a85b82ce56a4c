// Relationship types, statuses and actor kinds as users write them, in French or English, to Maillage's vocabulary.
import { fold } from '../../../model/text';
import { ACTOR_KINDS, ACTOR_KIND_LABELS, REL_STATUSES, REL_TYPES, type ActorKind, type RelStatus, type RelType } from '../../../model/vocabulary';

/** Forms of a French past participle: financé, financée, financés, financées (folded, so without accents). */
const participle = (p: string) => [p, `${p}e`, `${p}s`, `${p}es`];

/** Active forms: the row's first actor does it to the second ("A finance B"). */
const TYPE_ACTIVE: Record<RelType, string[]> = {
  FUNDS: [
    'funds', 'fund', 'funding', 'finance', 'finances', 'financent', 'financement', 'financeur', 'financier', 'finance de',
    'subventionne', 'subvention', 'subventionnement', 'investit', 'investit dans', 'investissement', 'investisseur',
    'invests', 'invests in', 'investment', 'soutien financier', 'soutient financierement', 'pret', 'prete a', 'avance remboursable',
    'financement de', 'financeur de', 'aide financiere', 'pret d honneur', 'prise de participation', 'participation au capital', 'entree au capital', 'levee de fonds', 'cofinance', 'cofinancent', 'cofinancement', 'co finance', 'co financement', 'cofinanceur', 'co financeur',
  ],
  PILOTS: [
    'pilots', 'pilot', 'pilote', 'pilotes', 'pilotent', 'pilotage', 'porte', 'portent', 'porteur', 'portage', 'gere', 'gerent',
    'gestion', 'gestionnaire', 'anime', 'animent', 'animation', 'animateur', 'coordonne', 'coordination',
    'pilote de', 'porteur de', 'copilote', 'co pilote', 'copilotage', 'co pilotage', 'copilotent', 'co portage', 'coporteur', 'co porteur', 'runs', 'leads', 'manages', 'operates',
  ],
  PARTNERS_WITH: [
    'partners with', 'partners', 'partner', 'partnership', 'partenaire', 'partenaires', 'partenaire de', 'partenaire avec',
    'partenariat', 'en partenariat avec', 'collabore avec', 'collabore', 'collaboration', 'cooperation', 'coopere avec',
  ],
  LABELS: ['labels', 'label', 'labellise', 'labelise', 'labellisent', 'labellisation', 'labelisation', 'certifie', 'certification', 'accredite', 'accreditation'],
};

/** Passive forms: "B financé par A" is A FUNDS B, so the row's ends swap. */
const TYPE_PASSIVE: Record<RelType, string[]> = {
  FUNDS: [
    ...['finance', 'subventionne', 'soutenu financierement', 'cofinance', 'co finance'].flatMap(participle).map((p) => `${p} par`),
    'beneficiaire de', 'beneficie de', 'recoit un financement de',
    'funded by', 'financed by', 'backed by', 'invested by', 'subsidised by', 'subsidized by', 'beneficie d un financement de',
  ],
  PILOTS: [
    ...['pilote', 'porte', 'gere', 'anime', 'coordonne', 'opere', 'copilote', 'co pilote'].flatMap(participle).map((p) => `${p} par`),
    'piloted by', 'run by', 'led by', 'managed by', 'operated by',
  ],
  PARTNERS_WITH: [],
  LABELS: [...['labellise', 'labelise', 'certifie', 'accredite'].flatMap(participle).map((p) => `${p} par`), 'labelled by', 'labeled by', 'certified by'],
};

const TYPES = new Map<string, { type: RelType; passive: boolean }>();
for (const t of REL_TYPES) {
  TYPES.set(fold(t), { type: t, passive: false });
  for (const w of TYPE_ACTIVE[t]) TYPES.set(w, { type: t, passive: false });
  for (const w of TYPE_PASSIVE[t]) TYPES.set(w, { type: t, passive: true });
}

/** Words accepted for each type, for messages and the README. */
export const TYPE_WORDS: Record<RelType, { active: string[]; passive: string[] }> = Object.fromEntries(
  REL_TYPES.map((t) => [t, { active: [t, ...TYPE_ACTIVE[t]], passive: TYPE_PASSIVE[t] }]),
) as Record<RelType, { active: string[]; passive: string[] }>;

/**
 * A relationship type from a cell: `{ type, passive }`; passive forms ("financé par") mean the row names the
 * target first. Undefined when the words are not known.
 */
export function parseRelType(raw: string): { type: RelType; passive: boolean } | undefined {
  const f = fold(raw);
  if (!f) return undefined;
  return TYPES.get(f) ?? TYPES.get(f.replace(/^(?:est|sont|a ete|ont ete|is|are|was|were)\s+/, ''));
}

const STATUS_WORDS: Record<RelStatus, string[]> = {
  effective: [
    'effective', 'effectif', 'effectifs', 'effectives', 'effectue', 'realise', 'fait', 'actif', 'active', 'en cours', 'en vigueur',
    'signe', 'verse', 'acquis', 'confirme', 'valide', 'vote', 'attribue', 'accorde', 'notifie', 'engage', 'conventionne', 'paye', 'obtenu', 'laureat', 'en cours de versement', 'done', 'confirmed', 'current', 'ongoing', 'in force',
  ],
  planned: ['planned', 'prevu', 'prevus', 'planifie', 'annonce', 'a venir', 'en projet', 'programme', 'projete', 'envisage', 'announced', 'upcoming', 'future', 'futur'],
  pending: [
    'pending', 'en attente', 'attente', 'en negociation', 'en cours de negociation', 'en discussion', 'en instruction',
    'en cours d instruction', 'a signer', 'en suspens', 'candidature', 'candidat', 'depose', 'dossier depose', 'awaiting', 'under review', 'in negotiation',
  ],
  interest: ['interest', 'interet', 'interets', 'interesse', 'manifestation d interet', 'approche', 'contact', 'pressenti', 'piste', 'potentiel', 'envisaged', 'interested', 'prospect'],
  declined: ['declined', 'decline', 'refuse', 'refus', 'rejete', 'rejet', 'abandonne', 'non retenu', 'refused', 'rejected'],
  ended: ['ended', 'termine', 'fini', 'clos', 'cloture', 'acheve', 'solde', 'ancien', 'passe', 'expire', 'echu', 'rompu', 'fin', 'past', 'former', 'finished', 'closed', 'expired'],
};

const STATUSES = new Map<string, RelStatus>();
for (const s of REL_STATUSES) {
  STATUSES.set(s, s);
  for (const w of STATUS_WORDS[s]) STATUSES.set(w, s);
}
export const STATUS_WORDS_ALL = STATUS_WORDS;

/** Folded lookup, then without a French feminine or plural ending ("prévues" → "prevu"). */
function lookup<T>(map: Map<string, T>, raw: string): T | undefined {
  const f = fold(raw);
  if (!f) return undefined;
  return map.get(f) ?? map.get(f.replace(/s$/, '')) ?? map.get(f.replace(/es$/, '')) ?? map.get(f.replace(/e?s?$/, ''));
}

export function parseStatus(raw: string): RelStatus | undefined {
  return lookup(STATUSES, raw);
}

const KIND_WORDS: Record<ActorKind, string[]> = {
  person: ['personne', 'personnes', 'individu', 'personnalite', 'dirigeant', 'fondateur', 'entrepreneur', 'elu', 'person', 'people', 'individual'],
  company: [
    'entreprise', 'societe', 'startup', 'start up', 'jeune pousse', 'pme', 'eti', 'tpe', 'grand groupe', 'groupe', 'grande entreprise',
    'scale up', 'scaleup', 'firme', 'company', 'business', 'firm', 'corporation', 'corporate', 'sme',
  ],
  investor: [
    'investisseur', 'investisseurs', 'fonds', 'fonds d investissement', 'capital risque', 'business angel', 'business angels', 'banque',
    'vc', 'venture capital', 'investor', 'fund', 'bank', 'family office', 'investisseur fonds', 'banque publique', 'banque publique d investissement',
  ],
  public_body: [
    'organisme public', 'etablissement public', 'etat', 'agence', 'agence publique', 'operateur public', 'administration', 'ministere',
    'service de l etat', 'prefecture', 'agence de developpement', 'agence regionale', 'agence regionale de developpement', 'chambre de commerce', 'chambre de commerce et d industrie', 'cci', 'chambre consulaire', 'public body', 'government', 'public agency', 'agency', 'epic', 'epa',
  ],
  local_authority: [
    'collectivite', 'collectivites', 'collectivite territoriale', 'collectivite locale', 'region', 'conseil regional', 'departement',
    'conseil departemental', 'commune', 'ville', 'mairie', 'metropole', 'intercommunalite', 'communaute d agglomeration', 'agglomeration',
    'communaute de communes', 'epci', 'local authority', 'city', 'municipality',
  ],
  association: ['association', 'associations', 'asso', 'fondation', 'federation', 'club', 'reseau', 'syndicat', 'ong', 'non profit', 'nonprofit', 'ngo', 'charity', 'network'],
  cluster: ['cluster', 'pole', 'pole de competitivite', 'grappe', 'cluster pole', 'filiere'],
  university: [
    'universite', 'ecole', 'grande ecole', 'ecole d ingenieurs', 'etablissement d enseignement', 'enseignement superieur', 'laboratoire',
    'labo', 'organisme de recherche', 'recherche', 'laboratoire de recherche', 'centre de recherche', 'unite de recherche', 'institut de recherche', 'university', 'school', 'college', 'lab', 'research', 'universite ecole',
  ],
  accelerator: ['accelerateur', 'incubateur', 'pepiniere', 'campus', 'startup studio', 'couveuse', 'accelerator', 'incubator', 'accelerateur campus'],
  label: ['label', 'labels', 'marque', 'certification'],
  programme: ['programme', 'dispositif', 'appel a projets', 'plan', 'initiative', 'projet', 'program', 'scheme', 'programme dispositif'],
  event: ['evenement', 'salon', 'conference', 'festival', 'concours', 'hackathon', 'forum', 'event', 'fair', 'summit'],
  site: ['site', 'quartier', 'lieu', 'tiers lieu', 'batiment', 'parc', 'technopole', 'zone', 'place', 'venue', 'site quartier'],
};

const KINDS = new Map<string, ActorKind>();
for (const k of ACTOR_KINDS) {
  KINDS.set(fold(k), k);
  KINDS.set(fold(ACTOR_KIND_LABELS[k]), k);
  for (const w of KIND_WORDS[k]) KINDS.set(w, k);
}
export const KIND_WORDS_ALL = KIND_WORDS;

export function parseKind(raw: string): ActorKind | undefined {
  return lookup(KINDS, raw);
}
