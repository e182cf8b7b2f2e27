import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { parse } from 'yaml';
import composeSpec from './compose-spec.json';
import { interpolate, InterpolationError } from './interpolate';

/** A Compose file's content after interpolation; the shapes the rules read are typed where they read them. */
export type ComposeFile = { services?: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown>; networks?: Record<string, unknown> } & Record<string, unknown>;

export type Loaded = { ok: true; file: ComposeFile; warnings: string[] } | { ok: false; problems: string[] };

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(composeSpec);

/**
 * Loads a Compose file as Docker Compose does before running anything: YAML
 * (merge keys allowed, duplicate keys refused), interpolation of every string
 * value with `environment` only, validation against the Compose specification's
 * JSON schema (compose-spec.json, vendored from compose-go), then the consistency
 * checks Compose makes: every service has an image or a build, and every named
 * volume, network and depends_on entry a service uses is declared.
 */
export function loadCompose(text: string, environment: Readonly<Record<string, string>>): Loaded {
  let raw: unknown;
  try {
    raw = parse(text, { merge: true, uniqueKeys: true });
  } catch (error) {
    return { ok: false, problems: [`not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const warnings: string[] = [];
  let file: unknown;
  try {
    file = interpolateValues(raw, environment, warnings);
  } catch (error) {
    if (error instanceof InterpolationError) return { ok: false, problems: [error.message] };
    throw error;
  }
  if (!validate(file)) return { ok: false, problems: mostSpecific(validate.errors ?? []).map(describeSchemaError) };
  const compose = file as ComposeFile;
  const problems = consistencyProblems(compose);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file: compose, warnings };
}

/** Interpolates the string values (never the keys) of a parsed YAML tree. */
function interpolateValues(value: unknown, environment: Readonly<Record<string, string>>, warnings: string[]): unknown {
  if (typeof value === 'string') {
    const result = interpolate(value, environment);
    for (const name of result.unset) warnings.push(`the variable ${name} is not set: defaulting to a blank string`);
    return result.value;
  }
  if (Array.isArray(value)) return value.map((item) => interpolateValues(item, environment, warnings));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateValues(item, environment, warnings)]));
  }
  return value;
}

/**
 * Drops the echoes of an error: when a value inside an object is invalid, the
 * schema's `unevaluatedProperties` also calls that object's properties unknown.
 * Those reports are kept only where nothing inside the object is wrong (fix the
 * rest and run again to see them, should they be real).
 */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const isEcho = (error: ErrorObject) =>
    error.keyword === 'unevaluatedProperties' &&
    errors.some((other) => other.keyword !== 'unevaluatedProperties' && other.instancePath.startsWith(`${error.instancePath}/`));
  return errors.filter((error) => !isEcho(error));
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replaceAll('/', '.');
  const params = error.params as { unevaluatedProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  const extra = params.unevaluatedProperty ?? params.additionalProperty;
  if (extra !== undefined) return `${where}: additional property ${extra} is not allowed`;
  if (params.allowedValues) return `${where} ${error.message ?? ''}: ${params.allowedValues.join(', ')}`;
  if (error.keyword === 'type') return `${where} must be a ${String((error.params as { type: string | string[] }).type).split(',').join(' or ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** A volume entry's source when it names a volume (not a bind mount of a host path). */
function namedVolume(entry: unknown): string | null {
  if (typeof entry === 'string') {
    const [source, target] = entry.split(':');
    if (target === undefined || source === undefined || source === '' || /^[./~]/.test(source)) return null;
    return source;
  }
  const volume = entry as { type?: string; source?: string };
  return volume.type === 'volume' && volume.source ? volume.source : null;
}

function consistencyProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const volumes = new Set(Object.keys(compose.volumes ?? {}));
  const networks = new Set(['default', ...Object.keys(compose.networks ?? {})]);
  for (const [name, service] of Object.entries(services)) {
    if (service.image === undefined && service.build === undefined) problems.push(`service "${name}" has neither an image nor a build context specified`);
    for (const entry of (service.volumes as unknown[] | undefined) ?? []) {
      const volume = namedVolume(entry);
      if (volume !== null && !volumes.has(volume)) problems.push(`service "${name}" refers to undefined volume ${volume}`);
    }
    const serviceNetworks = service.networks as string[] | Record<string, unknown> | undefined;
    for (const network of Array.isArray(serviceNetworks) ? serviceNetworks : Object.keys(serviceNetworks ?? {})) {
      if (!networks.has(network)) problems.push(`service "${name}" refers to undefined network ${network}`);
    }
    const dependsOn = service.depends_on as string[] | Record<string, unknown> | undefined;
    for (const dependency of Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn ?? {})) {
      if (!(dependency in services)) problems.push(`service "${name}" depends on undefined service "${dependency}"`);
    }
  }
  return problems;
}
