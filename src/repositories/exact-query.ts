import type { CodeMatch } from '../models/code-systems';

/**
 * What an exact match adds to a node's score in node_exact, the index holding each
 * name, alias, code and external code whole (Lucene's keyword analyzer; migration
 * 011). Each clause of the query scores its boost alone (a pattern is a constant-score
 * query), so a node's score is the sum of what it matched, and the boosts are chosen
 * so that sums keep this order: a node carrying the code the text is; a role in the
 * group that code names; a node named the text; named it up to English plurals (the
 * text `nurse practitioner`, the name Nurse Practitioners); with the text as an alias;
 * as an alias up to plurals. A name or alias equal to the text as typed matches both
 * its clauses: the plural one and its own.
 */
export const EXACT_BOOST = { ownCode: 32, groupCode: 16, name: 4, nameAsTyped: 4, alias: 1, aliasAsTyped: 1 } as const;

/** Words are runs of letters and digits, as in toLuceneQuery. */
const WORD = /[\p{L}\p{N}]+/gu;

/** What may stand between two words of a stored name (spaces and punctuation); a letter or digit never does. */
const SEPARATORS = ' \t!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d\u00b7';

/** Escapes every character for Lucene's regular expressions (RegExp) and for the query parser's `/…/` (the slash). */
const escapeRegexp = (text: string) => Array.from(text, (character) => (/[\p{L}\p{N}]/u.test(character) ? character : `\\${character}`)).join('');

/** The class of separators in a pattern. */
export const SEPARATOR = `[${escapeRegexp(SEPARATORS)}]`;

/** A letter in either case: `[nN]`; a character without case as itself. */
function caseless(character: string): string {
  const forms = [...new Set([character, character.toLowerCase(), character.toUpperCase()])].filter((form) => Array.from(form).length === 1);
  return forms.length > 1 ? `[${forms.join('')}]` : escapeRegexp(character);
}

/** A word's other English number, singular or plural, as the regular rules form it; none for a word with a digit or of under three letters. */
export function otherNumbers(word: string): string[] {
  const lower = word.toLowerCase();
  if (lower.length < 3 || !/^\p{L}+$/u.test(lower)) return [];
  if (lower.endsWith('ies')) return [`${lower.slice(0, -3)}y`];
  if (lower.endsWith('es')) return [lower.slice(0, -2), lower.slice(0, -1)];
  if (lower.endsWith('s')) return [lower.slice(0, -1)];
  if (/[^aeiou]y$/.test(lower)) return [`${lower.slice(0, -1)}ies`];
  return /(s|x|z|ch|sh)$/.test(lower) ? [`${lower}es`] : [`${lower}s`];
}

/**
 * The pattern matching a stored value holding the words of `text` in order, whatever
 * their case and the separators around and between them, and with `plurals`, each word
 * also in its other number (otherNumbers); null when the text has no word.
 */
export function exactPattern(text: string, plurals = false): string | null {
  const words = text.match(WORD);
  if (!words) return null;
  const word = (typed: string) => {
    const forms = [typed, ...(plurals ? otherNumbers(typed) : [])].map((form) => Array.from(form, caseless).join(''));
    return forms.length > 1 ? `(${forms.join('|')})` : (forms[0] as string);
  };
  return `${SEPARATOR}*${words.map(word).join(`${SEPARATOR}+`)}${SEPARATOR}*`;
}

export interface ExactQueryOptions {
  /** Match names and aliases (the English ones, which the index holds); codes always. */
  names: boolean;
  /** The text read as a code (codeMatchOf): stored codes naming one occupation, and those of groups. */
  codes: { own: string[]; within: CodeMatch } | null;
}

/**
 * The query of node_exact for a user's text: each clause is a pattern built by this
 * code from escaped text, never the raw text. A node's own code (`code`, which
 * occupation and skill groups carry) matches only a text with a digit, so that one
 * letter typed is not read as ESCO's skill pillar `S`. Returns null when nothing is
 * to be looked up.
 */
export function toExactQuery(text: string, { names, codes }: ExactQueryOptions): string | null {
  const pattern = exactPattern(text);
  if (!pattern) return null;
  const clauses: string[] = [];
  if (/\p{N}/u.test(text)) clauses.push(`code:/${pattern}/^${EXACT_BOOST.ownCode}`);
  // One clause per tier, its codes as alternatives, so that a role matching two of them still scores the boost once.
  const own = (codes?.own ?? []).map(escapeRegexp);
  if (own.length > 0) clauses.push(`externalCodes:/(${own.join('|')})/^${EXACT_BOOST.ownCode}`);
  const within = [...(codes?.within.codes ?? []).map(escapeRegexp), ...(codes?.within.prefixes ?? []).map((prefix) => `${escapeRegexp(prefix)}.*`)];
  if (within.length > 0) clauses.push(`externalCodes:/(${within.join('|')})/^${EXACT_BOOST.groupCode}`);
  if (names) {
    const plural = exactPattern(text, true) as string;
    clauses.push(
      `name:/${plural}/^${EXACT_BOOST.name}`,
      `name:/${pattern}/^${EXACT_BOOST.nameAsTyped}`,
      `aliases:/${plural}/^${EXACT_BOOST.alias}`,
      `aliases:/${pattern}/^${EXACT_BOOST.aliasAsTyped}`,
    );
  }
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}
