import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { codeMatchOf } from '../../models/code-systems';
import { kindOfLabel, LABEL_OF_KIND, type NodeKindName } from '../../models/node-labels';
import { toExactQuery } from '../../repositories/exact-query';
import { toLuceneQuery } from '../../repositories/lucene-query';
import { rankSearchResults } from '../../repositories/search-ranking';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { firstArg, langArg, parseArgs } from '../parse-args';
import { aliasesProperty, isLanguage, LANGUAGES, nameIn, nameProperty } from '../../models/languages';

const searchArgs = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  first: firstArg,
  kinds: z.array(z.enum(Object.keys(LABEL_OF_KIND) as [NodeKindName, ...NodeKindName[]])).min(1, 'must name at least one kind').nullish(),
  lang: langArg,
});

/** Query.search. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { repositories }) => {
      const { text, first, kinds, lang } = parseArgs(searchArgs, args);
      const language = lang && isLanguage(lang) ? lang : null;
      const fields = language ? { name: nameProperty(language), aliases: aliasesProperty(language) } : undefined;
      const query = toLuceneQuery(text, await repositories.search.stopWords(language), fields);
      if (!query) {
        const rule = language ? `a word that is not a stop word of ${LANGUAGES[language].title}` : 'a letter or digit';
        throw new AppError(ErrorCode.BAD_USER_INPUT, `Argument "text" must contain ${rule}.`, { argument: 'text' });
      }
      const labels = kinds ? kinds.map((kind) => LABEL_OF_KIND[kind]) : null;
      // A text that is a code (27-4014.00, 27-4014, 3521, 3521.1.7) also finds the nodes carrying it and the roles of
      // the group it names; names and aliases equal to the text are looked up in English only (node_exact holds those).
      const codes = codeMatchOf(text);
      const exactQuery = toExactQuery(text, { names: language === null, codes });
      const [exact, results] = await Promise.all([
        exactQuery ? repositories.search.exact(exactQuery, codes?.within ?? { codes: [], prefixes: [] }, labels, first) : Promise.resolve([]),
        repositories.search.search(query, labels, first, language),
      ]);
      return rankSearchResults(exact, results, first).flatMap(({ node, score }) => {
        const kind = kindOfLabel(node.label);
        return kind ? [{ node, kind, name: nameIn(node, language), score }] : [];
      });
    },
  },
};
