import { escapeLucene, MAX_QUERY_WORDS, toLuceneQuery } from './lucene-query';

describe('toLuceneQuery', () => {
  it('requires every word, each as a boosted term, a prefix and, from four letters, a fuzzy term', () => {
    expect(toLuceneQuery('Pro tools')).toBe('(pro^3 OR pro*) AND (tools^3 OR tools* OR tools~1)');
  });

  it('keeps only letters and digits, so query syntax in the text has no effect', () => {
    expect(toLuceneQuery(`'}) DETACH DELETE n //`)).toBe(
      '(detach^3 OR detach* OR detach~1) AND (delete^3 OR delete* OR delete~1) AND (n^3 OR n*)',
    );
    expect(toLuceneQuery('title:mix* OR "x"~2')).toBe(
      '(title^3 OR title* OR title~1) AND (mix^3 OR mix*) AND (or^3 OR or*) AND (x^3 OR x*) AND (2^3 OR 2*)',
    );
  });

  it('returns null when the text has no word', () => {
    expect(toLuceneQuery('  ?!* ')).toBeNull();
  });

  it('keeps non-ASCII letters', () => {
    expect(toLuceneQuery('Théâtre')).toBe('(théâtre^3 OR théâtre* OR théâtre~1)');
  });

  it(`uses at most ${MAX_QUERY_WORDS} words`, () => {
    const query = toLuceneQuery(Array.from({ length: 20 }, (_, index) => `w${index}`).join(' '));
    expect(query?.split(' AND ')).toHaveLength(MAX_QUERY_WORDS);
  });
});

describe('escapeLucene', () => {
  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^g"h~i*j?k:l\\m/n&o|p')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^g\\"h\\~i\\*j\\?k\\:l\\\\m\\/n\\&o\\|p',
    );
  });
});
