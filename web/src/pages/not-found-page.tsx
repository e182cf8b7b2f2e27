import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';

/**
 * The explorer's not-found view: any address it does not know (the server answers
 * such an address with this page and a 404), and an id that names nothing in the graph.
 */
export function NotFoundPage({ title = 'Page not found', children }: { title?: string; children?: ReactNode }) {
  return (
    <section className="not-found" data-testid="not-found">
      <PageHeading title={title} />
      <p>
        {children ?? 'There is no view at this address.'} <Link to="/">Search the graph</Link> instead.
      </p>
    </section>
  );
}
