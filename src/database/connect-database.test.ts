import { connectDatabase } from './connect-database';
import { loadCypherCatalog } from './cypher-catalog';

/** Port 9 (discard) on loopback: nothing listens there, and creating the driver sends nothing. */
const options = { uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'x', database: 'neo4j' };
const catalogOf = (database: object) => (database as { catalog: unknown }).catalog;

describe('connectDatabase', () => {
  it('gives a Database with the time limit asked for and the catalog of cypher/queries, without contacting the server', async () => {
    const database = connectDatabase({ ...options, queryTimeoutMs: 1_234 });
    expect(database.queryTimeoutMs).toBe(1_234);
    expect(catalogOf(database)).toEqual(loadCypherCatalog());
    await database.close();
  });

  it('takes a catalog of its own', async () => {
    const catalog = { ...loadCypherCatalog(), 'sources-all': 'RETURN 1' };
    const database = connectDatabase({ ...options, queryTimeoutMs: 1_000, catalog });
    expect(catalogOf(database)).toBe(catalog);
    await database.close();
  });
});
