import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';

/**
 * The Redis client for shared budgets (REDIS_URL). Commands are not queued while
 * the connection is down (rate-limiter-flexible then answers from its in-memory
 * insurance limiter at once), and ioredis keeps reconnecting with backoff. Losing
 * and regaining the connection is logged once each way, not at every retry.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'careers-graph' });
  let up = false;
  let warned = false;
  redis.on('ready', () => {
    up = true;
    warned = false;
    logger.info({ redis: redactedUrl(url) }, 'redis connected: budgets are shared');
  });
  redis.on('error', (error: Error) => {
    if (warned) return;
    warned = true;
    logger.warn({ err: error, redis: redactedUrl(url) }, up ? 'redis connection lost: budgets fall back on this process until it is back' : 'redis unreachable: budgets are kept in this process until it answers');
    up = false;
  });
  return redis;
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
