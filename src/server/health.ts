import type { RequestHandler } from 'express';
import type { Database } from '../database/database';

/** How long a readiness check waits for the database before calling it down. */
const HEALTH_TIMEOUT_MS = 2_000;

/** GET /health/live: 200 while the process serves HTTP. It never asks the database, so a slow database does not get a live process restarted. */
export const liveHandler: RequestHandler = (_request, response) => {
  response.status(200).json({ status: 'ok' });
};

/**
 * GET /health/ready (and GET /health): 200 when the database answers a read, and,
 * when `writes` (curation is enabled), a statement sent as a write too, which a
 * cluster routes to its leader; 503 otherwise. The checks do not go through
 * admission control, so a flood of queries does not make a healthy replica look down.
 */
export function readyHandler(database: Database, options: { writes: boolean }): RequestHandler {
  return async (_request, response) => {
    const [read, write] = await Promise.all([
      database.isReachable(HEALTH_TIMEOUT_MS, 'READ'),
      options.writes ? database.isReachable(HEALTH_TIMEOUT_MS, 'WRITE') : Promise.resolve(null),
    ]);
    const up = read && write !== false;
    response.status(up ? 200 : 503).json({
      status: up ? 'ok' : 'unavailable',
      database: read ? 'up' : 'down',
      ...(write === null ? {} : { writes: write ? 'up' : 'down' }),
    });
  };
}
