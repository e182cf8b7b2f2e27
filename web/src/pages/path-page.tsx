import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../components/page-heading';
import { SearchBox } from '../components/search-box';
import type { Relation } from '../generated/graphql';
import { readIdList, withIdList } from '../lib/id-list-param';
import { PATH_RELATIONS, relationPhrase } from '../lib/relation-phrase';
import { RoleNameQuery } from '../queries/role-name.query';
import { PathResults } from './path-results';

const HOP_CHOICES = [1, 2, 3, 4, 5, 6];
const DEFAULT_HOPS = 4;

/** One end of the path: the role chosen, or a search box to choose one. */
function RoleSlot({ label, id, onChoose, onClear }: { label: string; id: string | null; onChoose: (id: string) => void; onClear: () => void }) {
  const [{ data }] = useQuery({ query: RoleNameQuery, variables: { id: id ?? '' }, pause: !id });
  if (!id) return <SearchBox label={label} kinds={['ROLE']} placeholder="e.g. music producer" onSelect={(hit) => onChoose(hit.node.id)} />;
  return (
    <div className="slot">
      <span className="slot-label">{label}</span> <strong>{data?.role?.name ?? id}</strong>{' '}
      <button type="button" className="link-button" onClick={onClear}>
        change<span className="visually-hidden"> {label.toLowerCase()}</span>
      </button>
    </div>
  );
}

function readRelations(params: URLSearchParams): Relation[] {
  const chosen = readIdList(params, 'via');
  const known = PATH_RELATIONS.filter((relation) => chosen.includes(relation));
  return known.length > 0 ? known : [...PATH_RELATIONS];
}

function readHops(params: URLSearchParams): number {
  const hops = Number(params.get('hops'));
  return HOP_CHOICES.includes(hops) ? hops : DEFAULT_HOPS;
}

/** "From A to B": `/path?from=a&to=b&via=REQUIRES_SKILL,WORKS_IN&hops=4`. */
export function PathPage() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') || null;
  const to = params.get('to') || null;
  const via = readRelations(params);
  const maxHops = readHops(params);
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const toggleRelation = (relation: Relation) => {
    const next = via.includes(relation) ? via.filter((other) => other !== relation) : [...via, relation];
    if (next.length === 0) return;
    setParams(next.length === PATH_RELATIONS.length ? withIdList(params, 'via', []) : withIdList(params, 'via', next));
  };
  return (
    <section className="path-page">
      <PageHeading title="From one role to another" />
      <p className="lede">What carries over, what is left to learn, and how the two roles connect in the graph, step by step, each step cited.</p>
      <div className="controls path-controls">
        <RoleSlot label="From" id={from} onChoose={(id) => update((next) => next.set('from', id))} onClear={() => update((next) => next.delete('from'))} />
        <RoleSlot label="To" id={to} onChoose={(id) => update((next) => next.set('to', id))} onClear={() => update((next) => next.delete('to'))} />
        {from && to ? (
          <button
            type="button"
            onClick={() =>
              update((next) => {
                next.set('from', to);
                next.set('to', from);
              })
            }
          >
            Swap
          </button>
        ) : null}
        <details className="browse">
          <summary>Path options</summary>
          <fieldset>
            <legend>Connect through</legend>
            {PATH_RELATIONS.map((relation) => (
              <label key={relation} className="check">
                <input type="checkbox" checked={via.includes(relation)} onChange={() => toggleRelation(relation)} /> {relationPhrase(relation)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            At most
            <select value={maxHops} onChange={(event) => update((next) => next.set('hops', event.target.value))}>
              {HOP_CHOICES.map((hops) => (
                <option key={hops} value={hops}>
                  {hops} {hops === 1 ? 'step' : 'steps'}
                </option>
              ))}
            </select>
          </label>
        </details>
      </div>
      {from && to ? <PathResults from={from} to={to} via={via} maxHops={maxHops} /> : <p className="muted">Choose both roles.</p>}
    </section>
  );
}
