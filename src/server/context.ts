import { randomUUID } from 'node:crypto';
import type { CypherRunner, Database } from '../database/database';
import { createLoaders, type Loaders } from '../graphql/loaders';
import { createRepositories, type Repositories } from '../graphql/repositories';
import type { Logger } from '../logging/logger';

/** What every resolver receives: one per HTTP request. */
export interface Context {
  requestId: string;
  /** Filled in once the operation is parsed; names database transactions. */
  operation: { name: string };
  run: CypherRunner;
  repositories: Repositories;
  loaders: Loaders;
  logger: Logger;
}

export function createContext(database: Database, logger: Logger, requestId: string = randomUUID()): Context {
  const operation = { name: 'anonymous' };
  const run = database.runner(() => operation.name);
  const repositories = createRepositories(run);
  return {
    requestId,
    operation,
    run,
    repositories,
    loaders: createLoaders(repositories),
    logger: logger.child({ requestId }),
  };
}
