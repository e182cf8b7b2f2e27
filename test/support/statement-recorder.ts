import type { StatementName } from '../../src/database/cypher-catalog';
import type { CypherRunner, Database } from '../../src/database/database';

/** One catalog statement as a request's runner sent it: its name in cypher/queries and its parameters. */
export interface RecordedStatement {
  statement: StatementName;
  params: Record<string, unknown>;
}

/**
 * Records the catalog statements a running service sends, in the order its
 * resolvers send them, by wrapping the runner each request gets from the
 * Database (Database.runner, which createContext calls once per request).
 * Reads and writes are recorded when they are asked for, before they run;
 * what they do is left unchanged. Meant for one request at a time: `take`
 * after each request hands back what that request sent.
 */
export class StatementRecorder {
  private recorded: RecordedStatement[] = [];

  /** Starts recording the statements of every runner `database` makes from now on. */
  attach(database: Database): void {
    const runner = database.runner.bind(database);
    database.runner = (operation) => this.recording(runner(operation));
  }

  /** The statements recorded since the last take, oldest first; recording goes on afresh. */
  take(): RecordedStatement[] {
    const taken = this.recorded;
    this.recorded = [];
    return taken;
  }

  private recording(runner: CypherRunner): CypherRunner {
    const record = (statement: StatementName, params: Record<string, unknown>) => {
      this.recorded.push({ statement, params: structuredClone(params) });
    };
    return {
      stats: runner.stats,
      deadline: runner.deadline,
      read: (name, params) => {
        record(name, params);
        return runner.read(name, params);
      },
      write: (name, params) => {
        record(name, params);
        return runner.write(name, params);
      },
    };
  }
}
