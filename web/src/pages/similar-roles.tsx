import { Link } from 'react-router';
import { useQuery } from 'urql';
import { percent } from '../lib/format';
import { SimilarRolesQuery } from '../queries/role-page.query';

/** The roles most alike this one, each a link to compare the two. */
export function SimilarRoles({ role }: { role: { id: string; name: string } }) {
  const [{ data }] = useQuery({ query: SimilarRolesQuery, variables: { id: role.id } });
  if (!data || data.similarRoles.length === 0) return null;
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading">Most alike</h2>
      <ul className="plain">
        {data.similarRoles.map((match) => (
          <li key={match.role.id}>
            <Link to={`/roles/${encodeURIComponent(match.role.id)}`}>{match.role.name}</Link>: {percent(match.score)} alike in name, duties and skills,{' '}
            {match.sharedSkills.length} skills in common ·{' '}
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
