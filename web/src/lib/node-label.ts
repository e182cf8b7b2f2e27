import type { NodeLabelFragment } from '../generated/graphql';
import { salaryAmount } from './format';

/** What to print for a node: its name, or for a figure its amount. */
export function nodeLabel(node: NodeLabelFragment): string {
  switch (node.__typename) {
    case 'SalaryFigure':
      return `Salary ${salaryAmount(node)}`;
    case 'GrowthFigure':
      return `Growth ${node.percent}%`;
    default:
      return node.name;
  }
}

/** The explorer page of a node: a role's own page, or the page of any other node. */
export function nodeHref(node: { __typename?: string; id: string }): string {
  return node.__typename === 'Role' ? `/roles/${encodeURIComponent(node.id)}` : `/nodes/${encodeURIComponent(node.id)}`;
}

/** A node's kind in words: "Role", "Skill", "Salary figure"... */
export function kindLabel(typename: string | undefined): string {
  if (!typename) return 'Node';
  return typename.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ (\w)/g, (_all, letter: string) => ` ${letter.toLowerCase()}`);
}
