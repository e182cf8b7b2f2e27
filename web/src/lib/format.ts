/** A share from 0 to 1 as a whole percentage, e.g. 0.4615 → "46%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An amount of money as the reader's locale (or `locale`) writes it, without cents: "$50,396". */
export function money(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown currency code: the amount and the code as stored.
    return `${amount.toLocaleString()} ${currency}`;
  }
}

/** A salary figure's amount: its single value, or its range, or both. */
export function salaryAmount(figure: { median: number | null; low: number | null; high: number | null; currency: string }, locale?: string): string {
  const parts: string[] = [];
  if (figure.median !== null) parts.push(money(figure.median, figure.currency, locale));
  if (figure.low !== null && figure.high !== null) parts.push(`${money(figure.low, figure.currency, locale)}–${money(figure.high, figure.currency, locale)}`);
  return parts.join(' · ') || 'no amount stated';
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A crosswalk's kind of match in words (the equivalent being the other taxonomy's
 * occupation); a kind this build does not know reads as given, and none as nothing.
 */
export function matchPhrase(match: string | null | undefined): string | null {
  switch (match) {
    case null:
    case undefined:
    case '':
      return null;
    case 'exact':
      return 'the same occupation';
    case 'broader':
      return 'a broader occupation';
    case 'narrower':
      return 'a narrower occupation';
    case 'part':
      return 'covers part of it';
    default:
      return match;
  }
}
