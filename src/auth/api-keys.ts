import { namedSecretsSchema, SecretMatcher } from './named-secrets';

/** One configured API key: the client's name and the key itself. */
export interface ApiKey {
  name: string;
  key: string;
}

/**
 * Parses API_KEYS: comma-separated `name:key` pairs, for example
 * `explorer:3f9c...,partner-app:77ab...`. Names and keys must each be unique.
 */
export const apiKeysSchema = namedSecretsSchema('key').transform((entries): ApiKey[] =>
  entries.map((entry) => ({ name: entry.name, key: entry.secret })),
);

/** Who a request's `x-api-key` header says the client is. */
export type ApiClient =
  /** No key: the client is its address. */
  | { kind: 'address' }
  /** A configured key: the client it was issued to. */
  | { kind: 'key'; name: string }
  /** A key that is not configured: refused (HTTP 401). */
  | { kind: 'invalid'; reason: string };

/**
 * The API keys the server was configured with. Only those give a client a budget of
 * its own: a key anyone could invent would give its sender a fresh budget with every
 * request. Keys are compared in constant time (SecretMatcher).
 */
export class ApiKeys {
  private readonly matcher: SecretMatcher;

  constructor(keys: readonly ApiKey[]) {
    this.matcher = new SecretMatcher(keys.map((entry) => ({ name: entry.name, secret: entry.key })));
  }

  identify(header: string | undefined): ApiClient {
    if (header === undefined || header === '') return { kind: 'address' };
    const name = this.matcher.match(header);
    if (name !== null) return { kind: 'key', name };
    return {
      kind: 'invalid',
      reason:
        this.matcher.size === 0
          ? 'This server issues no API keys: send the request without an x-api-key header.'
          : 'The x-api-key header holds no key this server issued: send a valid key, or none.',
    };
  }
}
