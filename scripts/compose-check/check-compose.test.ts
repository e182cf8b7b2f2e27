import fs from 'node:fs';
import path from 'node:path';
import { checkCompose } from './check-compose';
import { parsePort } from './compose-rules';

const COMPOSE = fs.readFileSync(path.join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');

/** The project's docker-compose.yml with one text replaced, which must be there. */
function edited(from: string | RegExp, to: string): string {
  const result = COMPOSE.replace(from, to);
  if (result === COMPOSE) throw new Error(`docker-compose.yml has no ${String(from)}`);
  return result;
}

describe('checkCompose', () => {
  it("passes the project's docker-compose.yml, without warnings", () => {
    expect(checkCompose(COMPOSE)).toEqual({ problems: [], warnings: [], services: ['api', 'api-2', 'neo4j', 'redis'] });
  });

  it.each([
    ['a port on all interfaces', edited('"127.0.0.1:7474:7474"', '"7474:7474"'), 'service "neo4j" publishes container port 7474 as host 7474 on all interfaces'],
    ['a port on another address', edited('"127.0.0.1:4000:4000"', '"0.0.0.0:4000:4000"'), 'service "api" publishes container port 4000 as host 4000 on 0.0.0.0'],
    ['no healthcheck', edited(/ {4}healthcheck:\n( {6}.*\n)+/, ''), 'service "neo4j" has no healthcheck'],
    ['no volume at /data', edited('neo4j-data:/data', 'neo4j-data:/var/lib/neo4j/data'), 'service "neo4j" has no volume mounted at /data'],
    ['api not waiting for a healthy neo4j', edited('condition: service_healthy', 'condition: service_started'), 'must depend on "neo4j" with condition: service_healthy'],
    ['api without NEO4J_URI', edited(/ {6}NEO4J_URI: .*\n/, ''), 'service "api" does not set NEO4J_URI'],
    ['an unknown key (the schema)', edited('    build: .', '    biuld: .'), 'services.api: additional property biuld is not allowed'],
    ['a wrong type (the schema)', edited('retries: 30', 'retries: [30]'), 'services.neo4j.healthcheck.retries must be'],
    ['an undeclared volume', edited('      - neo4j-logs:/logs', '      - neo4j-logz:/logs'), 'service "neo4j" refers to undefined volume neo4j-logz'],
    ['a dependency on no service', edited('      neo4j:\n        condition', '      neo5j:\n        condition'), 'service "api" depends on undefined service "neo5j"'],
    ['a required variable with no value', edited('${NEO4J_PASSWORD:?', '${NEO4J_SECRET:?'), 'required variable NEO4J_SECRET is missing a value'],
    ['broken YAML', edited('services:', 'services: [\n'), 'not valid YAML'],
  ])('refuses %s', (_case, text, message) => {
    const { problems } = checkCompose(text);
    expect(problems).toContainEqual(expect.stringContaining(message));
  });

  it('warns about a variable that is not set and has no default', () => {
    expect(checkCompose(edited('${LOG_LEVEL:-info}', '${LOG_LEVEL}')).warnings).toEqual(['the variable LOG_LEVEL is not set: defaulting to a blank string']);
  });
});

describe('parsePort', () => {
  it.each([
    [3000, { hostIp: '', published: '', target: '3000' }],
    ['8000:8000', { hostIp: '', published: '8000', target: '8000' }],
    ['127.0.0.1:7474:7474', { hostIp: '127.0.0.1', published: '7474', target: '7474' }],
    ['127.0.0.1:5000-5010:5000-5010/udp', { hostIp: '127.0.0.1', published: '5000-5010', target: '5000-5010' }],
    ['[::1]:6000:6000', { hostIp: '::1', published: '6000', target: '6000' }],
    [{ target: 80, published: '8080', host_ip: '127.0.0.1' }, { hostIp: '127.0.0.1', published: '8080', target: '80' }],
  ])('reads %p', (entry, expected) => {
    expect(parsePort(entry)).toEqual(expected);
  });
});
