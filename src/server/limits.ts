/**
 * The limits every request is held to before any database call. The README's
 * "Limits" table lists the same numbers; change both together.
 */
export const LIMITS = {
  /** Deepest field nesting of an operation (fragments expanded). */
  maxDepth: 8,
  /** Aliases in one operation. */
  maxAliases: 15,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Lexical tokens in one document. */
  maxTokens: 2_000,
  /** Characters in one document. */
  maxDocumentLength: 15_000,
  /** Estimated cost of one operation (see cost.plugin.ts for how it is counted). */
  maxCost: 50_000,
  /** Items in a list argument or input field, unless the schema's @maxItems says otherwise (see list-caps.ts). */
  maxInputListItems: 100,
  /** Size an unbounded list is assumed to have when estimating cost. */
  assumedListSize: 20,
  /** HTTP request body, in bytes (over it: 413). */
  maxBodyBytes: 100_000,
  /** HTTP request body of an authenticated curator (a whole dataset to import), in bytes. */
  maxCuratorBodyBytes: 5_000_000,
} as const;
