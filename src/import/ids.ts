import { createHash } from 'node:crypto';
import { slug } from '../models/taxonomy-id';

export { taxonomyId } from '../models/taxonomy-id';

/**
 * The id of a concept whose only key is its name as published (an O*NET technology
 * or tool example): the name in lowercase words, readable, and injective. A name of
 * plain words (ASCII letters and digits separated by single spaces) keeps just its
 * words; any other name (punctuation, `#`, `+`, hyphens, several spaces) also gets 8
 * hex digits of the SHA-256 of the exact name, so that "C", "C#" and "C++", or
 * "Dead blow hammers" and "Dead-blow hammers", are three and two ids, the same on
 * every run. Two plain names differing only in letter case still share one: the
 * importer reports the second as a bad row rather than merging it.
 */
export function nameId(prefix: string, name: string): string {
  const base = `${prefix}-${slug(name)}`.slice(0, 180).replace(/-+$/, '');
  if (/^[A-Za-z0-9]+( [A-Za-z0-9]+)*$/.test(name)) return base;
  return `${base}-${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8)}`;
}
