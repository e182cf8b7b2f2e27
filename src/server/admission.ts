import { Sema } from 'async-sema';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { DEFAULT_ADMISSION, type AdmissionOptions } from '../config/config';
import type { StatementGate } from '../database/database';
import { rootFieldsByKey } from './root-fields';

export { DEFAULT_ADMISSION, type AdmissionOptions };


/**
 * Root fields whose work grows with the graph rather than with what they return:
 * searches over many roles and paths. Any other operation counts as heavy when its
 * estimated cost reaches HEAVY_COST.
 */
export const HEAVY_ROOT_FIELDS: ReadonlySet<string> = new Set(['recommendRoles', 'nextSkills', 'careerPath', 'paths', 'neighborhood']);
/**
 * An estimate reaches it when lists are read two levels deep at the real releases' sizes for many nodes (40
 * roles with their skills: 48,120), not for one role's page with its related roles' skills (the benchmark's
 * RoleDetail: 33,893; the explorer's role page: 9,658). It measures the work, not the operator's policy, so it
 * does not follow COST_LIMIT: under a raised limit 40 roles with their skills are as heavy as before, and under a
 * lower one they are refused before their weight matters.
 */
export const HEAVY_COST = 40_000;

/** Seconds a refused client is told to wait: slots free up within a request's time. */
const RETRY_AFTER_SECONDS = 1;

/** The root fields an operation selects, through inline fragments and fragment spreads. */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  return new Set([...rootFieldsByKey(operation, document).values()].map((field) => field.name.value));
}

export function isHeavy(document: DocumentNode, operation: OperationDefinitionNode, cost: number): boolean {
  if (cost >= HEAVY_COST) return true;
  for (const name of rootFields(document, operation)) if (HEAVY_ROOT_FIELDS.has(name)) return true;
  return false;
}

/** Running slots with a bounded waiting room (async-sema's semaphore keeps the FIFO queue). */
class Lane {
  private readonly slots: Sema;
  running = 0;

  constructor(
    size: number,
    private readonly queue: number,
  ) {
    this.slots = new Sema(size);
  }

  get waiting(): number {
    return this.slots.nrWaiting();
  }

  /** A slot now, a promise of one, or null when the waiting room is full. */
  enter(): Promise<void> | null {
    if (this.slots.tryAcquire() !== undefined) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.slots.nrWaiting() >= this.queue) return null;
    return this.slots.acquire().then(() => {
      this.running += 1;
    });
  }

  leave(): void {
    this.running -= 1;
    this.slots.release();
  }
}

/** One operation's place: `ready` settles when it may run (or rejects when refused); `leave` frees it, once, whenever called. */
export interface Admitted {
  ready: Promise<void>;
  leave(): void;
}

export interface AdmissionRefusals {
  /** A client had its maximum of operations running or waiting. */
  client: number;
  /** The waiting room was full. */
  overloaded: number;
}

function overloaded(): AppError {
  return new AppError(ErrorCode.OVERLOADED, `The service is at capacity; retry in ${RETRY_AFTER_SECONDS} s.`, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    http: {
      status: 503,
      headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]),
    },
  });
}

/**
 * Admission control for one process: a lane of `maxInFlight` slots for every
 * operation, inside it a narrower lane for heavy ones, a cap per client, and a
 * bound on the statements heavy operations have in Neo4j at once.
 * A heavy operation takes its heavy slot first, then a general one, so heavy work
 * can never hold more than `maxHeavyInFlight` of the general slots.
 */
export class Admission {
  private readonly all: Lane;
  private readonly heavy: Lane;
  private readonly heavyStatements: Sema;
  private readonly perClient = new Map<string, number>();
  readonly refusals: AdmissionRefusals = { client: 0, overloaded: 0 };

  constructor(readonly options: AdmissionOptions = DEFAULT_ADMISSION) {
    this.all = new Lane(options.maxInFlight, options.maxQueued);
    this.heavy = new Lane(Math.min(options.maxHeavyInFlight, options.maxInFlight), options.maxQueued);
    this.heavyStatements = new Sema(options.maxHeavyStatements);
  }

  /**
   * One request's handle: `admit` as below for its client, and the gate its
   * statements pass, which holds those of a heavy operation to `maxHeavyStatements`
   * at a time across the process (a light one's pass at once).
   */
  forRequest(client: string): { admit(heavy: boolean): Admitted; gate: StatementGate } {
    let heavy = false;
    return {
      admit: (isHeavy) => {
        heavy = isHeavy;
        return this.admit(client, isHeavy);
      },
      gate: async (statement) => {
        if (!heavy) return statement();
        await this.heavyStatements.acquire();
        try {
          return await statement();
        } finally {
          this.heavyStatements.release();
        }
      },
    };
  }

  /** Operations running now. */
  get running(): number {
    return this.all.running;
  }

  /** Operations waiting for a slot now. */
  get waiting(): number {
    return this.all.waiting + this.heavy.waiting;
  }

  /**
   * Asks for a place for one operation of `client`. Refuses at once (the returned
   * `ready` rejects) when the client is at its cap or the waiting room is full.
   * The caller must call `leave` when the operation ends, including when `ready`
   * rejected or was never awaited.
   */
  admit(client: string, heavy: boolean): Admitted {
    const count = this.perClient.get(client) ?? 0;
    if (count >= this.options.maxPerClient) {
      this.refusals.client += 1;
      const refusal = new AppError(
        ErrorCode.CONCURRENCY_LIMITED,
        `This client already has ${count} operations running or waiting, the most allowed; retry in ${RETRY_AFTER_SECONDS} s.`,
        {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
          limit: this.options.maxPerClient,
          http: {
            status: 429,
            headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]),
          },
        },
      );
      return { ready: Promise.reject(refusal), leave: () => undefined };
    }
    this.perClient.set(client, count + 1);

    let left = false;
    const held = { heavy: false, all: false };
    const leave = (): void => {
      if (left) return;
      left = true;
      if (held.all) this.all.leave();
      if (held.heavy) this.heavy.leave();
      const remaining = (this.perClient.get(client) ?? 1) - 1;
      if (remaining > 0) this.perClient.set(client, remaining);
      else this.perClient.delete(client);
    };
    // Takes a lane's slot; a slot granted after the operation was given up is handed back at once.
    const take = async (lane: Lane, key: 'heavy' | 'all'): Promise<void> => {
      const entered = lane.enter();
      if (entered === null) {
        this.refusals.overloaded += 1;
        leave();
        throw overloaded();
      }
      await entered;
      if (left) lane.leave();
      else held[key] = true;
    };
    const ready = (async () => {
      if (heavy) await take(this.heavy, 'heavy');
      if (!left) await take(this.all, 'all');
    })();
    // The caller may give up before awaiting (another check refused the request): no unhandled rejection.
    ready.catch(() => undefined);
    return { ready, leave };
  }
}
