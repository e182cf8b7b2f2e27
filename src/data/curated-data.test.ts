import fs from 'node:fs';
import path from 'node:path';
import { findUnsupportedQuotes } from '../../test/support/check-quotes';
import { describeNeeding } from '../../test/support/outside-repo';
import { repoRoot } from '../config/repo-root';
import { readCurated } from './read-curated';

/**
 * The shipped dataset against the documents it cites. The documents live beside
 * the repository (../shared/sources) or where CAREERS_SOURCES_DIR points.
 */
const sourcesDir = process.env.CAREERS_SOURCES_DIR ?? path.resolve(repoRoot(), '..', 'shared', 'sources');

describe('data/curated/careers.json', () => {
  const dataset = readCurated();

  it('passes validation and holds the five required roles', () => {
    expect(dataset.entities.roles.map((role) => role.id).sort()).toEqual([
      'audio-engineer',
      'lighting-engineer',
      'movie-producer',
      'music-producer',
      'sound-engineer',
    ]);
  });

  it('keeps both documents’ salary figures where they disagree', () => {
    const producer = dataset.figures.salaries.filter((salary) => salary.role === 'music-producer');
    expect(new Set(producer.flatMap((salary) => salary.citations.map((citation) => citation.source))).size).toBe(2);
    expect(producer.map((salary) => salary.median ?? salary.low).sort()).toEqual([50396, 50500, 55000]);
  });
});

const sources = {
  what: 'the source documents in ../shared/sources',
  available: fs.existsSync(sourcesDir),
  howToGet: 'put the sources folder beside the repository as ../shared/sources, or set CAREERS_SOURCES_DIR',
};

describeNeeding(sources, 'data/curated/careers.json against the documents it cites', () => {
  const dataset = readCurated();

  it('cites each of the source documents, by file name', () => {
    const files = fs.readdirSync(sourcesDir).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4));
    // The editorial source (the roles' mapping to public taxonomies) is this project's own and has no document.
    expect(dataset.sources.filter((source) => !source.editorial).map((source) => source.id).sort()).toEqual(files.sort());
  });

  it('quotes only what the documents say, verbatim', () => {
    const read = (id: string) => {
      const file = path.join(sourcesDir, `${id}.txt`);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    };
    expect(findUnsupportedQuotes(dataset, read)).toEqual([]);
  });
});
