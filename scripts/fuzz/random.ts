import fc from 'fast-check';

/**
 * Strings meant to break a query built by concatenation (Cypher, Lucene), a
 * parser, a logger or a terminal. Every one of them must come back as an ordinary
 * answer: null, NOT_FOUND, BAD_USER_INPUT or an empty list.
 */
export const INJECTIONS: readonly string[] = [
  // Cypher: closing a string or map literal, then writing
  `'}) DETACH DELETE n //`,
  `"}) DETACH DELETE n //`,
  `music-producer'}) MATCH (n) DETACH DELETE n RETURN count(n) //`,
  `x" }) SET n.name = 'owned' RETURN n //`,
  `' OR 1=1 //`,
  `" OR 1=1 //`,
  `') RETURN 1 UNION MATCH (n) RETURN n //`,
  `x'] AS id DETACH DELETE id //`,
  `x"] AS id MATCH (n) DETACH DELETE n //`,
  `\`n\`) DETACH DELETE n //`,
  `*/ MATCH (n) DETACH DELETE n /*`,
  `CALL dbms.components() YIELD name RETURN name`,
  `CALL db.index.fulltext.queryNodes('node_search', '*') YIELD node DETACH DELETE node`,
  `LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line`,
  `$param`,
  `$id`,
  `{id}`,
  '${id}',
  // Lucene query syntax, for the full-text search
  `*:* OR name:/.*/`,
  `name:* OR id:*`,
  `/.*/`,
  `mix~0.1^100`,
  `"unterminated phrase`,
  `(((((((((((`,
  `a AND OR NOT b`,
  `\\`,
  `+-&&||!(){}[]^"~*?:\\/`,
  // Control characters, encodings, paths, markup
  '\u0000',
  'music\u0000producer',
  '%00',
  '\r\n\r\nX-Injected: 1',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '{"$ne": null}',
  '__proto__',
  'constructor',
  '',
  '   ',
  '\t',
  'null',
  'NaN',
  '-0',
  '1e309',
  // Unicode: accents, other scripts, right-to-left, emoji, combining marks, invisible characters
  'ñandú über ça',
  'مهندس الصوت',
  '\u202emusic-producer\u202c',
  'עברית ومزيج',
  '🎛️🎚️🎧',
  '👩‍👩‍👧‍👦',
  'Z̴̡̪͎a̷̢l̶̨g̵̛o̵',
  '\ufeffmixing',
  'mix\u200bing',
  'line\u2028separator\u2029',
  '𝕄𝕦𝕤𝕚𝕔',
  // Lone surrogates: not valid UTF-16, sent escaped
  '\ud800',
  '\udfff',
  'a\ud83db',
  // Lengths around the limits: 200 (ids, search text), 15,000 (documents), 100,000 (bodies)
  'x'.repeat(201),
  'é'.repeat(5_000),
  'y'.repeat(60_000),
  'z'.repeat(100_000),
];

/** A code point as a string; surrogate halves on their own too (invalid UTF-16, on purpose). */
const character = (point: number) => (point >= 0xd800 && point <= 0xdfff ? String.fromCharCode(point) : String.fromCodePoint(point));

/**
 * Random strings from fast-check: any code points (mostly from the Basic
 * Multilingual Plane, surrogate halves included), graphemes, and printable ASCII.
 * Built from integers, as fast-check's own full-Unicode string unit is slow to set up.
 */
export function randomStrings(seed: number, count: number): string[] {
  const codePoint = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
  );
  const arbitrary = fc.oneof(
    fc.array(codePoint, { maxLength: 40 }).map((points) => points.map(character).join('')),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
  );
  return fc.sample(arbitrary, { seed, numRuns: count });
}
