// Formatting shared by panels: amounts in euros, partial ISO dates, French-style.
// Formatters made once: toLocaleString with options builds one per call (a tenth of a 2k/5k view's element
// creation went to the compact labels of its ties).
const EUR = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const MILLIONS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const THOUSANDS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** 200000 → "200 000 €"; 19000000 → "19 M€" in compact form. */
export function formatAmount(amount: number | undefined, compact = false): string {
  if (amount === undefined) return 'montant inconnu';
  if (compact && amount >= 1e6) return `${MILLIONS.format(amount / 1e6)} M€`;
  if (compact && amount >= 1e3) return `${THOUSANDS.format(amount / 1e3)} k€`;
  return EUR.format(amount);
}

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** "2014" → "2014"; "2014-11" → "nov. 2014"; "2014-11-12" → "12 nov. 2014". */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
