// Types, statuses and kinds in French and English map to Maillage's vocabulary; passive forms flip direction.
import { parseKind, parseRelType, parseStatus } from '../../../../server/import/fr/vocabulary';

describe('parseRelType', () => {
  it.each([
    ['finance', 'FUNDS', false],
    ['Financé par', 'FUNDS', true],
    ['financée par', 'FUNDS', true],
    ['est financé par', 'FUNDS', true],
    ['financement', 'FUNDS', false],
    ['funds', 'FUNDS', false],
    ['FUNDS', 'FUNDS', false],
    ['funded by', 'FUNDS', true],
    ['subventionne', 'FUNDS', false],
    ['pilote', 'PILOTS', false],
    ['piloté par', 'PILOTS', true],
    ['porte', 'PILOTS', false],
    ['porté par', 'PILOTS', true],
    ['portée par', 'PILOTS', true],
    ['led by', 'PILOTS', true],
    ['partenaire', 'PARTNERS_WITH', false],
    ['Partenaire de', 'PARTNERS_WITH', false],
    ['PARTNERS_WITH', 'PARTNERS_WITH', false],
    ['partners with', 'PARTNERS_WITH', false],
    ['labellise', 'LABELS', false],
    ['labellisé par', 'LABELS', true],
    ['label', 'LABELS', false],
    ['labelled by', 'LABELS', true],
    ['Financement de', 'FUNDS', false],
    ['financeur de', 'FUNDS', false],
    ['cofinance', 'FUNDS', false],
    ['co-financement', 'FUNDS', false],
    ['cofinancé par', 'FUNDS', true],
    ['co-financée par', 'FUNDS', true],
    ['bénéficiaire de', 'FUNDS', true],
    ['co-pilote', 'PILOTS', false],
    ['copilotage', 'PILOTS', false],
    ['co-piloté par', 'PILOTS', true],
    ['porteur de', 'PILOTS', false],
    ['partenariat', 'PARTNERS_WITH', false],
    ['Prêt d’honneur', 'FUNDS', false],
    ['levée de fonds', 'FUNDS', false],
    ['prise de participation', 'FUNDS', false],
  ] as const)('%j is %s (passive: %s)', (raw, type, passive) => {
    expect(parseRelType(raw)).toEqual({ type, passive });
  });

  it.each(['achète', 'emploie', '', 'finance beaucoup'])('does not guess %j', (raw) => {
    expect(parseRelType(raw)).toBeUndefined();
  });
});

describe('parseStatus', () => {
  it.each([
    ['effectif', 'effective'],
    ['Effective', 'effective'],
    ['prévu', 'planned'],
    ['Prévue', 'planned'],
    ['prévues', 'planned'],
    ['intérêt', 'interest'],
    ['en attente', 'pending'],
    ['refusé', 'declined'],
    ['refusée', 'declined'],
    ['terminé', 'ended'],
    ['terminées', 'ended'],
    ['planned', 'planned'],
    ['declined', 'declined'],
    ['EFFECTIF', 'effective'],
    ['Voté', 'effective'],
    ['attribuée', 'effective'],
    ['en projet', 'planned'],
    ['Soldé', 'ended'],
    ['Lauréat', 'effective'],
    ['En cours de versement', 'effective'],
    ['Dossier déposé', 'pending'],
  ])('%j is %s', (raw, status) => {
    expect(parseStatus(raw)).toBe(status);
  });
  it('does not guess an unknown status', () => {
    expect(parseStatus('peut-être')).toBeUndefined();
  });
});

describe('parseKind', () => {
  it.each([
    ['Banque publique', 'investor'],
    ['Laboratoire de recherche', 'university'],
    ['CCI', 'public_body'],
    ['Agence régionale de développement', 'public_body'],
    ['entreprise', 'company'],
    ['Start-up', 'company'],
    ['association', 'association'],
    ['collectivité', 'local_authority'],
    ['Collectivité territoriale', 'local_authority'],
    ['université', 'university'],
    ['École', 'university'],
    ['fonds', 'investor'],
    ["Fonds d'investissement", 'investor'],
    ['Investisseur / fonds', 'investor'],
    ['organisme public', 'public_body'],
    ['incubateur', 'accelerator'],
    ['pôle de compétitivité', 'cluster'],
    ['programme', 'programme'],
    ['événement', 'event'],
    ['quartier', 'site'],
    ['personne', 'person'],
    ['label', 'label'],
    ['company', 'company'],
    ['local_authority', 'local_authority'],
  ])('%j is %s', (raw, kind) => {
    expect(parseKind(raw)).toBe(kind);
  });
  it('does not guess an unknown kind', () => {
    expect(parseKind('extraterrestre')).toBeUndefined();
  });
});
