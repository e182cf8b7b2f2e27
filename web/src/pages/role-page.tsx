import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { FactSources } from '../components/fact-sources';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/query-status';
import type { RolePageQuery } from '../generated/graphql';
import { matchPhrase } from '../lib/format';
import { nodeHref } from '../lib/node-label';
import { RolePageQuery as RolePageDocument } from '../queries/role-page.query';
import { InferredBadge } from '../components/inferred-badge';
import { RoleFigures } from './role-figures';
import { RoleSkills } from './role-skills';
import { NotFoundPage } from './not-found-page';
import { SimilarRoles } from './similar-roles';

type LoadedRole = NonNullable<RolePageQuery['role']>;

/** What a source says of a link besides its existence (O*NET's flags), as short tags. */
function LinkTags({ tags }: { tags: (string | null | false)[] }) {
  const shown = tags.filter((tag): tag is string => Boolean(tag));
  return shown.length > 0 ? (
    <span className="muted link-tags" data-testid="link-tags">
      {' '}
      ({shown.join(', ')})
    </span>
  ) : null;
}

/** A related occupation's place in O*NET's list, e.g. "Primary-Short #2"; nothing for a curated link. */
function relatedPlace(link: { tier?: string | null; rank?: number | null }): string | null {
  if (!link.tier) return null;
  return link.rank ? `${link.tier} #${link.rank}` : link.tier;
}

/** A share of workers, e.g. "45% of workers"; O*NET gives it to one decimal. */
function shareOfWorkers(share: number | null | undefined): string | null {
  return typeof share === 'number' ? `${Number(share.toFixed(1))}% of workers` : null;
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
          <RoleSkills role={role} />
          <FactList title={`Responsibilities (${role.responsibilityLinks.length})`} id="responsibilities">
            {role.responsibilityLinks.map(({ responsibility: node, core }) => (
              <li key={node.id}>
                <Link to={nodeHref({ __typename: 'Responsibility', id: node.id })}>{node.name}</Link>
                <LinkTags tags={[core === true && 'core task', core === false && 'supplemental task']} />
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
            {role.toolLinks.map(({ tool: node, hot, inDemand }) => (
              <li key={node.id}>
                <Link to={nodeHref({ __typename: 'Tool', id: node.id })}>{node.name}</Link> <span className="muted">{node.kind}</span>
                <LinkTags tags={[hot === true && 'hot technology', inDemand === true && 'in demand']} />
                <FactSources roleId={role.id} section="tools" factId={node.id} about={node.name} />
              </li>
            ))}
          </FactList>
          <FactList title="Education" id="education">
            {role.typicalEducation ? (
              <li className="typical" data-testid="typical-education">
                Typically required: <strong>{role.typicalEducation.level}</strong>
                <LinkTags tags={[shareOfWorkers(role.typicalEducation.share)]} />
              </li>
            ) : null}
            {role.education.map((link) => (
              <li key={link.education.id}>
                <Link to={nodeHref({ __typename: 'Education', id: link.education.id })}>{link.level}</Link>
                <LinkTags tags={[shareOfWorkers(link.share)]} />
                <FactSources roleId={role.id} section="education" factId={link.education.id} about={link.level} />
              </li>
            ))}
          </FactList>
          <FactList title="Related careers" id="related">
            {role.relatedRoles.map((link) => (
              <li key={link.role.id}>
                <Link to={nodeHref({ __typename: 'Role', id: link.role.id })}>{link.role.name}</Link> <InferredBadge inferred={link.inferred} />
                <LinkTags tags={[relatedPlace(link)]} />
                {link.reason ? <p className="reason">{link.reason}</p> : null}
                <FactSources roleId={role.id} section="relatedRoles" factId={link.role.id} about={`${role.name} and ${link.role.name}`} />
              </li>
            ))}
          </FactList>
          {role.relatedFrom.length > 0 ? (
            <FactList title="Listed as related by" id="related-from">
              {role.relatedFrom.map((link) => (
                <li key={link.role.id}>
                  <Link to={nodeHref({ __typename: 'Role', id: link.role.id })}>{link.role.name}</Link>
                  <LinkTags tags={[relatedPlace(link)]} />
                </li>
              ))}
            </FactList>
          ) : null}
          <FactList title="Works with" id="collaborators">
            {role.collaborators.map((link) => (
              <li key={link.partner.id}>
                <Link to={nodeHref(link.partner)}>{link.name}</Link> <InferredBadge inferred={link.inferred} />
                <FactSources roleId={role.id} section="collaborators" factId={link.partner.id} about={`${role.name} works with ${link.name}`} />
              </li>
            ))}
          </FactList>
          {role.equivalents.length > 0 ? (
            <FactList title="In other taxonomies" id="equivalents">
              {role.equivalents.map((link) => {
                const target = link.role ? { __typename: 'Role', id: link.role.id } : { __typename: 'OccupationGroup', id: link.group?.id ?? '' };
                return (
                  <li key={target.id}>
                    <Link to={nodeHref(target)}>{link.group ? `ISCO-08 ${link.group.code} ${link.name}` : link.name}</Link>{' '}
                    <span className="muted">
                      {[link.crosswalk, matchPhrase(link.match)].filter(Boolean).join(', ')}
                    </span>
                  </li>
                );
              })}
            </FactList>
          ) : null}
          <SimilarRoles role={role} />
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">Documents cited</h2>
            <ul className="plain">
              {role.sources.map((source) => (
                <li key={source.id}>
                  <cite>{source.title}</cite>
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
      <NotFoundPage title="No such role">
        The graph holds no role with the id <code>{id}</code>.
      </NotFoundPage>
    );
  }
  return <RoleDetails role={data.role} />;
}
