import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';

/** Any address the explorer does not know. */
export function NotFoundPage() {
  return (
    <section>
      <PageHeading title="Page not found" />
      <p>
        There is no view at this address. <Link to="/">Search the graph</Link> instead.
      </p>
    </section>
  );
}
