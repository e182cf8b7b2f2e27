import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { CitationList } from '../components/citation-list';
import { InferredBadge } from '../components/inferred-badge';
import { PathGraph, type GraphHop } from '../components/path-graph';
import { ErrorMessage, Loading } from '../components/query-status';
import { SourcesDisclosure } from '../components/sources-disclosure';
import type { PathQuery as PathResult, Relation } from '../generated/graphql';
import { nodeLabel } from '../lib/node-label';
import { hopText, PATH_RELATIONS } from '../lib/relation-phrase';
import { PathQuery } from '../queries/path.query';
import { SkillGapCard } from './skill-gap-card';

type Step = PathResult['paths'][number]['steps'][number];

/**
 * A hop in path order, each relationship with an arrow the way it runs (a path may
 * go against one: from a skill to the role requiring it), then the hop in words,
 * marked when inferred, with its sources on demand.
 */
function HopDetails({ step, name }: { step: Step; name: (id: string) => string }) {
  return (
    <>
      <span className="hop-links" data-testid="hop-links">
        {step.links.map((link) => hopText(link, name(step.from), name(step.to))).join('; ')}
      </span>{' '}
      <span className="hop-explanation">{step.explanation}</span>
      <InferredBadge inferred={step.inferred} />
      <SourcesDisclosure about={step.explanation}>{() => <CitationList citations={step.sources} />}</SourcesDisclosure>
    </>
  );
}

/** The skill gap between two roles and the shortest paths joining them, drawn and listed hop by hop. */
export function PathResults({ from, to, via, maxHops }: { from: string; to: string; via: Relation[]; maxHops: number }) {
  const [{ data, fetching, error }, retry] = useQuery({
    query: PathQuery,
    variables: { from, to, maxHops, via: via.length === PATH_RELATIONS.length ? null : via },
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
      <SkillGapCard gap={data.skillGap} />
      <section aria-labelledby="paths-heading" className="paths">
        <h2 id="paths-heading">How the two connect</h2>
        {data.paths.length === 0 ? (
          <p>No path of {maxHops} steps or fewer through the chosen links. Allow more steps or more kinds of link.</p>
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
                    <HopDetails step={selectedStep} name={name} />
                  </>
                ) : (
                  'Click a line in the graph for its explanation and sources.'
                )}
              </p>
            </div>
            <ol className="path-list">
              {data.paths.map((path, index) => (
                <li key={path.nodes.map((node) => node.id).join('>')} className="card" data-testid="path">
                  <h3>
                    Path {index + 1}: {path.length} {path.length === 1 ? 'step' : 'steps'}
                  </h3>
                  <p className="path-explanation">{path.explanation}</p>
                  <ol className="hops">
                    {path.steps.map((step) => (
                      <li key={`${step.from}>${step.to}`}>
                        <HopDetails step={step} name={name} />
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
