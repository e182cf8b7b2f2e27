import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ChosenList } from '../components/chosen-list';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/query-status';
import { SearchBox } from '../components/search-box';
import { percent } from '../lib/format';
import { readIdList, withIdList } from '../lib/id-list-param';
import { RecommendQuery, SkillListQuery, SkillNameQuery } from '../queries/recommend.query';

/** `recommendRoles` takes at most 100 skills. */
const MAX_SKILLS = 100;

function SkillName({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: SkillNameQuery, variables: { id } });
  return <>{data?.skill?.name ?? id}</>;
}

/** The graph's skills by category, each a toggle: for readers who do not know the graph's words for what they can do. */
function SkillBrowser({ chosen, onToggle }: { chosen: readonly string[]; onToggle: (id: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: SkillListQuery });
  if (fetching) return <Loading what="skills" />;
  if (error || !data) return error ? <ErrorMessage error={error} /> : null;
  const byCategory = new Map<string, { id: string; name: string }[]>();
  for (const { node } of data.skills.edges) {
    const category = node.category ?? 'other';
    byCategory.set(category, [...(byCategory.get(category) ?? []), node]);
  }
  return (
    <div className="skill-browser">
      {[...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([category, skills]) => (
        <fieldset key={category}>
          <legend>{category}</legend>
          {skills
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((skill) => (
              <label key={skill.id} className="check">
                <input type="checkbox" checked={chosen.includes(skill.id)} onChange={() => onToggle(skill.id)} /> {skill.name}
              </label>
            ))}
        </fieldset>
      ))}
      {data.skills.totalCount > data.skills.edges.length ? (
        <p className="muted">
          The first {data.skills.edges.length} of {data.skills.totalCount} skills; search for the others.
        </p>
      ) : null}
    </div>
  );
}

function Recommendations({ skills }: { skills: string[] }) {
  const [{ data, fetching, error }, retry] = useQuery({ query: RecommendQuery, variables: { skills } });
  if (fetching) return <Loading what="recommendations" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  if (!data) return null;
  if (data.recommendRoles.length === 0) return <p>No role requires any of these skills.</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Roles that fit ({data.recommendRoles.length})</h2>
      <p className="muted">
        Score: how closely your skills match what the role needs most, from 0 to 1. A role scores 1 when your skills are exactly what it
        needs; skills it does not need, and needs you do not have, both lower it.
      </p>
      <ol className="results">
        {data.recommendRoles.map((recommendation) => (
          <li key={recommendation.role.id} className="card recommendation" data-testid="recommendation">
            <h3>
              <Link to={`/roles/${encodeURIComponent(recommendation.role.id)}`}>{recommendation.role.name}</Link>
            </h3>
            <p>
              <meter min={0} max={1} value={recommendation.score} aria-label={`Fit for ${recommendation.role.name}`} /> {percent(recommendation.score)} fit
            </p>
            <div className="two-columns">
              <div>
                <h4>You have ({recommendation.matched.length})</h4>
                <ul className="plain matched">
                  {recommendation.matched.map((skill) => (
                    <li key={skill.id}>{skill.name}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h4>To learn ({recommendation.missing.length})</h4>
                <ul className="plain missing">
                  {recommendation.missing.map((skill) => (
                    <li key={skill.id}>
                      <Link to={`/nodes/${encodeURIComponent(skill.id)}`}>{skill.name}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "I have these skills": `/recommend?skills=a,b,c`. */
export function RecommendPage() {
  const [params, setParams] = useSearchParams();
  const skills = readIdList(params, 'skills', MAX_SKILLS);
  const setSkills = (next: string[]) => setParams(withIdList(params, 'skills', next), { replace: true });
  const toggle = (id: string) => setSkills(skills.includes(id) ? skills.filter((other) => other !== id) : [...skills, id]);
  return (
    <section className="recommend">
      <PageHeading title="Which roles fit my skills?" />
      <p className="lede">Say what you can do; see the roles that fit, what you already have for each, and what is left to learn.</p>
      <div className="controls">
        <SearchBox label="Add a skill" kinds={['SKILL']} placeholder="e.g. mixing" exclude={skills} onSelect={(hit) => setSkills([...skills, hit.node.id])} />
        <ChosenList label="Your skills" items={skills.map((id) => ({ id, name: <SkillName id={id} />, text: id }))} onRemove={toggle} />
        <details className="browse">
          <summary>Browse all skills</summary>
          <SkillBrowser chosen={skills} onToggle={toggle} />
        </details>
      </div>
      {skills.length > 0 ? <Recommendations skills={skills} /> : <p className="muted">Add at least one skill.</p>}
    </section>
  );
}
