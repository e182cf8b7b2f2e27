import type { ComposeFile } from './load-compose';

interface Port {
  hostIp: string;
  published: string;
  target: string;
}

/**
 * A `ports:` entry in either syntax. The short one is
 * `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]`, an IPv6 host in brackets.
 */
export function parsePort(entry: unknown): Port {
  if (typeof entry === 'number') return { hostIp: '', published: '', target: String(entry) };
  if (typeof entry === 'string') {
    const spec = entry.replace(/\/[a-z]+$/, '');
    const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(spec);
    const [hostIp, rest] = bracketed ? [bracketed[1] ?? '', bracketed[2] ?? ''] : ['', spec];
    const parts = rest.split(':');
    const target = parts.pop() ?? '';
    const published = parts.pop() ?? '';
    return { hostIp: bracketed ? hostIp : parts.join(':'), published, target };
  }
  const port = entry as { host_ip?: string; published?: string | number; target?: string | number };
  return { hostIp: port.host_ip ?? '', published: String(port.published ?? ''), target: String(port.target ?? '') };
}

/** An environment in either syntax (mapping or `KEY=VALUE` list), unset values as null. */
function environmentOf(service: Record<string, unknown>): Record<string, string | null> {
  const environment = service.environment as Record<string, unknown> | string[] | undefined;
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((item) => {
        const equals = item.indexOf('=');
        return equals === -1 ? [item, null] : [item.slice(0, equals), item.slice(equals + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(environment ?? {}).map(([key, value]) => [key, value === null ? null : String(value)]));
}

function hasHealthcheck(service: Record<string, unknown>): boolean {
  const healthcheck = service.healthcheck as { test?: string | string[]; disable?: boolean } | undefined;
  if (!healthcheck || healthcheck.disable) return false;
  const test = typeof healthcheck.test === 'string' ? [healthcheck.test] : (healthcheck.test ?? []);
  return test.length > 0 && test[0] !== 'NONE';
}

function volumeTargets(service: Record<string, unknown>): string[] {
  return ((service.volumes as unknown[] | undefined) ?? []).map((entry) =>
    typeof entry === 'string' ? (entry.split(':')[1] ?? entry) : ((entry as { target?: string }).target ?? ''),
  );
}

/** The condition `service` waits for before starting after `dependency`, or null when it does not depend on it. */
function dependencyCondition(service: Record<string, unknown>, dependency: string): string | null {
  const dependsOn = service.depends_on as string[] | Record<string, { condition?: string }> | undefined;
  if (Array.isArray(dependsOn)) return dependsOn.includes(dependency) ? 'service_started' : null;
  const entry = dependsOn?.[dependency];
  return entry === undefined ? null : (entry.condition ?? 'service_started');
}

/**
 * This project's rules for docker-compose.yml, one message per broken rule:
 * every published port bound to 127.0.0.1; neo4j with a healthcheck and a volume at
 * /data; api starting only once neo4j is healthy, with its connection settings.
 */
export function composeRuleProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  for (const name of Object.keys(services).sort()) {
    for (const entry of (services[name]?.ports as unknown[] | undefined) ?? []) {
      const port = parsePort(entry);
      if (port.hostIp !== '127.0.0.1') {
        problems.push(
          `service "${name}" publishes container port ${port.target} as host ${port.published || 'a random port'} on ${port.hostIp || 'all interfaces'}; bind it to 127.0.0.1 ("127.0.0.1:HOST:CONTAINER")`,
        );
      }
    }
  }

  const neo4j = services.neo4j;
  if (!neo4j) {
    problems.push('service "neo4j" is missing');
  } else {
    if (!hasHealthcheck(neo4j)) problems.push('service "neo4j" has no healthcheck (api waits for it to be healthy)');
    if (!volumeTargets(neo4j).includes('/data')) problems.push('service "neo4j" has no volume mounted at /data (the database would be lost with the container)');
  }

  const api = services.api;
  if (!api) {
    problems.push('service "api" is missing');
  } else {
    if (dependencyCondition(api, 'neo4j') !== 'service_healthy') problems.push('service "api" must depend on "neo4j" with condition: service_healthy');
    const environment = environmentOf(api);
    for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD']) {
      if (!environment[key]) problems.push(`service "api" does not set ${key} in its environment`);
    }
  }
  return problems;
}
