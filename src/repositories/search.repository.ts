import type { CypherRunner } from '../database/database';
import type { CodeMatch } from '../models/code-systems';
import type { NodeRecord } from '../models/records';
import type { NodeLabel } from '../models/node-labels';
import { LANGUAGES, type Language } from '../models/languages';
import { toNode } from './row-mapping';

export interface SearchResult {
  node: NodeRecord;
  score: number;
}

/** Each analyzer's stop words, read once per process: they are fixed by the Neo4j version. */
const stopWordsByAnalyzer = new Map<string, Promise<ReadonlySet<string>>>();

/** Search over names, aliases and codes: full-text, and exact. */
export class SearchRepository {
  constructor(private readonly run: CypherRunner) {}

  /** The words a language's index leaves out (its analyzer's stop words); none for English, whose index keeps every word. */
  async stopWords(language: Language | null): Promise<ReadonlySet<string>> {
    if (!language) return new Set();
    const { analyzer } = LANGUAGES[language];
    let found = stopWordsByAnalyzer.get(analyzer);
    if (!found) {
      found = this.run.read('analyzer-stopwords', { analyzer }).then((rows) => new Set((rows[0]?.stopwords as string[] | undefined) ?? []));
      found.catch(() => stopWordsByAnalyzer.delete(analyzer));
      stopWordsByAnalyzer.set(analyzer, found);
    }
    return found;
  }

  /**
   * Best matches of a Lucene query (built by toLuceneQuery, never raw user text),
   * optionally only of some kinds. When kinds are filtered, more index hits are
   * considered so that filtering does not starve the page. With a language, its
   * index is searched (the labels imported in that language) instead of the English one.
   */
  async search(query: string, labels: NodeLabel[] | null, first: number, language: Language | null = null): Promise<SearchResult[]> {
    const candidates = labels ? Math.min(first * 10, 1_000) : first;
    const index = language ? LANGUAGES[language].index : 'node_search';
    const rows = await this.run.read('search-nodes', { index, query, labels, candidates, first });
    return rows.map((row) => ({ node: toNode(row.node as Record<string, unknown>, row.label), score: Number(row.score) }));
  }

  /**
   * Nodes whose own code, group code, name or alias equals the text: a query of the
   * keyword index node_exact (built by toExactQuery, never raw user text), best first
   * (see search-exact.cypher). `codes` are the stored codes the text names, which
   * order the roles of one group. Exact matches are few but a group's roles may be
   * many, so more index hits than `first` are considered.
   */
  async exact(query: string, codes: CodeMatch, labels: NodeLabel[] | null, first: number): Promise<SearchResult[]> {
    const candidates = Math.min(first * 10, 1_000);
    const rows = await this.run.read('search-exact', { query, codes: codes.codes, prefixes: codes.prefixes, labels, candidates, first });
    return rows.map((row) => ({ node: toNode(row.node as Record<string, unknown>, row.label), score: Number(row.score) }));
  }
}
