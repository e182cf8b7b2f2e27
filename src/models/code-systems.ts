/**
 * The classifications whose codes the graph knows, as GraphQL's `CodeSystem` names
 * them: how a code is written, and which stored codes (`SYSTEM:code` strings in a
 * role's `externalCodes`) it matches. A SOC 2018 code is stored nowhere: it matches
 * every O*NET-SOC code that refines it (27-4014 matches 27-4014.00 and 27-4014.01),
 * as an ISCO-08 group above the unit groups (352) matches the unit groups under it.
 * `group` tells a code naming a group of occupations (SOC, ISCO-08), which a role is
 * in, from one naming a single occupation (O*NET-SOC, ESCO), which is the role's own.
 * A unit test holds the schema's `CodeSystem` enum equal to this table.
 */
export const CODE_SYSTEMS = {
  ONET_SOC: {
    stored: true,
    group: false,
    pattern: /^\d{2}-\d{4}\.\d{2}$/,
    example: '27-4014.00',
    match: (code: string) => ({ codes: [`ONET_SOC:${code}`], prefixes: [] }),
  },
  SOC: { stored: false, group: true, pattern: /^\d{2}-\d{4}$/, example: '27-4014', match: (code: string) => ({ codes: [], prefixes: [`ONET_SOC:${code}.`] }) },
  // A group above the unit groups (35, 352) matches the roles of every unit group under it.
  ISCO: {
    stored: true,
    group: true,
    pattern: /^\d{1,4}$/,
    example: '3521',
    match: (code: string) => ({ codes: [`ISCO:${code}`], prefixes: code.length < 4 ? [`ISCO:${code}`] : [] }),
  },
  ESCO: {
    stored: true,
    group: false,
    pattern: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/,
    example: 'http://data.europa.eu/esco/occupation/<uuid>',
    match: (code: string) => ({ codes: [`ESCO:${code}`], prefixes: [] }),
  },
  ESCO_CODE: {
    stored: true,
    group: false,
    pattern: /^\d{4}(\.\d{1,3})+$/,
    example: '3521.1.7',
    match: (code: string) => ({ codes: [`ESCO_CODE:${code}`], prefixes: [] }),
  },
} as const satisfies Record<string, { stored: boolean; group: boolean; pattern: RegExp; example: string; match: (code: string) => CodeMatch }>;

/** Which stored codes a code matches: exactly these, or any under these prefixes. */
export interface CodeMatch {
  codes: string[];
  prefixes: string[];
}

export type CodeSystem = keyof typeof CODE_SYSTEMS;
export type StoredCodeSystem = { [system in CodeSystem]: (typeof CODE_SYSTEMS)[system]['stored'] extends true ? system : never }[CodeSystem];

/**
 * What a text matches if it is a code of any system (`27-4014` is a SOC code; `3521` an ISCO group), null when it
 * is none: `own`, the stored codes naming one occupation (a role's own code), and `within`, those of the groups a
 * role may be in.
 */
export function codeMatchOf(text: string): { own: string[]; within: CodeMatch } | null {
  const systems = Object.values(CODE_SYSTEMS).filter((system) => system.pattern.test(text));
  if (systems.length === 0) return null;
  const of = (group: boolean) => systems.filter((system) => system.group === group).map((system) => system.match(text));
  const within = of(true);
  return {
    own: of(false).flatMap((match) => match.codes),
    within: { codes: within.flatMap((match) => match.codes), prefixes: within.flatMap((match) => match.prefixes) },
  };
}

/** Splits the stored `SYSTEM:code` strings; entries of a system that is not stored are left out. */
export function parseExternalCodes(stored: unknown): { system: StoredCodeSystem; code: string }[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const text = String(entry);
    const separator = text.indexOf(':');
    const system = text.slice(0, separator);
    const known = separator > 0 && Object.hasOwn(CODE_SYSTEMS, system) && CODE_SYSTEMS[system as CodeSystem].stored;
    return known ? [{ system: system as StoredCodeSystem, code: text.slice(separator + 1) }] : [];
  });
}
