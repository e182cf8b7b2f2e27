import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { FactSources } from '../components/fact-sources';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/query-status';
import type { RolePageQuery } from '../generated/graphql';
import { percent } from '../lib/format';
import { nodeHref } from '../lib/node-label';
import { RolePageQuery as RolePageDocument, SimilarRolesQuery } from '../queries/role-page.query';
import { RoleFigures } from './role-figures';

type LoadedRole = NonNullable<RolePageQuery['role']>;

/** Skill categories in reading order; a category the data adds later goes last. */
const CATEGORY_ORDER = ['creative', 'technical', 'interpersonal', 'organisational', 'knowledge'];

function groupSkills(skills: LoadedRole['skills']): [string, LoadedRole['skills']][] {
  const groups = new Map<string, LoadedRole['skills']>();
  for (const link of skills) {
    const category = link.skill.category ?? 'other';
    groups.set(category, [...(groups.get(category) ?? []), link]);
  }
  const rank = (category: string) => (CATEGORY_ORDER.includes(category) ? CATEGORY_ORDER.indexOf(category) : CATEGORY_ORDER.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function Inferred({ inferred }: { inferred: boolean }) {
  return inferred ? (
    <span className="badge" title="This graph's reading of the text rather than its statement">
      inferred
    </span>
  ) : null;
}

/** The roles most alike this one, each a link to compare the two. */
function SimilarRoles({ role }: { role: LoadedRole }) {
  const [{ data }] = useQuery({ query: SimilarRolesQuery, variables: { id: role.id } });
  if (!data || data.similarRoles.length === 0) return null;
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading">Most alike by skills</h2>
      <ul className="plain">
        {data.similarRoles.map((match) => (
          <li key={match.role.id}>
            <Link to={`/roles/${encodeURIComponent(match.role.id)}`}>{match.role.name}</Link>: {match.sharedSkills.length} skills in common, weighted
            Jaccard {percent(match.score)} ·{' '}
            <Link to={`/compare?roles=${encodeURIComponent(role.id)},${encodeURIComponent(match.role.id)}`}>compare</Link> ·{' '}
            <Link to={`/path?from=${encodeURIComponent(match.role.id)}&to=${encodeURIComponent(role.id)}`}>
              from {match.role.name.toLowerCase()} to {role.name.toLowerCase()}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A list of a role's facts, each a link with its sources on demand. */
function FactList({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="facts">
      <h2 id={`${id}-heading`}>{title}</h2>
      <ul className="fact-list">{children}</ul>
    </section>
  );
}

function RoleDetails({ role }: { role: LoadedRole }) {
  const skillIds = role.skills.map((link) => link.skill.id).join(',');
  return (
    <article className="role">
      <PageHeading title={role.name} />
      {role.aliases.length > 0 ? <p className="muted">Also called {role.aliases.join(', ')}.</p> : null}
      {role.summary ? <p className="lede">{role.summary}</p> : null}
      <FactSources roleId={role.id} section="summary" factId={role.id} about={role.name} />
      {role.externalCodes.length > 0 ? (
        <p className="muted">
          Codes: {role.externalCodes.map((code) => `${code.system.replace('_', '-')} ${code.code}`).join(' · ')}
        </p>
      ) : null}
      <p className="actions">
        <Link to={`/path?to=${encodeURIComponent(role.id)}`}>How to become one</Link>
        <Link to={`/recommend?skills=${encodeURIComponent(skillIds)}`}>Roles for these skills</Link>
        <Link to={`/compare?roles=${encodeURIComponent(role.id)}`}>Compare with…</Link>
      </p>
      <div className="role-grid">
        <div>
          <section aria-labelledby="skills-heading" className="facts">
            <h2 id="skills-heading">Skills ({role.skills.length})</h2>
            {groupSkills(role.skills).map(([category, links]) => (
              <div key={category} className="skill-group">
                <h3>{category}</h3>
                <ul className="fact-list">
                  {links.map((link) => (
                    <li key={link.skill.id}>
                      <Link to={nodeHref({ __typename: 'Skill', id: link.skill.id })}>{link.skill.name}</Link> <Inferred inferred={link.inferred} />
                      <FactSources roleId={role.id} section="skills" factId={link.skill.id} about={`${role.name} requires ${link.skill.name}`} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <FactList title={`Responsibilities (${role.responsibilities.length})`} id="responsibilities">
            {role.responsibilities.map((node) => (
              <li key={node.id}>
                <Link to={nodeHref(node)}>{node.name}</Link>
                <FactSources roleId={role.id} section="responsibilities" factId={node.id} about={node.name} />
              </li>
            ))}
          </FactList>
        </div>
        <div>
          <RoleFigures role={role} />
          <FactList title="Settings" id="settings">
            {role.settings.map((node) => (
              <li key={node.id}>
                <Link to={nodeHref(node)}>{node.name}</Link>
                <FactSources roleId={role.id} section="settings" factId={node.id} about={node.name} />
              </li>
            ))}
          </FactList>
          <FactList title="Tools" id="tools">
            {role.tools.map((node) => (
              <li key={node.id}>
                <Link to={nodeHref(node)}>{node.name}</Link> <span className="muted">{node.kind}</span>
                <FactSources roleId={role.id} section="tools" factId={node.id} about={node.name} />
              </li>
            ))}
          </FactList>
          <FactList title="Education" id="education">
            {role.education.map((link) => (
              <li key={link.education.id}>
                <Link to={nodeHref({ __typename: 'Education', id: link.education.id })}>{link.level}</Link>
                <FactSources roleId={role.id} section="education" factId={link.education.id} about={link.level} />
              </li>
            ))}
          </FactList>
          <FactList title="Related careers" id="related">
            {role.relatedRoles.map((link) => (
              <li key={link.role.id}>
                <Link to={nodeHref({ __typename: 'Role', id: link.role.id })}>{link.role.name}</Link> <Inferred inferred={link.inferred} />
                {link.reason ? <p className="reason">{link.reason}</p> : null}
                <FactSources roleId={role.id} section="relatedRoles" factId={link.role.id} about={`${role.name} and ${link.role.name}`} />
              </li>
            ))}
          </FactList>
          <FactList title="Works with" id="collaborators">
            {role.collaborators.map((link) => (
              <li key={link.partner.id}>
                <Link to={nodeHref(link.partner)}>{link.name}</Link> <Inferred inferred={link.inferred} />
                <FactSources roleId={role.id} section="collaborators" factId={link.partner.id} about={`${role.name} works with ${link.name}`} />
              </li>
            ))}
          </FactList>
          <SimilarRoles role={role} />
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">Documents cited</h2>
            <ul className="plain">
              {role.sources.map((source) => (
                <li key={source.id}>
                  <cite>{source.title}</cite> <span className="source-id">({source.id})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}

/** A role's page: `/roles/:id`. */
export function RolePage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, retry] = useQuery({ query: RolePageDocument, variables: { id } });
  if (fetching) return <Loading what="the role" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  if (!data?.role) {
    return (
      <section>
        <PageHeading title="No such role" />
        <p>
          The graph holds no role with the id <code>{id}</code>. <Link to="/">Search</Link> for one.
        </p>
      </section>
    );
  }
  return <RoleDetails role={data.role} />;
}
