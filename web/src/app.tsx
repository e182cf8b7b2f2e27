import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { AnnouncePage } from './components/page-heading';
import { Loading } from './components/query-status';
import { ComparePage } from './pages/compare-page';
import { HomePage } from './pages/home-page';
import { NodePage } from './pages/node-page';
import { NotFoundPage } from './pages/not-found-page';
import { RecommendPage } from './pages/recommend-page';
import { RolePage } from './pages/role-page';

// The path view draws with Cytoscape.js, the largest library here: load it with that view only.
const PathPage = lazy(() => import('./pages/path-page').then((module) => ({ default: module.PathPage })));

/**
 * After a client-side move to another view, focus goes back to the top of the
 * document (the returned element, which holds the whole page), as a full page load
 * would leave it: the first Tab then reaches the skip link, and the focus no longer
 * rests on a link of the view left behind. A change of the query string alone (a view
 * updating its own state, e.g. a skill added) leaves focus where it is.
 */
function useFocusTopOnNavigation() {
  const top = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  // A layout effect: focus moves before the new view is painted, so a key pressed as soon as it shows already starts from the top.
  useLayoutEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    top.current?.focus();
  }, [pathname]);
  return top;
}

/**
 * The explorer: a header with the views, and the view the address names. The paths
 * here are the server's EXPLORER_PAGES (src/server/explorer.ts); every view keeps its
 * state in the query string, so its address can be shared.
 */
export function App() {
  const top = useFocusTopOnNavigation();
  const [announcement, setAnnouncement] = useState('');
  return (
    <div ref={top} tabIndex={-1} className="app" data-testid="app">
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="page-announcement">
        {announcement}
      </p>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          Careers graph <span>explorer</span>
        </NavLink>
        <nav aria-label="Views">
          <ul>
            <li>
              <NavLink to="/" end>
                Search
              </NavLink>
            </li>
            <li>
              <NavLink to="/compare">Compare</NavLink>
            </li>
            <li>
              <NavLink to="/recommend">Recommend</NavLink>
            </li>
            <li>
              <NavLink to="/path">Path</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <AnnouncePage value={setAnnouncement}>
          <Suspense fallback={<Loading what="the view" />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/roles/:id" element={<RolePage />} />
            <Route path="/nodes/:id" element={<NodePage />} />
            <Route path="/compare" element={<ComparePage />} />
            <Route path="/recommend" element={<RecommendPage />} />
            <Route path="/path" element={<PathPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
          </Suspense>
        </AnnouncePage>
      </main>
      <footer className="site-footer">
        <p>
          Every fact cites the document it comes from: open <em>Sources</em> next to it. The API is at /graphql: try it in <a href="/ide">the GraphQL IDE</a>, or read <a href="/schema.graphql">its schema</a>.
        </p>
      </footer>
    </div>
  );
}
