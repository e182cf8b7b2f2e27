import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CitationList } from '../components/citation-list';
import { PageHeading } from '../components/page-heading';
import { PathGraph, type GraphHop } from '../components/path-graph';
import { ErrorMessage, Loading } from '../components/query-status';
import { SearchBox } from '../components/search-box';
import { SourcesDisclosure } from '../components/sources-disclosure';
import type { PathQuery as PathResult, Relation } from '../generated/graphql';
import { percent } from '../lib/format';
import { readIdList, withIdList } from '../lib/id-list-param';
import { nodeHref, nodeLabel } from '../lib/node-label';
import { RELATIONS, relationPhrase } from '../lib/relation-phrase';
import { PathQuery } from '../queries/path.query';
import { RoleNameQuery } from '../queries/role-name.query';

const HOP_CHOICES = [1, 2, 3, 4, 5, 6];
const DEFAULT_HOPS = 4;

type Step = PathResult['paths'][number]['steps'][number];

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

function SkillGap({ gap }: { gap: PathResult['skillGap'] }) {
  return (
    <section aria-labelledby="gap-heading" className="card gap">
      <h2 id="gap-heading">
        Skill gap: {gap.from.name} → {gap.to.name}
      </h2>
      <p>
        <meter min={0} max={1} value={gap.coverage} aria-label="Weighted coverage" /> <strong data-testid="coverage">{percent(gap.coverage)}</strong> of
        what a {gap.to.name.toLowerCase()} needs is already there ({gap.transferable.length} of {gap.transferable.length + gap.toLearn.length} skills,{' '}
        {percent(gap.plainCoverage)} unweighted).
      </p>
      <p className="muted">Coverage = Σ idf·w over the skills that carry over ÷ Σ idf·w over all the target&apos;s skills; rarer skills count more.</p>
      <div className="two-columns">
        <div>
          <h3>Carries over ({gap.transferable.length})</h3>
          <ul className="plain" data-testid="transferable">
            {gap.transferable.map((skill) => (
              <li key={skill.id}>
                <Link to={nodeHref({ __typename: 'Skill', id: skill.id })}>{skill.name}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>To learn ({gap.toLearn.length})</h3>
          <ul className="plain" data-testid="to-learn">
            {gap.toLearn.map((skill) => (
              <li key={skill.id}>
                <Link to={nodeHref({ __typename: 'Skill', id: skill.id })}>{skill.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function HopDetails({ step }: { step: Step }) {
  return (
    <>
      <span className="hop-explanation">{step.explanation}</span>
      {step.inferred ? <span className="badge">inferred</span> : null}
      <SourcesDisclosure about={step.explanation}>{() => <CitationList citations={step.sources} />}</SourcesDisclosure>
    </>
  );
}

function Paths({ from, to, via, maxHops }: { from: string; to: string; via: Relation[]; maxHops: number }) {
  const [{ data, fetching, error }, retry] = useQuery({
    query: PathQuery,
    variables: { from, to, maxHops, via: via.length === RELATIONS.length ? null : via },
  });
  const [selected, setSelected] = useState<GraphHop | null>(null);
  const drawn = useMemo(() => {
    const paths = data?.paths ?? [];
    return { nodes: paths.flatMap((path) => path.nodes), hops: paths.flatMap((path) => path.steps) };
  }, [data]);
  if (fetching) return <Loading what="the skill gap and paths" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  if (!data) return null;
  const selectedStep = selected ? drawn.hops.find((step) => step.from === selected.from && step.to === selected.to) : undefined;
  const name = (id: string) => {
    const node = drawn.nodes.find((candidate) => candidate.id === id);
    return node ? nodeLabel(node) : id;
  };
  return (
    <>
      <SkillGap gap={data.skillGap} />
      <section aria-labelledby="paths-heading" className="paths">
        <h2 id="paths-heading">How the two connect</h2>
        {data.paths.length === 0 ? (
          <p>No path of {maxHops} hops or fewer through the chosen relationships. Allow more hops or more kinds of link.</p>
        ) : (
          <div className="path-layout">
            <div>
              <PathGraph
                nodes={drawn.nodes}
                hops={drawn.hops}
                fromId={from}
                toId={to}
                description={`Graph of ${data.paths.length} paths: ${data.paths.map((path) => path.explanation).join(' ')}`}
                onSelectHop={setSelected}
              />
              <p aria-live="polite" className="selected-hop">
                {selectedStep ? (
                  <>
                    Hop {name(selectedStep.from)} – {name(selectedStep.to)}: <HopDetails step={selectedStep} />
                  </>
                ) : (
                  'Click a link in the graph for its explanation and sources.'
                )}
              </p>
            </div>
            <ol className="path-list">
              {data.paths.map((path, index) => (
                <li key={path.nodes.map((node) => node.id).join('>')} className="card" data-testid="path">
                  <h3>
                    Path {index + 1}: {path.length} {path.length === 1 ? 'hop' : 'hops'}
                  </h3>
                  <p className="path-explanation">{path.explanation}</p>
                  <ol className="hops">
                    {path.steps.map((step) => (
                      <li key={`${step.from}>${step.to}`}>
                        <span className="relation">{step.relations.map(relationPhrase).join(' / ')}</span> <HopDetails step={step} />
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
    </>
  );
}

function readRelations(params: URLSearchParams): Relation[] {
  const chosen = readIdList(params, 'via');
  const known = RELATIONS.filter((relation) => chosen.includes(relation));
  return known.length > 0 ? known : RELATIONS;
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
    setParams(next.length === RELATIONS.length ? withIdList(params, 'via', []) : withIdList(params, 'via', next));
  };
  return (
    <section className="path-page">
      <PageHeading title="From one role to another" />
      <p className="lede">What carries over, what is left to learn, and how the two roles connect in the graph, hop by hop, each hop cited.</p>
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
            {RELATIONS.map((relation) => (
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
                  {hops} {hops === 1 ? 'hop' : 'hops'}
                </option>
              ))}
            </select>
          </label>
        </details>
      </div>
      {from && to ? <Paths from={from} to={to} via={via} maxHops={maxHops} /> : <p className="muted">Choose both roles.</p>}
    </section>
  );
}
