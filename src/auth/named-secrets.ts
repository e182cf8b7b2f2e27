import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** One configured secret and the name it is known by (a curator, an API client). */
export interface NamedSecret {
  name: string;
  secret: string;
}

export const secretNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a name is 1-64 letters, digits, dots, underscores, @ or hyphens');

/** Long enough that guessing is hopeless; `openssl rand -hex 32` gives 64 characters. */
export const secretSchema = z.string().regex(/^[\x21-\x7e]{32,512}$/, 'a secret is 32 to 512 printable characters without spaces');

/**
 * Parses a variable of comma-separated `name:secret` pairs, for example
 * `alice:3f9c...,bob:77ab...` (CURATION_TOKENS, API_KEYS). Names and secrets must each
 * be unique. `secretWord` names the secret in messages ("token", "key"); a message
 * never echoes a pair, since it holds a secret.
 */
export function namedSecretsSchema(secretWord: string) {
  return z.string().transform((value, context) => {
    const entries: NamedSecret[] = [];
    for (const pair of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const separator = pair.indexOf(':');
      const name = secretNameSchema.safeParse(separator > 0 ? pair.slice(0, separator) : '');
      const secret = secretSchema.safeParse(separator > 0 ? pair.slice(separator + 1) : '');
      if (!name.success || !secret.success) {
        context.addIssue({
          code: 'custom',
          message: `entry ${entries.length + 1} is not name:${secretWord} (${[name, secret]
            .flatMap((result) => (result.success ? [] : [result.error.issues[0]?.message.replace(/^a secret/, `a ${secretWord}`)]))
            .join('; ')})`,
        });
        return z.NEVER;
      }
      entries.push({ name: name.data, secret: secret.data });
    }
    if (new Set(entries.map((entry) => entry.name)).size !== entries.length) {
      context.addIssue({ code: 'custom', message: 'names must be unique' });
    }
    if (new Set(entries.map((entry) => entry.secret)).size !== entries.length) {
      context.addIssue({ code: 'custom', message: `${secretWord}s must be unique` });
    }
    return entries;
  });
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Finds which configured secret was presented, in constant time: both sides are
 * hashed to 32 bytes (so lengths never differ) and compared with `timingSafeEqual`,
 * and every configured secret is compared, match or not, so the time taken tells
 * nothing about which secret or how much of it matched. Only the digests are kept.
 */
export class SecretMatcher {
  private readonly digests: { name: string; digest: Buffer }[];

  constructor(entries: readonly NamedSecret[]) {
    this.digests = entries.map((entry) => ({ name: entry.name, digest: sha256(entry.secret) }));
  }

  get size(): number {
    return this.digests.length;
  }

  /** The name of the secret presented, or null when it is none of them. */
  match(presented: string): string | null {
    const digest = sha256(presented);
    let found: string | null = null;
    for (const entry of this.digests) {
      if (timingSafeEqual(digest, entry.digest)) found = entry.name;
    }
    return found;
  }
}
