import path from 'node:path';
import { repoRoot } from '../../config/repo-root';
import { fetchSettings, mirrored } from './fetch-settings';

it('defaults to the publishers, a cache in the repository and a User-Agent naming the project', () => {
  const settings = fetchSettings({});
  expect(settings.mirror).toBeNull();
  expect(settings.cacheDir).toBe(path.join(repoRoot(), '.cache', 'releases'));
  expect(settings.userAgent).toMatch(/^careers-graph\/\d+\.\d+\.\d+ \(importer of published career data/);
});

it('takes the cache, the mirror and the User-Agent from the environment', () => {
  const settings = fetchSettings({ CAREERS_GRAPH_RELEASES_CACHE: '/tmp/releases', CAREERS_GRAPH_RELEASES_MIRROR: 'https://mirror.example.org/careers/', CAREERS_GRAPH_USER_AGENT: 'jane@example.org' });
  expect(settings).toEqual({ cacheDir: '/tmp/releases', mirror: 'https://mirror.example.org/careers', userAgent: 'jane@example.org' });
});

it('refuses a mirror that is not an http(s) URL, saying what to set', () => {
  expect(() => fetchSettings({ CAREERS_GRAPH_RELEASES_MIRROR: 'mirror.example.org' })).toThrow(/CAREERS_GRAPH_RELEASES_MIRROR must be an http\(s\) URL/);
});

it('serves a publisher file from the mirror under the publisher path', () => {
  const url = 'https://www.bls.gov/oes/special-requests/oesm24nat.zip';
  expect(mirrored(url, null)).toBe(url);
  expect(mirrored(url, 'http://127.0.0.1:8080/base')).toBe('http://127.0.0.1:8080/base/oes/special-requests/oesm24nat.zip');
});
