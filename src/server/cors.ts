import cors from 'cors';
import type { RequestHandler } from 'express';

/** What a page on an allowed origin may send: JSON bodies, a curator's token, an API key, Apollo's CSRF header. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name'];
/** What it may read besides the simple headers: the request id to quote, and when to retry after a 429. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];
/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access for the pages of `origins` only (exact matches; see
 * src/config/cors-origins.ts), with the `cors` package. A preflight from an allowed
 * origin answers 204 with the methods and headers above; a request from any other
 * origin gets no CORS header at all, so the browser keeps it from the page. No
 * credentials: curators authenticate with a bearer token, never a cookie. Apollo's
 * CSRF prevention stays on. With no origins, there is nothing to add: same origin only.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
  });
  return (request, response, next) => {
    // The answer depends on Origin whether or not it is allowed: tell caches so.
    response.vary('Origin');
    handler(request, response, next);
  };
}
