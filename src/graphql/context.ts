import { randomUUID } from 'node:crypto';
import type { Curator } from '../auth/curator-tokens';
import type { CypherRunner, Database, StatementGate } from '../database/database';
import type { RoleNeighboursRefresher } from '../database/role-neighbours';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from '../repositories/repositories';
import type { Logger } from '../logging/logger';
import { CurationRepository } from '../repositories/curation.repository';

export interface BudgetState {
  limit: number;
  remaining: number;
  resetInSeconds: number;
}

/** One request's view of its client's budget. */
export interface ClientBudget {
  /** Spends `cost`; throws RATE_LIMITED (HTTP 429, Retry-After) when the budget does not cover it. */
  charge(cost: number): Promise<void>;
  /** Gives back `cost` charged for an operation that was then not run. */
  refund(cost: number): Promise<void>;
  /** The budget after the last charge, or null before any. */
  state(): BudgetState | null;
}

/** One request's place among the operations its process runs (see server/admission.ts). */
export interface ClientAdmission {
  /** Asks for a slot; `ready` rejects with CONCURRENCY_LIMITED or OVERLOADED when refused. `leave` must follow, once the operation ends. */
  admit(heavy: boolean): { ready: Promise<void>; leave(): void };
  /** What each of the request's statements passes through (a heavy operation's wait for a statement slot). */
  gate: StatementGate;
}

/** What every resolver receives: one per HTTP request. */
export interface Context {
  requestId: string;
  /** Filled in once the operation is parsed; names database transactions. */
  operation: { name: string };
  run: CypherRunner;
  repositories: Repositories;
  loaders: Loaders;
  logger: Logger;
  /** The cost budget of the client making the request. */
  budget: ClientBudget;
  /** The client's share of the process's database slots. */
  admission: ClientAdmission;
  /** The curator whose bearer token the request carries; null for anonymous reads. */
  curator: Curator | null;
  /** Writes, each one transaction; mutations only, and only for a curator. */
  curation: CurationRepository;
}

/** A budget that never runs out, for work outside HTTP requests. */
export const UNLIMITED_BUDGET: ClientBudget = { charge: async () => undefined, refund: async () => undefined, state: () => null };

/** Admission that admits at once, for work outside HTTP requests. */
export const ALWAYS_ADMITTED: ClientAdmission = { admit: () => ({ ready: Promise.resolve(), leave: () => undefined }), gate: (statement) => statement() };

export function createContext(
  database: Database,
  logger: Logger,
  budget: ClientBudget = UNLIMITED_BUDGET,
  requestId: string = randomUUID(),
  curator: Curator | null = null,
  neighbours: RoleNeighboursRefresher | null = null,
  admission: ClientAdmission = ALWAYS_ADMITTED,
): Context {
  const operation = { name: 'anonymous' };
  const run = database.runner(() => operation.name, admission.gate);
  const repositories = createRepositories(run);
  return {
    requestId,
    operation,
    run,
    repositories,
    loaders: createLoaders(repositories),
    logger: logger.child({ requestId }),
    budget,
    admission,
    curator,
    curation: new CurationRepository(database, run.stats, run.deadline, neighbours),
  };
}
