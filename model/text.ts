// Folding text for search: case, accents, ligatures and punctuation must not stop a user finding an actor.

const ASCII = /^[\x00-\x7f]*$/;

/** "Crédit Agricole", "CRÉDIT-agricole" and "credit agricole" all fold to "credit agricole". */
export function fold(s: string): string {
  // ASCII has nothing to decompose nor ligatures: the same result without normalize() (an import folds every name).
  if (ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return s
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded words of a query, for an every-word-must-match search. */
export function tokens(s: string): string[] {
  const f = fold(s);
  return f ? f.split(' ') : [];
}
