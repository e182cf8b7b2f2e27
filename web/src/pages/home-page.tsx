import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/query-status';
import { SearchBox } from '../components/search-box';
import { nodeHref } from '../lib/node-label';
import { HomeQuery } from '../queries/home.query';

/** Search with autocomplete, the roles of the graph, and questions to start from. */
export function HomePage() {
  const navigate = useNavigate();
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeQuery });
  return (
    <section className="home">
      <PageHeading title="Explore careers in audio and music" />
      <p className="lede">
        Roles, the skills they require, where they work, the tools they use and what they earn, from a knowledge graph in which every fact
        cites its source.
      </p>
      <SearchBox
        label="Search roles, skills, settings and tools"
        placeholder="e.g. mixing, theater, Pro Tools"
        onSelect={(hit) => navigate(hit.kind === 'ROLE' ? `/roles/${encodeURIComponent(hit.node.id)}` : nodeHref({ id: hit.node.id }))}
      />
      <h2>Start from a question</h2>
      <ul className="questions">
        <li>
          <Link to="/compare?roles=music-producer,sound-engineer">What do a music producer and a sound engineer share?</Link>
        </li>
        <li>
          <Link to="/path?from=sound-engineer&to=music-producer">How would a sound engineer become a music producer?</Link>
        </li>
        <li>
          <Link to="/recommend?skills=mixing,acoustics,sound-reinforcement-and-live-mixing">
            I can mix, treat a room and run live sound: which roles fit?
          </Link>
        </li>
      </ul>
      <h2>Roles</h2>
      {fetching ? <Loading what="roles" /> : null}
      {error ? <ErrorMessage error={error} retry={() => retry({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <>
          <ul className="cards">
            {data.roles.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <Link to={`/roles/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                {node.summary ? <p>{node.summary}</p> : null}
              </li>
            ))}
          </ul>
          {data.roles.totalCount > data.roles.edges.length ? (
            <p className="muted">
              {data.roles.edges.length} of {data.roles.totalCount} roles; search for the others.
            </p>
          ) : null}
          <h2>Sources</h2>
          <ul className="plain">
            {data.sources.map((source) => (
              <li key={source.id}>
                <cite>{source.title}</cite>: {source.factCount} facts
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
