import { Kind, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The root fields an operation selects, by the key each answers under (its alias or
 * name), through inline and named fragments too, each fragment visited once. The
 * admission's heavy-kind check and the charge after an answer both read this.
 */
export function rootFieldsByKey(operation: OperationDefinitionNode, document?: DocumentNode): Map<string, FieldNode> {
  const fragments = new Map(
    (document?.definitions ?? []).flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const byKey = new Map<string, FieldNode>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) byKey.set(selection.alias?.value ?? selection.name.value, selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return byKey;
}
