import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage, Loading } from '../components/query-status';
import { VennDiagram } from '../components/venn-diagram';
import type { NodeLabelFragment, OverlapDimension, RoleItemsQuery } from '../generated/graphql';
import { percent } from '../lib/format';
import { nodeHref, nodeLabel } from '../lib/node-label';
import { DIMENSION_LABEL } from '../lib/relation-phrase';
import type { VennSet } from '../lib/venn-regions';
import { CompareQuery, RoleItemsQuery as RoleItemsDocument } from '../queries/compare.query';

type LoadedRole = NonNullable<RoleItemsQuery['role']>;

function itemsOf(role: LoadedRole, dimension: OverlapDimension): { id: string; name: string }[] {
  switch (dimension) {
    case 'SKILLS':
      return role.skills.map((link) => link.skill);
    case 'RESPONSIBILITIES':
      return role.responsibilities;
    case 'SETTINGS':
      return role.settings;
    case 'TOOLS':
      return role.tools;
  }
}

/**
 * Each chosen role's items, one query per role (a hook per slot, since hooks cannot
 * be called in a loop; a slot without a role is paused).
 */
function useRoleItems(ids: readonly string[]): { roles: LoadedRole[]; fetching: boolean } {
  const slot = (index: number) => ({ query: RoleItemsDocument, variables: { id: ids[index] ?? '' }, pause: ids[index] === undefined });
  const results = [useQuery(slot(0))[0], useQuery(slot(1))[0], useQuery(slot(2))[0], useQuery(slot(3))[0]].slice(0, ids.length);
  return {
    roles: results.flatMap((result) => (result.data?.role ? [result.data.role] : [])),
    fetching: results.some((result) => result.fetching),
  };
}

function NodeItems({ items }: { items: readonly NodeLabelFragment[] }) {
  if (items.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="plain">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={nodeHref(item)}>{nodeLabel(item)}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the roles share on the dimension: the share in common (the Jaccard index, its
 * formula on demand), the diagram, what all share and what each has alone.
 */
export function Comparison({ ids, dimension }: { ids: string[]; dimension: OverlapDimension }) {
  const [{ data, fetching, error }, retry] = useQuery({ query: CompareQuery, variables: { roles: ids, dimension } });
  const { roles } = useRoleItems(ids);
  const noun = DIMENSION_LABEL[dimension].toLowerCase();
  const sets: VennSet[] = useMemo(() => roles.map((role) => ({ id: role.id, name: role.name, items: itemsOf(role, dimension) })), [roles, dimension]);
  if (fetching) return <Loading what="the comparison" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  if (!data) return null;
  const { overlap } = data;
  const names = overlap.roles.map((role) => role.name);
  const union = new Set(sets.flatMap((set) => set.items.map((item) => item.id))).size;
  return (
    <div className="comparison">
      <section aria-labelledby="score-heading" className="score card">
        <h2 id="score-heading">In common</h2>
        <p className="amount" data-testid="share-in-common">
          {percent(overlap.jaccard)}
        </p>
        <p data-testid="share-explained">
          Share of {noun} in common
          {sets.length === ids.length
            ? `: ${overlap.shared.length} of the ${union} ${noun} ${names.length === 2 ? 'either role has are shared by both' : `any of the ${names.length} roles has are shared by all`}.`
            : '.'}
        </p>
        <details className="how">
          <summary>How is this computed?</summary>
          <p>
            It is the Jaccard index of the roles&apos; {noun}: the {noun} all of them share, divided by all the {noun} any of them has (A, B… being each
            role&apos;s {noun}).
          </p>
          <p className="formula" data-testid="formula">
            J = |{names.length === 2 ? 'A ∩ B' : 'A ∩ B ∩ …'}| / |{names.length === 2 ? 'A ∪ B' : 'A ∪ B ∪ …'}|
            {sets.length === ids.length ? ` = ${overlap.shared.length} / ${union} = ${overlap.jaccard.toFixed(4)}` : ''}
          </p>
        </details>
      </section>
      {sets.length === ids.length ? <VennDiagram sets={sets} itemNoun={noun} /> : <Loading what="the diagram" />}
      <div className="lists">
        <section aria-labelledby="shared-heading" className="card">
          <h2 id="shared-heading">
            Shared by {names.length === 2 ? 'both' : `all ${names.length}`} ({overlap.shared.length})
          </h2>
          <div data-testid="shared">
            <NodeItems items={overlap.shared} />
          </div>
        </section>
        {overlap.distinct.map((entry) => {
          const name = overlap.roles.find((role) => role.id === entry.role.id)?.name ?? entry.role.id;
          return (
            <section key={entry.role.id} aria-labelledby={`only-${entry.role.id}`} className="card">
              <h2 id={`only-${entry.role.id}`}>
                Only {name} ({entry.items.length})
              </h2>
              <NodeItems items={entry.items} />
            </section>
          );
        })}
      </div>
      {ids.length === 2 ? (
        <p className="actions">
          <Link to={`/path?from=${encodeURIComponent(ids[0] ?? '')}&to=${encodeURIComponent(ids[1] ?? '')}`}>
            How would a {names[0]?.toLowerCase()} become a {names[1]?.toLowerCase()}?
          </Link>
          <Link to={`/path?from=${encodeURIComponent(ids[1] ?? '')}&to=${encodeURIComponent(ids[0] ?? '')}`}>And the other way round</Link>
        </p>
      ) : null}
      {ids.length > 2 ? (
        <p className="muted">What only some of the roles share is in the diagram: choose a region to list it.</p>
      ) : null}
    </div>
  );
}
