import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../errors/error-code';

/**
 * The explorer's pages. Each answers with the built index.html and the browser's
 * router (web/src/app.tsx) draws the view from the path and query string, so a link
 * to any view can be shared. Keep the two lists in step: the e2e tests open each page
 * by its address. Any other path stays the API's JSON 404.
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

/**
 * Serves the explorer built into `dir` (index.html and assets/): its pages with
 * `Cache-Control: no-cache` (revalidated by ETag, so a new build shows at once) and
 * the hashed assets as immutable, all with a Content-Security-Policy that allows no
 * third-party origin. An unknown file under /assets falls through to the JSON 404.
 * When `dir` holds no index.html, the pages answer a JSON 404 saying how to build it.
 */
export function explorerRouter(dir: string): { router: express.Router; built: boolean } {
  const router = express.Router();
  const indexFile = path.join(dir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (!built) {
    router.get(EXPLORER_PAGES, notBuilt());
    return { router, built };
  }
  router.get(EXPLORER_PAGES, securityHeaders, (_request, response, next) => {
    response.set('cache-control', 'no-cache');
    response.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  });
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
  return { router, built };
}
