/**
 * The labels a node of the graph carries besides `Node`, which are also the GraphQL
 * type names, with the `NodeKind` each is searched by (null: not searchable, the
 * figures). A unit test holds GraphQL's `NodeKind` enum equal to this table.
 */
export const NODE_LABELS = {
  Role: { kind: 'ROLE' },
  Skill: { kind: 'SKILL' },
  Responsibility: { kind: 'RESPONSIBILITY' },
  Setting: { kind: 'SETTING' },
  Tool: { kind: 'TOOL' },
  Education: { kind: 'EDUCATION' },
  Collaborator: { kind: 'COLLABORATOR' },
  OccupationGroup: { kind: 'OCCUPATION_GROUP' },
  SkillGroup: { kind: 'SKILL_GROUP' },
  SalaryFigure: { kind: null },
  GrowthFigure: { kind: null },
} as const satisfies Record<string, { kind: string | null }>;

export type NodeLabel = keyof typeof NODE_LABELS;

/** Every label, in the table's order. */
export const NODE_LABEL_NAMES = Object.keys(NODE_LABELS) as [NodeLabel, ...NodeLabel[]];

/** A kind of node that search finds (GraphQL's `NodeKind`). */
export type NodeKindName = NonNullable<(typeof NODE_LABELS)[NodeLabel]['kind']>;

/** The label of each searchable kind. */
export const LABEL_OF_KIND = Object.fromEntries(
  Object.entries(NODE_LABELS).flatMap(([label, { kind }]) => (kind ? [[kind, label]] : [])),
) as Readonly<Record<NodeKindName, NodeLabel>>;

/** The kind a label is searched by; null for a label search does not return. */
export function kindOfLabel(label: string): NodeKindName | null {
  return Object.hasOwn(NODE_LABELS, label) ? NODE_LABELS[label as NodeLabel].kind : null;
}
