import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config/repo-root';
import { FetchError } from './fetch-error';

/** How the import command fetches and unpacks releases, from the environment (docs/importing.md). */
export interface FetchSettings {
  /** CAREERS_GRAPH_RELEASES_CACHE; defaults to `.cache/releases` in the repository (git-ignored). */
  cacheDir: string;
  /** CAREERS_GRAPH_RELEASES_MIRROR: a base URL serving the publishers' files under their own paths; unset: the publishers. */
  mirror: string | null;
  /** CAREERS_GRAPH_USER_AGENT; defaults to the project's name, version and repository (package.json). */
  userAgent: string;
}

export function fetchSettings(env: NodeJS.ProcessEnv): FetchSettings {
  const mirror = env.CAREERS_GRAPH_RELEASES_MIRROR?.trim() || null;
  if (mirror && !/^https?:\/\/[^/]+/i.test(mirror)) throw new FetchError(`CAREERS_GRAPH_RELEASES_MIRROR must be an http(s) URL, e.g. https://mirror.example.org/careers; got "${mirror}"`);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { name: string; version: string; repository?: string | { url?: string } };
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return {
    cacheDir: path.resolve(env.CAREERS_GRAPH_RELEASES_CACHE?.trim() || path.join(repoRoot(), '.cache', 'releases')),
    mirror: mirror?.replace(/\/+$/, '') ?? null,
    userAgent: env.CAREERS_GRAPH_USER_AGENT?.trim() || `${manifest.name}/${manifest.version} (importer of published career data: O*NET, ESCO, BLS${repository ? `; +${repository}` : ''})`,
  };
}

/** The address to fetch a publisher's file from: the mirror, when set, serves it under the publisher's path. */
export function mirrored(url: string, mirror: string | null): string {
  if (!mirror) return url;
  const address = new URL(url);
  return `${mirror}${address.pathname}${address.search}`;
}
