import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../errors/error-code';

/**
 * The explorer's pages. Each answers with the built index.html and the browser's
 * router (web/src/app.tsx) draws the view from the path and query string, so a link
 * to any view can be shared. Keep the two lists in step: the e2e tests open each page
 * by its address. Any other path answers 404: with the same index.html (whose router
 * shows its not-found view) to a browser asking for a page, the API's JSON otherwise.
 */
export const EXPLORER_PAGES = ['/', '/roles/:id', '/nodes/:id', '/compare', '/recommend', '/path'];

/**
 * The page may load scripts, styles, images and fonts from its own origin only and
 * talk to no one else; no inline script or style (the bundle has none), no plugins,
 * no framing. Strict-Transport-Security is left to whoever terminates TLS.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});

function notBuilt(): RequestHandler {
  return (_request, response) => {
    response.status(404).json({
      errors: [{ message: 'The explorer is not built: run `npm run build` (the API is at /graphql).', extensions: { code: ErrorCode.NOT_FOUND } }],
    });
  };
}

/** index.html with `status`, revalidated on each visit. */
function sendPage(indexFile: string, status: number): RequestHandler {
  return (_request, response, next) => {
    response.status(status).set('cache-control', 'no-cache');
    response.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  };
}

/** Goes on only for a request preferring HTML to JSON: a browser opening an address. */
const wantsPage: RequestHandler = (request, _response, next) => {
  next(request.accepts(['json', 'html']) === 'html' ? undefined : 'route');
};

/**
 * Serves the explorer built into `dir` (index.html and assets/): its pages with
 * `Cache-Control: no-cache` (revalidated by ETag, so a new build shows at once) and
 * the hashed assets as immutable, all with a Content-Security-Policy that allows no
 * third-party origin. Any other address a browser opens answers the page with a 404
 * status (its router shows the not-found view); an unknown file under /assets, and any
 * unknown address asked for by fetch() or an API client, falls through to the JSON
 * 404. When `dir` holds no index.html, the pages answer a JSON 404 saying how to build it.
 */
export function explorerRouter(dir: string): { router: express.Router; built: boolean } {
  const router = express.Router();
  const indexFile = path.join(dir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (!built) {
    router.get(EXPLORER_PAGES, notBuilt());
    return { router, built };
  }
  router.get(EXPLORER_PAGES, securityHeaders, sendPage(indexFile, 200));
  router.use(
    '/assets',
    securityHeaders,
    express.static(path.join(dir, 'assets'), {
      index: false,
      redirect: false,
      fallthrough: true,
      // Hashed file names (Vite's `assets/name-<hash>.js`) never change content: cache them for a year.
      maxAge: '1y',
      immutable: true,
    }),
  );
  // Last: an address no page or asset answers. A browser opening it (it prefers HTML
  // to JSON, as a navigation does) gets the page with a 404, and the page shows its
  // not-found view; fetch() and API clients (Accept: */* or JSON) get the JSON 404.
  router.get(/.*/, wantsPage, securityHeaders, sendPage(indexFile, 404));
  return { router, built };
}
