import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A curator: someone allowed to write, named in every change they make. */
export interface Curator {
  name: string;
}

/** One configured token: the curator's name and the token itself. */
export interface CuratorToken {
  name: string;
  token: string;
}

export const curatorNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a curator name is 1-64 letters, digits, dots, underscores, @ or hyphens');

/** Long enough that guessing is hopeless; `openssl rand -hex 32` gives 64 characters. */
export const curatorTokenSchema = z
  .string()
  .regex(/^[\x21-\x7e]{32,512}$/, 'a token is 32 to 512 printable characters without spaces');

/**
 * Parses CURATION_TOKENS: comma-separated `name:token` pairs, for example
 * `alice:3f9c...,bob:77ab...`. Names and tokens must each be unique.
 */
export const curationTokensSchema = z
  .string()
  .transform((value, context) => {
    const tokens: CuratorToken[] = [];
    for (const pair of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const separator = pair.indexOf(':');
      const name = curatorNameSchema.safeParse(separator > 0 ? pair.slice(0, separator) : '');
      const token = curatorTokenSchema.safeParse(separator > 0 ? pair.slice(separator + 1) : '');
      if (!name.success || !token.success) {
        // Never echo the pair: it holds a secret.
        context.addIssue({
          code: 'custom',
          message: `entry ${tokens.length + 1} is not name:token (${[name, token].flatMap((r) => (r.success ? [] : [r.error.issues[0]?.message])).join('; ')})`,
        });
        return z.NEVER;
      }
      tokens.push({ name: name.data, token: token.data });
    }
    if (new Set(tokens.map((entry) => entry.name)).size !== tokens.length) {
      context.addIssue({ code: 'custom', message: 'curator names must be unique' });
    }
    if (new Set(tokens.map((entry) => entry.token)).size !== tokens.length) {
      context.addIssue({ code: 'custom', message: 'tokens must be unique' });
    }
    return tokens;
  });

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** What an `Authorization` header says about the request. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'curator'; curator: Curator }
  | { kind: 'invalid'; reason: string };

/**
 * Checks bearer tokens against the configured ones in constant time: both sides
 * are hashed to 32 bytes (so lengths never differ) and compared with
 * `timingSafeEqual`, and every configured token is compared, match or not, so the
 * time taken tells nothing about which token or how much of it matched.
 */
export class CuratorTokens {
  private readonly digests: { name: string; digest: Buffer }[];

  constructor(tokens: readonly CuratorToken[]) {
    this.digests = tokens.map((entry) => ({ name: entry.name, digest: sha256(entry.token) }));
  }

  get configured(): number {
    return this.digests.length;
  }

  authenticate(header: string | undefined): Authentication {
    if (header === undefined) return { kind: 'anonymous' };
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(header.trim());
    if (!match?.[1]) return { kind: 'invalid', reason: 'The Authorization header must be "Bearer <token>".' };
    const presented = sha256(match[1]);
    let found: string | null = null;
    for (const entry of this.digests) {
      if (timingSafeEqual(presented, entry.digest)) found = entry.name;
    }
    return found === null ? { kind: 'invalid', reason: 'The bearer token is not valid.' } : { kind: 'curator', curator: { name: found } };
  }
}
