import type { RequestHandler } from 'express';
import type { Database } from '../database/database';

/** How long /health waits for the database before calling it down. */
const HEALTH_TIMEOUT_MS = 2_000;

/** GET /health: 200 when the database answers, 503 otherwise. */
export function healthHandler(database: Database): RequestHandler {
  return async (_request, response) => {
    const up = await database.isReachable(HEALTH_TIMEOUT_MS);
    response.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' });
  };
}
