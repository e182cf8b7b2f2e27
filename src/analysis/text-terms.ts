import stem from 'wink-porter2-stemmer';

/**
 * Words too common in English to tell two roles apart. Written here rather than
 * taken from a stop-word package: the profile needs a short, fixed list (a change
 * would move every stored neighbour), and the packages' lists are longer and
 * change between versions.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from has have in into is it its of on or other such than that the their them these they this those to under using via was were which while with within'.split(' '),
);

/**
 * The terms of a text, as the role profiles count them: lowercase ASCII words (accents
 * folded), stop words and one-letter words dropped, each reduced to its Porter2 stem so
 * that "engineer", "engineers" and "engineering" are one term. Repeats are kept: the
 * caller counts them.
 */
export function textTerms(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/);
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(/^[0-9]+$/.test(word) ? word : stem(word));
  }
  return terms;
}
