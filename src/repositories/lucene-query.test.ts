import { escapeLucene, MAX_QUERY_WORDS, toLuceneQuery } from './lucene-query';

describe('toLuceneQuery', () => {
  it('requires every word, each as a term, a prefix and, from four letters, a fuzzy term; the phrase in the name or an alias adds to the score', () => {
    expect(toLuceneQuery('Pro tools')).toBe(
      '+((pro^3 OR pro*^3) AND (tools^3 OR tools*^3 OR tools~1^0.5)) name:"pro tools"^2 aliases:"pro tools"^1',
    );
  });

  it('keeps only letters and digits, so query syntax in the text has no effect', () => {
    expect(toLuceneQuery(`'}) DETACH DELETE n //`)).toBe(
      '+((detach^3 OR detach*^3 OR detach~1^0.5) AND (delete^3 OR delete*^3 OR delete~1^0.5) AND (n^3 OR n*^3)) name:"detach delete n"^2 aliases:"detach delete n"^1',
    );
    expect(toLuceneQuery('title:mix* OR "x"~2')).toBe(
      '+((title^3 OR title*^3 OR title~1^0.5) AND (mix^3 OR mix*^3) AND (or^3 OR or*^3) AND (x^3 OR x*^3) AND (2^3 OR 2*^3)) name:"title mix or x 2"^2 aliases:"title mix or x 2"^1',
    );
  });

  it('returns null when the text has no word', () => {
    expect(toLuceneQuery('  ?!* ')).toBeNull();
  });

  it('keeps non-ASCII letters', () => {
    expect(toLuceneQuery('Théâtre')).toBe('+((théâtre^3 OR théâtre*^3 OR théâtre~1^0.5)) name:"théâtre"^2 aliases:"théâtre"^1');
  });

  it('drops stop words from the required words but keeps them in the phrase, in the fields given', () => {
    expect(toLuceneQuery('directeur de production', new Set(['de']), { name: 'name_fr', aliases: 'aliases_fr' })).toBe(
      '+((directeur^3 OR directeur*^3 OR directeur~1^0.5) AND (production^3 OR production*^3 OR production~1^0.5)) ' +
        'name_fr:"directeur de production"^2 aliases_fr:"directeur de production"^1',
    );
    expect(toLuceneQuery('de la', new Set(['de', 'la']))).toBeNull();
  });

  it(`uses at most ${MAX_QUERY_WORDS} words`, () => {
    const query = toLuceneQuery(Array.from({ length: 20 }, (_, index) => `w${index}`).join(' ')) as string;
    expect(query.split(' AND ')).toHaveLength(MAX_QUERY_WORDS);
    expect(query).toContain(`name:"${Array.from({ length: MAX_QUERY_WORDS }, (_, index) => `w${index}`).join(' ')}"`);
  });
});

describe('escapeLucene', () => {
  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^g"h~i*j?k:l\\m/n&o|p')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^g\\"h\\~i\\*j\\?k\\:l\\\\m\\/n\\&o\\|p',
    );
  });
});
