import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_QUERY } from './default-query';
import './ide.css';

/**
 * The GraphQL IDE at /ide: GraphiQL, bundled with its editor and workers into the
 * build, so it loads nothing from another origin and works offline. It talks to
 * /graphql on the same origin; the documentation and autocompletion come from
 * introspection, so they are empty where introspection is off.
 */
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

const root = document.getElementById('graphiql');
if (!root) throw new Error('ide.html has no #graphiql');
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
