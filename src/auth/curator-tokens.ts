import { namedSecretsSchema, SecretMatcher } from './named-secrets';

/** A curator: someone allowed to write, named in every change they make. */
export interface Curator {
  name: string;
}

/** One configured token: the curator's name and the token itself. */
export interface CuratorToken {
  name: string;
  token: string;
}

/**
 * Parses CURATION_TOKENS: comma-separated `name:token` pairs, for example
 * `alice:3f9c...,bob:77ab...`. Names and tokens must each be unique.
 */
export const curationTokensSchema = namedSecretsSchema('token').transform((entries): CuratorToken[] =>
  entries.map((entry) => ({ name: entry.name, token: entry.secret })),
);

/** What an `Authorization` header says about the request. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'curator'; curator: Curator }
  | { kind: 'invalid'; reason: string };

/**
 * Checks bearer tokens against the configured ones in constant time (SecretMatcher).
 */
export class CuratorTokens {
  private readonly matcher: SecretMatcher;

  constructor(tokens: readonly CuratorToken[]) {
    this.matcher = new SecretMatcher(tokens.map((entry) => ({ name: entry.name, secret: entry.token })));
  }

  get configured(): number {
    return this.matcher.size;
  }

  authenticate(header: string | undefined): Authentication {
    if (header === undefined) return { kind: 'anonymous' };
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(header.trim());
    if (!match?.[1]) return { kind: 'invalid', reason: 'The Authorization header must be "Bearer <token>".' };
    const found = this.matcher.match(match[1]);
    return found === null ? { kind: 'invalid', reason: 'The bearer token is not valid.' } : { kind: 'curator', curator: { name: found } };
  }
}
