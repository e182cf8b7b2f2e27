import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { BudgetState, ClientBudget } from '../graphql/context';

export interface BudgetOptions {
  /** Cost a client may spend per window. */
  points: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/** Where budgets are kept in Redis: one key per client under this prefix. */
export const BUDGET_KEY_PREFIX = 'careers-graph:budget';

/**
 * Budgets per client key, by rate-limiter-flexible: in this process's memory, or,
 * given a Redis client, in Redis, so that every replica spends from the same budget.
 * While Redis cannot be reached, each process falls back on a budget of its own in
 * memory (the library's insurance limiter) rather than refusing every request or
 * letting every one through.
 */
export function createBudgetLimiter(options: BudgetOptions, redis?: Redis): RateLimiterAbstract {
  const limits = { points: options.points, duration: options.windowSeconds };
  if (!redis) return new RateLimiterMemory(limits);
  return new RateLimiterRedis({
    ...limits,
    storeClient: redis,
    keyPrefix: BUDGET_KEY_PREFIX,
    // Not waiting for a Redis that is down: the insurance limiter answers at once.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(limits),
  });
}

/**
 * The budget a request is charged to: that of the client a configured API key was
 * issued to (by its name, so no key is kept in the limiter), else its address's.
 * Unknown keys never get here: they are refused first (see ApiKeys).
 */
export function clientKey(keyName: string | null, address: string | undefined): string {
  if (keyName !== null) return `key:${keyName}`;
  return `ip:${address ?? 'unknown'}`;
}

export function clientBudget(limiter: RateLimiterAbstract, key: string, options: BudgetOptions): ClientBudget {
  let last: BudgetState | null = null;
  const toState = (result: RateLimiterRes): BudgetState => ({
    limit: options.points,
    remaining: Math.max(0, result.remainingPoints),
    resetInSeconds: Math.ceil(result.msBeforeNext / 1000),
  });
  return {
    async charge(cost) {
      if (cost <= 0) return;
      try {
        last = toState(await limiter.consume(key, cost));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        last = toState(rejection);
        const retryAfterSeconds = Math.max(1, last.resetInSeconds);
        throw new AppError(
          ErrorCode.RATE_LIMITED,
          `Budget of ${options.points} cost per ${options.windowSeconds} s spent; this operation costs ${cost}. Retry in ${retryAfterSeconds} s.`,
          {
            retryAfterSeconds,
            limit: options.points,
            http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
          },
        );
      }
    },
    async refund(cost) {
      if (cost <= 0) return;
      last = toState(await limiter.reward(key, cost));
    },
    state: () => last,
  };
}
