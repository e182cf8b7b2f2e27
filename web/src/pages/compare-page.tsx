import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ChosenList } from '../components/chosen-list';
import { PageHeading } from '../components/page-heading';
import { SearchBox } from '../components/search-box';
import type { OverlapDimension } from '../generated/graphql';
import { readIdList, withIdList } from '../lib/id-list-param';
import { DIMENSION_LABEL } from '../lib/relation-phrase';
import { RoleItemsQuery as RoleItemsDocument } from '../queries/compare.query';
import { Comparison } from './comparison';

/** `overlap` takes 2 to 10 roles; a diagram stays readable up to four. */
const MAX_ROLES = 4;

const DIMENSIONS = Object.keys(DIMENSION_LABEL) as OverlapDimension[];

function readDimension(params: URLSearchParams): OverlapDimension {
  const value = params.get('dimension');
  return DIMENSIONS.find((dimension) => dimension === value) ?? 'SKILLS';
}

/** A chosen role's name (the address holds ids only). */
function RoleName({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: RoleItemsDocument, variables: { id } });
  return <>{data?.role?.name ?? id}</>;
}

/** Compare two to four roles: `/compare?roles=a,b&dimension=SKILLS`. */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const ids = readIdList(params, 'roles', MAX_ROLES);
  const dimension = readDimension(params);
  const [announcement, setAnnouncement] = useState('');
  const setIds = (next: string[]) => setParams(withIdList(params, 'roles', next));
  return (
    <section className="compare">
      <PageHeading title="Compare roles" />
      <p className="lede">Choose two to four roles to see what they share and what each has alone.</p>
      <div className="controls">
        <ChosenList label="Roles compared" items={ids.map((id) => ({ id, name: <RoleName id={id} />, text: id }))} onRemove={(id) => setIds(ids.filter((other) => other !== id))} />
        {ids.length < MAX_ROLES ? (
          <SearchBox
            label={ids.length === 0 ? 'Add a role' : 'Add another role'}
            kinds={['ROLE']}
            placeholder="e.g. sound engineer"
            exclude={ids}
            onSelect={(hit) => {
              setIds([...ids, hit.node.id]);
              setAnnouncement(`${hit.name} added.`);
            }}
          />
        ) : (
          <p className="muted">Four roles at most; remove one to add another.</p>
        )}
        <label className="field">
          Compare by
          <select
            value={dimension}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.set('dimension', event.target.value);
              setParams(next);
            }}
          >
            {DIMENSIONS.map((value) => (
              <option key={value} value={value}>
                {DIMENSION_LABEL[value]}
              </option>
            ))}
          </select>
        </label>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
      {ids.length >= 2 ? <Comparison ids={ids} dimension={dimension} /> : <p className="muted">Add {2 - ids.length} more role{ids.length === 1 ? '' : 's'}.</p>}
    </section>
  );
}
