import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CitationList } from '../components/citation-list';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/query-status';
import { SourcesDisclosure } from '../components/sources-disclosure';
import { kindLabel, nodeHref, nodeLabel } from '../lib/node-label';
import { NodePageQuery } from '../queries/node-page.query';
import { NotFoundPage } from './not-found-page';

const VERB: Record<string, string> = {
  Skill: 'Roles that require it',
  Setting: 'Roles that work here',
  Tool: 'Roles that use it',
  Responsibility: 'Roles that carry it out',
  Education: 'Roles that ask for it',
  Collaborator: 'Roles that work with them',
  SkillGroup: 'Skills in this group',
};

/** A skill, setting, tool or other node: `/nodes/:id`. A role has its own page. */
export function NodePage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, retry] = useQuery({ query: NodePageQuery, variables: { id } });
  if (fetching) return <Loading what="the page" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  const node = data?.node;
  if (!node) {
    return (
      <NotFoundPage title="Nothing with this id">
        The graph holds nothing with the id <code>{id}</code>.
      </NotFoundPage>
    );
  }
  if (node.__typename === 'Role') return <Navigate to={`/roles/${encodeURIComponent(node.id)}`} replace />;
  if (node.__typename === 'SalaryFigure' || node.__typename === 'GrowthFigure') {
    return (
      <section>
        <PageHeading title={nodeLabel(node)} />
        <p>Figures are shown on their role&apos;s page.</p>
      </section>
    );
  }
  const title = nodeLabel(node);
  return (
    <article className="node">
      <PageHeading title={title} />
      <p className="muted">
        {kindLabel(node.__typename)}
        {node.__typename === 'Skill' && node.category ? ` · ${node.category}` : ''}
        {node.__typename === 'Tool' ? ` · ${node.kind}` : ''}
      </p>
      {'description' in node && node.description ? <p className="lede">{node.description}</p> : null}
      {'aliases' in node && node.aliases.length > 0 ? <p className="muted">Also called {node.aliases.join(', ')}.</p> : null}
      <SourcesDisclosure about={title}>{() => <CitationList citations={node.sources} />}</SourcesDisclosure>
      <h2>{VERB[node.__typename] ?? 'Roles'}</h2>
      <ul className="plain">
        {(node.__typename === 'SkillGroup' ? node.skills.map((skill) => ({ ...skill, __typename: 'Skill' })) : node.roles.map((role) => ({ ...role, __typename: 'Role' }))).map(
          (member) => (
            <li key={member.id}>
              <Link to={nodeHref(member)}>{member.name}</Link>
            </li>
          ),
        )}
      </ul>
      {node.__typename === 'Skill' ? (
        <p className="actions">
          <Link to={`/recommend?skills=${encodeURIComponent(node.id)}`}>Roles for someone with this skill</Link>
        </p>
      ) : null}
    </article>
  );
}
