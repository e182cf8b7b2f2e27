import { ConfigError, LOCAL_NEO4J_PASSWORD, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to a local Neo4j and port 4000 on loopback', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.uri).toBeNull();
    expect(config.neo4j.password).toBe(LOCAL_NEO4J_PASSWORD);
    expect(config.localNeo4j).toMatchObject({ boltPort: 7687, heap: '512m', pageCache: '128m', txLogRetention: '128M size' });
    expect(config.seedCurated).toBe(true);
    expect(config.corsOrigins).toEqual([]);
  });

  it('reads CORS_ORIGINS as a list of origins, trimmed, each kept once', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.org , http://localhost:5173,https://app.example.org,' }).corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
  });

  it.each([
    ['https://app.example.org/', /write "https:\/\/app\.example\.org"/],
    ['https://App.Example.org', /write "https:\/\/app\.example\.org"/],
    ['https://app.example.org:443', /write "https:\/\/app\.example\.org"/],
    ['https://app.example.org/path', /is not an origin as browsers send it/],
    ['app.example.org', /is not an origin such as/],
    ['ftp://files.example.org', /not an http:\/\/ or https:\/\/ origin/],
    ['*', /wildcard is not allowed/],
  ])('refuses CORS_ORIGINS=%s with what to write instead', (value, pattern) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(pattern);
  });

  it('uses NEO4J_URI with its credentials', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_PASSWORD: 'secret', PORT: '8080' });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://example.databases.neo4j.io', user: 'neo4j', password: 'secret' });
    expect(config.port).toBe(8080);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeNull();
  });

  it('passes a transaction-log retention policy on as written', () => {
    expect(loadConfig({ NEO4J_LOCAL_TX_LOG_RETENTION: ' 2 files ' }).localNeo4j.txLogRetention).toBe('2 files');
  });

  it('takes a cost limit up to the budget, and refuses one over it', () => {
    expect(loadConfig({}).maxCost).toBeUndefined();
    expect(loadConfig({ COST_LIMIT: '200000', RATE_LIMIT_BUDGET: '200000' }).maxCost).toBe(200_000);
    expect(() => loadConfig({ COST_LIMIT: '200000' })).toThrow(/COST_LIMIT \(200000\) must not exceed RATE_LIMIT_BUDGET \(100000\)/);
    expect(() => loadConfig({ COST_LIMIT: '10' })).toThrow(/COST_LIMIT/);
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD must be set/);
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ NEO4J_URI: 'http://127.0.0.1:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI/],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, /NEO4J_LOCAL_HEAP/],
    [{ SEED_CURATED: 'maybe' }, /SEED_CURATED/],
    [{ NEO4J_LOCAL_TX_LOG_RETENTION: '2 weeks' }, /NEO4J_LOCAL_TX_LOG_RETENTION/],
  ])('names the variable at fault in %p', (environment, pattern) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(pattern);
  });
});
