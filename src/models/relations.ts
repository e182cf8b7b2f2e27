import type { NodeLabel } from './node-labels';

/**
 * How a Role field shows one kind of its facts. `node`: the list holds the far nodes
 * themselves. A wrapper type (RoleSkill, RelatedRole...) also shows the relationship:
 * `nodeField` is the wrapper field holding the far node (null when the wrapper reads
 * the far node through fields of its own, so it is read whole), and `linkFields` says
 * which stored relationship properties each wrapper field reads (the far node's
 * fields read none).
 */
export type FactShape =
  | { kind: 'node' }
  | { kind: 'wrapper'; type: string; nodeField: string | null; linkFields: Readonly<Record<string, readonly string[]>> };

/**
 * One more Role field over the same links as the relation's own field, with its own
 * shape: `stated` lists what the role's own field lists (e.g. the tools with the
 * flags of each link), `incoming` the one-way links other roles state of this one
 * (see `oneWayWhen`). With `firstWith`, the field is one link, not a list: the first
 * of the ordered list whose link carries that property (null when none does), as
 * `Role.typicalEducation` is the level with the largest share.
 */
export interface RoleFactView {
  field: string;
  shape: FactShape;
  links: 'stated' | 'incoming';
  firstWith?: string;
}

/** One relationship type of the graph, with everything the code needs to know about it. */
export interface RelationSpec {
  /** The labels allowed at each end: the allow-list every write checks. */
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  /**
   * The Role field listing these facts and how it shows them, and other Role fields
   * over the same links (`views`); null when it is not a role's fact.
   */
  roleFact: { field: string; shape: FactShape; views?: readonly RoleFactView[] } | null;
  /**
   * Counted from both ends when both are roles (a role's related roles include those
   * relating it); links to other labels count from the role only.
   */
  bothWaysBetweenRoles: boolean;
  /**
   * For a type counted both ways: the link property that marks a link as stated of its
   * start role alone (O*NET's related occupations carry a `tier`: each occupation's own
   * list). Such a link is listed by its start role's field, and at its end only by the
   * `incoming` view; links without it are stated of the pair. Null: every link is.
   */
  oneWayWhen: string | null;
  /**
   * Link properties read with every selection of these facts, whatever it selects,
   * because they order the list: tier and rank put O*NET's related occupations in
   * O*NET's order.
   */
  orderedBy: readonly string[];
  /**
   * A figure (salary, growth): set by its own mutations and kept off paths, so not in
   * GraphQL's `Relation` enum. Every other relation is in it: paths follow it and
   * curators link and unlink it.
   */
  figure: boolean;
  /** Links of this type may carry importance, level and essential. */
  weighted: boolean;
  /** Links of this type must give a reason. */
  needsReason: boolean;
  /** The overlap dimension comparing roles by these facts, with its display title. */
  dimension: { name: string; title: string } | null;
  /** How a link reads as a sentence from its start to its end node ("requires"). */
  verb: string;
  /** How two links meeting at a shared end read together ("both require"); null: they read one by one. */
  bothVerb: string | null;
}

const CITATION = ['sourceIds', 'quotes'];
const RELATED_ROLE_FIELDS = { role: [], reason: ['reason'], sources: CITATION, inferred: ['inferred'], tier: ['tier'], rank: ['rank'] } as const;
const EDUCATION_REQUIREMENT = {
  kind: 'wrapper',
  type: 'EducationRequirement',
  nodeField: null,
  linkFields: { level: [], education: [], share: ['share'], sources: CITATION },
} as const;

/**
 * The relationship types of the graph: the one place a relation's properties are
 * written. Lists of relations elsewhere (GraphQL's `Relation` enum and the Role
 * fields aside, which a unit test holds equal to this table) derive from it.
 */
export const RELATIONS = {
  REQUIRES_SKILL: {
    from: ['Role'],
    to: ['Skill'],
    roleFact: {
      field: 'skills',
      shape: {
        kind: 'wrapper',
        type: 'RoleSkill',
        nodeField: 'skill',
        linkFields: { skill: [], sources: CITATION, inferred: ['inferred'], importance: ['importance'], level: ['level'], essential: ['essential'] },
      },
    },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: true,
    needsReason: false,
    dimension: { name: 'SKILLS', title: 'Skills' },
    verb: 'requires',
    bothVerb: 'both require',
  },
  HAS_RESPONSIBILITY: {
    from: ['Role'],
    to: ['Responsibility'],
    roleFact: {
      field: 'responsibilities',
      shape: { kind: 'node' },
      views: [
        {
          field: 'responsibilityLinks',
          shape: { kind: 'wrapper', type: 'RoleResponsibility', nodeField: 'responsibility', linkFields: { responsibility: [], core: ['core'], sources: CITATION, inferred: ['inferred'] } },
          links: 'stated',
        },
      ],
    },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: { name: 'RESPONSIBILITIES', title: 'Responsibilities' },
    verb: 'is responsible for',
    bothVerb: 'are both responsible for',
  },
  WORKS_IN: {
    from: ['Role'],
    to: ['Setting'],
    roleFact: { field: 'settings', shape: { kind: 'node' } },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: { name: 'SETTINGS', title: 'Settings' },
    verb: 'works in',
    bothVerb: 'both work in',
  },
  USES_TOOL: {
    from: ['Role'],
    to: ['Tool'],
    roleFact: {
      field: 'tools',
      shape: { kind: 'node' },
      views: [
        {
          field: 'toolLinks',
          shape: {
            kind: 'wrapper',
            type: 'RoleTool',
            nodeField: 'tool',
            linkFields: {
              tool: [],
              hot: ['hot'],
              inDemand: ['inDemand'],
              commodityCode: ['commodityCode'],
              commodity: ['commodity'],
              sources: CITATION,
              inferred: ['inferred'],
            },
          },
          links: 'stated',
        },
      ],
    },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: { name: 'TOOLS', title: 'Tools' },
    verb: 'uses',
    bothVerb: 'both use',
  },
  REQUIRES_EDUCATION: {
    from: ['Role'],
    to: ['Education'],
    roleFact: {
      field: 'education',
      shape: EDUCATION_REQUIREMENT,
      views: [{ field: 'typicalEducation', shape: EDUCATION_REQUIREMENT, links: 'stated', firstWith: 'share' }],
    },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    // O*NET's required levels of education: largest share first, ties by the lower category.
    orderedBy: ['share', 'category'],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'asks for',
    bothVerb: 'both ask for',
  },
  RELATED_TO: {
    from: ['Role'],
    to: ['Role'],
    roleFact: {
      field: 'relatedRoles',
      shape: {
        kind: 'wrapper',
        type: 'RelatedRole',
        nodeField: 'role',
        linkFields: RELATED_ROLE_FIELDS,
      },
      views: [{ field: 'relatedFrom', shape: { kind: 'wrapper', type: 'RelatedRole', nodeField: 'role', linkFields: RELATED_ROLE_FIELDS }, links: 'incoming' }],
    },
    bothWaysBetweenRoles: true,
    oneWayWhen: 'tier',
    orderedBy: ['tier', 'rank'],
    figure: false,
    weighted: false,
    needsReason: true,
    dimension: null,
    verb: 'is related to',
    bothVerb: null,
  },
  // An occupation's equivalent in another taxonomy: an occupation (ESCO's, O*NET's, a curated role) or an
  // ISCO-08 group (the BLS crosswalk); the wrapper reads the far node whole, as either.
  EQUIVALENT_TO: {
    from: ['Role'],
    to: ['Role', 'OccupationGroup'],
    roleFact: {
      field: 'equivalents',
      shape: {
        kind: 'wrapper',
        type: 'RoleEquivalent',
        nodeField: null,
        linkFields: { role: [], group: [], name: [], crosswalk: ['crosswalk'], match: ['match'], reason: ['reason'], sources: CITATION },
      },
    },
    bothWaysBetweenRoles: true,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is the equivalent of',
    bothVerb: 'are both equivalents of',
  },
  COLLABORATES_WITH: {
    from: ['Role'],
    to: ['Role', 'Collaborator'],
    roleFact: {
      field: 'collaborators',
      shape: { kind: 'wrapper', type: 'Collaboration', nodeField: null, linkFields: { partner: [], name: [], sources: CITATION, inferred: ['inferred'] } },
    },
    bothWaysBetweenRoles: true,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'works with',
    bothVerb: 'both work with',
  },
  HAS_SALARY: {
    from: ['Role'],
    to: ['SalaryFigure'],
    roleFact: { field: 'salaries', shape: { kind: 'node' } },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: true,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'has the salary figure',
    bothVerb: null,
  },
  HAS_GROWTH: {
    from: ['Role'],
    to: ['GrowthFigure'],
    roleFact: { field: 'growth', shape: { kind: 'node' } },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: true,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'has the growth figure',
    bothVerb: null,
  },
  RELATED_SKILL: {
    from: ['Skill'],
    to: ['Skill'],
    roleFact: null,
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: true,
    needsReason: false,
    dimension: null,
    verb: 'draws on',
    bothVerb: 'both draw on',
  },
  IN_OCCUPATION_GROUP: {
    from: ['Role'],
    to: ['OccupationGroup'],
    roleFact: { field: 'occupationGroups', shape: { kind: 'node' } },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is in the occupation group',
    bothVerb: 'are both in the occupation group',
  },
  BROADER_ROLE: {
    from: ['Role'],
    to: ['Role'],
    roleFact: { field: 'broaderRoles', shape: { kind: 'node' } },
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is a kind of',
    bothVerb: 'are both kinds of',
  },
  BROADER_GROUP: {
    from: ['OccupationGroup'],
    to: ['OccupationGroup'],
    roleFact: null,
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is part of',
    bothVerb: 'are both part of',
  },
  IN_SKILL_GROUP: {
    from: ['Skill'],
    to: ['SkillGroup'],
    roleFact: null,
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is in the skill group',
    bothVerb: 'are both in the skill group',
  },
  BROADER_SKILL: {
    from: ['Skill'],
    to: ['Skill'],
    roleFact: null,
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is a narrower form of',
    bothVerb: 'are both narrower forms of',
  },
  BROADER_SKILL_GROUP: {
    from: ['SkillGroup'],
    to: ['SkillGroup'],
    roleFact: null,
    bothWaysBetweenRoles: false,
    oneWayWhen: null,
    orderedBy: [],
    figure: false,
    weighted: false,
    needsReason: false,
    dimension: null,
    verb: 'is part of',
    bothVerb: 'are both part of',
  },
} as const satisfies Record<string, RelationSpec>;

/** A relationship type of the graph. */
export type RelationType = keyof typeof RELATIONS;

type Entry = { [type in RelationType]: [type, (typeof RELATIONS)[type]] }[RelationType];
const ENTRIES = Object.entries(RELATIONS) as Entry[];

/** Every relationship type, in the table's order. */
export const RELATION_TYPES = ENTRIES.map(([type]) => type) as [RelationType, ...RelationType[]];

/** GraphQL's `Relation` enum: every relation but the figures'. Paths follow these; curators link them. */
export type Relation = { [type in RelationType]: (typeof RELATIONS)[type]['figure'] extends true ? never : type }[RelationType];
export const PUBLIC_RELATIONS = ENTRIES.filter(([, spec]) => !spec.figure).map(([type]) => type) as [Relation, ...Relation[]];

/**
 * The types whose relationship may join the same two nodes as another relationship:
 * one of another type whose end labels meet its own either way round, or one of its
 * own type the other way round (its two ends share a label). Writes MERGE on (from,
 * type, to), so a type joins two nodes at most once each way, and a role requires a
 * skill through REQUIRES_SKILL alone. A path search (paths-between.cypher) looks for
 * parallels of these only: on the real releases most hops are of the others (a
 * role's skills, tools, settings), and the look-up at every hop was half the search.
 */
export const PARALLEL_RELATIONS: ReadonlySet<RelationType> = new Set(
  ENTRIES.filter(([type, spec]) => {
    const meets = (a: readonly string[], b: readonly string[]) => a.some((label) => b.includes(label));
    if (meets(spec.from, spec.to)) return true;
    return ENTRIES.some(
      ([other, otherSpec]) =>
        other !== type && ((meets(spec.from, otherSpec.from) && meets(spec.to, otherSpec.to)) || (meets(spec.from, otherSpec.to) && meets(spec.to, otherSpec.from))),
    );
  }).map(([type]) => type),
);

/** The parameters of a path search over `types` (paths-between.cypher): the types, and those of them with parallels. */
export function pathTypes(types: readonly RelationType[]): { types: RelationType[]; parallelTypes: RelationType[] } {
  return { types: [...types], parallelTypes: types.filter((type) => PARALLEL_RELATIONS.has(type)) };
}

/** A relationship type that lists a role's facts, and the Role field listing them. */
export type RoleRelation = { [type in RelationType]: (typeof RELATIONS)[type]['roleFact'] extends null ? never : type }[RelationType];
export type RoleFactField = NonNullable<(typeof RELATIONS)[RoleRelation]['roleFact']>['field'];
export const ROLE_RELATIONS = ENTRIES.filter(([, spec]) => spec.roleFact !== null).map(([type]) => type) as RoleRelation[];

/** The Role field listing each role relation's facts. */
export function roleFactField(type: RoleRelation): RoleFactField {
  return RELATIONS[type].roleFact.field;
}

/** A Role field over a role's facts: a relation's own field, or one of its views. */
export interface RoleFactFieldSpec {
  type: RoleRelation;
  shape: FactShape;
  links: RoleFactView['links'];
  /** A field of one link: the first of the list carrying this link property (see RoleFactView). */
  firstWith?: string;
}

/** Every Role field over a role's facts (each relation's own field, then its views), by field name. */
export const ROLE_FACT_FIELDS: ReadonlyMap<string, RoleFactFieldSpec> = new Map(
  ROLE_RELATIONS.flatMap((type): [string, RoleFactFieldSpec][] => {
    const roleFact = RELATIONS[type].roleFact as { field: string; shape: FactShape; views?: readonly RoleFactView[] };
    return [
      [roleFact.field, { type, shape: roleFact.shape, links: 'stated' }],
      ...(roleFact.views ?? []).map((view): [string, RoleFactFieldSpec] => [view.field, { type, shape: view.shape, links: view.links, firstWith: view.firstWith }]),
    ];
  }),
);

/** The relation behind each Role fact field: `ROLE_FACT.education` is the type linking a role to its education. */
export const ROLE_FACT = Object.fromEntries(ROLE_RELATIONS.map((type) => [roleFactField(type), type])) as Readonly<Record<RoleFactField, RoleRelation>>;

/** An overlap dimension (GraphQL's `OverlapDimension`). */
export type OverlapDimensionName = NonNullable<(typeof RELATIONS)[RelationType]['dimension']>['name'];

/** Each overlap dimension: the relation a role has to the items compared, their label, and the dimension's title. */
export const OVERLAP_DIMENSIONS = Object.fromEntries(
  ENTRIES.flatMap(([type, spec]) => (spec.dimension ? [[spec.dimension.name, { type, label: spec.to[0], title: spec.dimension.title }]] : [])),
) as Readonly<Record<OverlapDimensionName, { type: RelationType; label: NodeLabel; title: string }>>;

/** Is this string a relationship type of the table? */
export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATIONS, value);
}
