import { useQuery } from 'urql';
import type { CitationFieldsFragment, RoleFactSourcesQuery, RoleFactSourcesQueryVariables } from '../generated/graphql';
import { RoleFactSourcesQuery as RoleFactSourcesDocument } from '../queries/role-page.query';
import { CitationList } from './citation-list';
import { ErrorMessage, Loading } from './query-status';
import { SourcesDisclosure } from './sources-disclosure';

/** A section of a role's facts whose citations load together. */
export type FactSection = Exclude<keyof RoleFactSourcesQueryVariables, 'id'>;

type LoadedRole = NonNullable<RoleFactSourcesQuery['role']>;

/** The citations of one fact in a loaded section, or undefined when it is not there. */
function citationsOf(role: LoadedRole, section: FactSection, factId: string): readonly CitationFieldsFragment[] | undefined {
  switch (section) {
    case 'summary':
      return role.citations;
    case 'skills':
      return role.skills?.find((link) => link.skill.id === factId)?.sources;
    case 'responsibilities':
      return role.responsibilities?.find((node) => node.id === factId)?.sources;
    case 'settings':
      return role.settings?.find((node) => node.id === factId)?.sources;
    case 'tools':
      return role.tools?.find((node) => node.id === factId)?.sources;
    case 'education':
      return role.education?.find((link) => link.education.id === factId)?.sources;
    case 'relatedRoles':
      return role.relatedRoles?.find((link) => link.role.id === factId)?.sources;
    case 'collaborators':
      return role.collaborators?.find((link) => link.partner.id === factId)?.sources;
  }
}

function SectionCitations({ roleId, section, factId }: { roleId: string; section: FactSection; factId: string }) {
  const [{ data, fetching, error }, retry] = useQuery({ query: RoleFactSourcesDocument, variables: { id: roleId, [section]: true } });
  if (fetching) return <Loading what="sources" />;
  if (error) return <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} />;
  const citations = data?.role ? citationsOf(data.role, section, factId) : undefined;
  return <CitationList citations={citations ?? []} />;
}

/**
 * A role's fact with its sources on demand. Opening one fetches the passages of its
 * whole section (one query, cached), so the next one opens at once.
 */
export function FactSources({ roleId, section, factId, about }: { roleId: string; section: FactSection; factId: string; about: string }) {
  return <SourcesDisclosure about={about}>{() => <SectionCitations roleId={roleId} section={section} factId={factId} />}</SourcesDisclosure>;
}
