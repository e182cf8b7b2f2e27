import type { RequestHandler } from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../errors/error-code';

/** Where the GraphQL IDE is served. */
export const IDE_PAGE = '/ide';

/**
 * The IDE's page may load from its own origin only, like the explorer's, with two
 * allowances GraphiQL needs: its editor (Monaco) adds `<style>` elements as it
 * draws (refused under `style-src 'self'`, so 'unsafe-inline' for styles, never for
 * scripts), and GraphiQL's stylesheet carries its fonts as data: URLs. Its workers
 * are files of the build (worker-src 'self').
 */
const ideSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});

/**
 * GET /ide: GraphiQL, built with the explorer into `dir` (ide.html; its files are
 * the explorer's assets/), revalidated on each visit. Without a build, a JSON 404
 * saying how to build it.
 */
export function ideHandlers(dir: string): RequestHandler[] {
  const ideFile = path.join(dir, 'ide.html');
  if (!fs.existsSync(ideFile)) {
    return [
      (_request, response) => {
        response.status(404).json({
          errors: [{ message: 'The IDE is not built: run `npm run build` (the API is at /graphql).', extensions: { code: ErrorCode.NOT_FOUND } }],
        });
      },
    ];
  }
  return [
    ideSecurityHeaders,
    (_request, response, next) => {
      response.set('cache-control', 'no-cache');
      response.sendFile(ideFile, (error) => {
        if (error) next(error);
      });
    },
  ];
}

/**
 * A browser opening /graphql (a GET or HEAD without a query that prefers HTML) is
 * sent to the IDE; every other request goes on to the API.
 */
export const ideRedirect: RequestHandler = (request, response, next) => {
  const prefersHtml = request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
  if ((request.method === 'GET' || request.method === 'HEAD') && prefersHtml && request.query.query === undefined) {
    response.redirect(302, IDE_PAGE);
    return;
  }
  next();
};
